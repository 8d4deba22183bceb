import { z } from "zod";

/**
 * The cursor of a polled document (a feed, a reviews page): HTTP validators for a conditional
 * GET and the ids already emitted, newest first — the Huginn `seen_ids` memory. Opaque JSON to
 * everyone but the connector; one that cannot be read starts over rather than failing the source.
 */
const seenCursorSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  seen: z.array(z.string()).default([]),
});

export type TSeenCursor = z.infer<typeof seenCursorSchema>;

export function readSeenCursor(cursor: string | null): TSeenCursor {
  if (!cursor) return { seen: [] };
  try {
    const parsed = seenCursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : { seen: [] };
  } catch {
    return { seen: [] };
  }
}

export function writeSeenCursor(cursor: TSeenCursor): string {
  const out: TSeenCursor = { seen: cursor.seen };
  if (cursor.etag) out.etag = cursor.etag;
  if (cursor.lastModified) out.lastModified = cursor.lastModified;
  return JSON.stringify(out);
}

/** This fetch's ids (newest first) ahead of the remembered ones, without repeats, at most `cap`. */
export function mergeSeen(current: readonly string[], previous: readonly string[], cap: number): string[] {
  return [...new Set([...current, ...previous])].slice(0, cap);
}
