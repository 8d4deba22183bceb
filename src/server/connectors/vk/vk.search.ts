import type { TConnectorContext, TConnectorItem, TFetchResult } from "../connector.ts";
import { callVk } from "./vk.api.ts";
import type { TVkConfig } from "./vk.config.ts";
import { OVERLAP_SECONDS, type TVkSearchCursor, mergeSeen, readCursor, seenKey, vkSearchCursorSchema } from "./vk.cursor.ts";
import { type TVkMapContext, vkPostToItem } from "./vk.mapping.ts";
import { vkNewsfeedSearchSchema } from "./vk.types.ts";

/**
 * Search mode: `newsfeed.search` from `start_time` on, newest first, one page of up to 200 posts
 * per call, paged with `next_from` within a run. The next run starts 10 minutes before the newest
 * post seen and skips what it already returned.
 */
export const SEARCH_PAGE_SIZE = 200;
/** VK returns at most 1000 posts for one search. */
export const SEARCH_DEFAULT_POSTS_PER_RUN = 1000;
/** The first run looks back a day: VK's own default window for a search. */
export const SEARCH_FIRST_RUN_LOOKBACK_SECONDS = 24 * 60 * 60;

export async function fetchVkSearch(ctx: TConnectorContext, config: TVkConfig, raw: string | null): Promise<TFetchResult> {
  const query = config.query ?? "";
  const key = `q:${query}`;
  const cursor = readCursor(raw, vkSearchCursorSchema, key, ctx.logger);
  const midRun = cursor?.nextFrom !== undefined;
  const startTime = cursor?.startTime ?? Math.floor(ctx.now.getTime() / 1000) - SEARCH_FIRST_RUN_LOOKBACK_SECONDS;
  const seen = cursor?.seen ?? [];

  const page = await callVk(
    ctx,
    config,
    "newsfeed.search",
    { q: query, extended: 1, count: SEARCH_PAGE_SIZE, start_time: startTime, start_from: cursor?.nextFrom },
    vkNewsfeedSearchSchema,
  );

  const mc: TVkMapContext = { mode: "search", directory: page, target: { kind: "query", externalId: query } };
  const known = new Set(seen);
  const items: TConnectorItem[] = [];
  const fresh: string[] = [];
  let maxDate = midRun ? (cursor?.runMaxDate ?? 0) : 0;
  for (const post of page.items) {
    maxDate = Math.max(maxDate, post.date);
    if (post.date < startTime && (post.edited ?? 0) < startTime) continue;
    const item = vkPostToItem(post, mc);
    const k = seenKey(item);
    if (known.has(k)) continue;
    known.add(k);
    fresh.push(k);
    items.push(item);
  }

  const runCount = (midRun ? (cursor?.runCount ?? 0) : 0) + page.items.length;
  const nextFrom = page.next_from || undefined;
  const limit = config.postsPerRun ?? SEARCH_DEFAULT_POSTS_PER_RUN;
  const hasMore = nextFrom !== undefined && page.items.length > 0 && runCount < limit;
  if (nextFrom !== undefined && page.items.length > 0 && !hasMore) {
    // Staying behind would re-read the same newest posts forever; older ones of this window are let go.
    ctx.logger.warn({ connector: "vk", postsPerRun: limit }, "vk search: more posts than one run reads; the oldest are skipped");
  }
  const next: TVkSearchCursor = hasMore
    ? { mode: "search", key, startTime, seen: mergeSeen(fresh, seen), nextFrom, runMaxDate: maxDate, runCount }
    : { mode: "search", key, startTime: Math.max(startTime, maxDate - OVERLAP_SECONDS), seen: mergeSeen(fresh, seen) };
  return { items, nextCursor: JSON.stringify(next), hasMore };
}
