import { z } from "zod";
import type { TLogger } from "../../lib/logger.ts";
import type { TConnectorItem } from "../connector.ts";

/**
 * What the Reddit connector remembers (JSON only it reads; never a token). Across runs: the
 * newest `created_utc` seen and the keys of recent items, so the 10-minute overlap re-reads
 * without re-returning. Within a run: the `after` fullname of the next page and the window.
 * `key` ties it to the query and subreddit it was made for.
 */
export const OVERLAP_SECONDS = 10 * 60;
export const SEEN_LIMIT = 1000;

export const redditCursorSchema = z.object({
  key: z.string(),
  /** Unix seconds: the newest created_utc returned. */
  watermark: z.number().optional(),
  seen: z.array(z.string()).default([]),
  run: z
    .object({
      after: z.string(),
      since: z.number(),
      maxDate: z.number(),
      pages: z.number().int(),
    })
    .optional(),
});
export type TRedditCursor = z.infer<typeof redditCursorSchema>;

export function readRedditCursor(raw: string | null, key: string, logger: TLogger): TRedditCursor | undefined {
  if (raw === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    logger.warn({ connector: "reddit" }, "unreadable cursor; starting over");
    return undefined;
  }
  const parsed = redditCursorSchema.safeParse(json);
  if (!parsed.success) {
    logger.warn({ connector: "reddit" }, "cursor in an unknown shape; starting over");
    return undefined;
  }
  return parsed.data.key === key ? parsed.data : undefined;
}

/** The fullname, plus the edit time once edited: an edit is returned again as an update. */
export function seenKey(item: TConnectorItem): string {
  return item.updatedAt ? `${item.externalId}@${Date.parse(item.updatedAt) / 1000}` : item.externalId;
}

export function mergeSeen(fresh: readonly string[], old: readonly string[]): string[] {
  return [...new Set([...fresh, ...old])].slice(0, SEEN_LIMIT);
}
