import { z } from "zod";

/**
 * Across runs: the highest message id already returned. Within a run that pages back through
 * older posts: where to continue (`before`) and the highest id this run has seen, which becomes
 * `lastId` only once the pages down to the old `lastId` have all been returned — a run cut short
 * resumes at `before` instead of skipping the gap.
 */
const cursorSchema = z.object({
  lastId: z.number().int().nonnegative(),
  run: z
    .object({
      before: z.number().int().positive(),
      maxId: z.number().int().nonnegative(),
      pages: z.number().int().positive(),
    })
    .optional(),
});

export type TTelegramCursor = z.infer<typeof cursorSchema>;

/** An unreadable cursor (an older format, a hand-edited row) starts over rather than failing every run. */
export function readTelegramCursor(raw: string | null): TTelegramCursor {
  if (raw === null) return { lastId: 0 };
  try {
    return cursorSchema.parse(JSON.parse(raw));
  } catch {
    return { lastId: 0 };
  }
}

export function writeTelegramCursor(cursor: TTelegramCursor): string {
  return JSON.stringify(cursor);
}
