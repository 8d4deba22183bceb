import { z } from "zod";
import type { TConnectorItem } from "../connector.ts";
import type { TLogger } from "../../lib/logger.ts";

/**
 * What the VK connector remembers between calls (JSON only it reads). Across runs: a time
 * watermark plus the keys of recently returned items, so the overlap window re-reads without
 * re-returning. Within a run: where paging stands. `key` ties a cursor to the query or community
 * it was made for; a cursor for something else (the config changed) means starting over.
 */
export const OVERLAP_SECONDS = 10 * 60;
/** Item keys remembered for the overlap; oldest fall off first. */
export const SEEN_LIMIT = 1000;

const seen = z.array(z.string()).default([]);

export const vkSearchCursorSchema = z.object({
  mode: z.literal("search"),
  key: z.string(),
  /** Unix seconds: `start_time` of the search (the watermark minus the overlap). */
  startTime: z.number().int(),
  seen,
  /** Within a run only: VK's `next_from` for the next page. */
  nextFrom: z.string().optional(),
  /** Within a run only: the newest `date` read so far and how many posts were read. */
  runMaxDate: z.number().int().optional(),
  runCount: z.number().int().optional(),
});
export type TVkSearchCursor = z.infer<typeof vkSearchCursorSchema>;

export const vkCommunityCursorSchema = z.object({
  mode: z.literal("community"),
  key: z.string(),
  /** Unix seconds: the newest post or comment date seen. */
  watermark: z.number().int().optional(),
  /** `comments.count` per post id for the posts of the last listing: a change means new comments. */
  commentCounts: z.record(z.string(), z.number().int()).default({}),
  seen,
  /** Within a run only: the window in use, the newest date so far and posts whose comments are still to read. */
  run: z
    .object({
      since: z.number().int(),
      maxDate: z.number().int(),
      pending: z.array(z.object({ postId: z.number().int(), count: z.number().int() })),
    })
    .optional(),
});
export type TVkCommunityCursor = z.infer<typeof vkCommunityCursorSchema>;

/** The stored cursor when it is ours and for this key; anything else means starting over. */
export function readCursor<S extends z.ZodType<{ key: string }>>(raw: string | null, schema: S, key: string, logger: TLogger): z.output<S> | undefined {
  if (raw === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    logger.warn({ connector: "vk" }, "unreadable cursor; starting over");
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    logger.warn({ connector: "vk" }, "cursor in an unknown shape; starting over");
    return undefined;
  }
  return parsed.data.key === key ? parsed.data : undefined;
}

/**
 * An item's identity plus its version: an edit (`updatedAt`) or a new owner reply makes a new
 * key, so the item is returned again as an update while an unchanged one is not.
 */
export function seenKey(item: TConnectorItem): string {
  const edited = item.updatedAt ? `@${Date.parse(item.updatedAt) / 1000}` : "";
  const answered = item.ownerReply?.externalId ? `#${item.ownerReply.externalId}` : "";
  return `${item.externalId}${edited}${answered}`;
}

/** New keys first, duplicates dropped, capped. */
export function mergeSeen(fresh: readonly string[], old: readonly string[]): string[] {
  return [...new Set([...fresh, ...old])].slice(0, SEEN_LIMIT);
}

export const isoToUnix = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
