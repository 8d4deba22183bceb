import type { TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { ConnectorError, type TConnectorContext, type TConnectorItem, type TFetchResult } from "../connector.ts";
import { assertRedditOk, readRateLimit, redditJson } from "./reddit.api.ts";
import { forgetRedditAppToken, redditAppToken } from "./reddit.auth.ts";
import { type TRedditConfig, hasCredentials, redditReadBase, redditUserAgent } from "./reddit.config.ts";
import { OVERLAP_SECONDS, type TRedditCursor, mergeSeen, readRedditCursor, seenKey } from "./reddit.cursor.ts";
import { type TRedditMapContext, redditCommentToItem, redditLinkToItem } from "./reddit.mapping.ts";
import { redditCommentSchema, redditLinkSchema, redditListingSchema } from "./reddit.types.ts";

/**
 * `GET /search?q=&sort=new` (or `/r/<sub>/search?restrict_sr=1`), newest first, 100 a page, paged
 * back with `after` until the page reaches what the last run saw (minus a 10-minute overlap).
 * When Reddit says no requests are left in this window, the run stops early and keeps the old
 * watermark: the next run reads down to it again, skipping what it already returned.
 */
export const PAGE_SIZE = 100;
/** Reddit lists at most ~1000 results; ten pages reach them all. */
export const MAX_PAGES_PER_RUN = 10;
/** The first run looks back a week, the `t=week` window. */
export const FIRST_RUN_LOOKBACK_SECONDS = 7 * 24 * 60 * 60;

export async function fetchRedditSearch(ctx: TConnectorContext, config: TRedditConfig, raw: string | null): Promise<TFetchResult> {
  const key = `${config.subreddit ? `r/${config.subreddit.toLowerCase()}:` : ""}${config.query}`;
  const cursor = readRedditCursor(raw, key, ctx.logger);
  const nowUnix = Math.floor(ctx.now.getTime() / 1000);
  const run = cursor?.run;
  const since = run?.since ?? (cursor?.watermark !== undefined ? cursor.watermark - OVERLAP_SECONDS : nowUnix - FIRST_RUN_LOOKBACK_SECONDS);
  const seen = cursor?.seen ?? [];

  const res = await getSearchPage(ctx, config, { since, nowUnix, after: run?.after });
  const listing = redditListingSchema.safeParse(redditJson(res, "search"));
  if (!listing.success) throw new ConnectorError("markup_changed", "Reddit search: the answer is not a Listing");

  const mc: TRedditMapContext = {
    target: {
      kind: "query",
      externalId: config.query,
      name: config.subreddit ? `${config.query} (r/${config.subreddit})` : undefined,
    },
  };
  const known = new Set(seen);
  const items: TConnectorItem[] = [];
  const fresh: string[] = [];
  let maxDate = run?.maxDate ?? 0;
  let oldest = Number.POSITIVE_INFINITY;
  for (const child of listing.data.data.children) {
    const mapped = mapChild(child.kind, child.data, mc);
    if (!mapped) continue;
    const { item, created, edited } = mapped;
    maxDate = Math.max(maxDate, created);
    oldest = Math.min(oldest, created);
    if (!item || (created < since && edited < since)) continue;
    const k = seenKey(item);
    if (known.has(k)) continue;
    known.add(k);
    fresh.push(k);
    items.push(item);
  }

  const after = listing.data.data.after ?? undefined;
  const pages = (run?.pages ?? 0) + 1;
  const outOfRequests = (readRateLimit(res.headers).remaining ?? Number.POSITIVE_INFINITY) < 1;
  const reachedWindow = oldest < since || listing.data.data.children.length === 0;
  const hasMore = after !== undefined && !reachedWindow && pages < MAX_PAGES_PER_RUN && !outOfRequests;
  const nextSeen = mergeSeen(fresh, seen);

  let next: TRedditCursor;
  if (hasMore && after !== undefined) {
    next = { key, watermark: cursor?.watermark, seen: nextSeen, run: { after, since, maxDate, pages } };
  } else if (outOfRequests && after !== undefined && !reachedWindow) {
    // Not all of the window was read: stay at the old watermark, the next run reads down to it again.
    ctx.logger.info({ connector: "reddit", pages }, "reddit: no requests left in this window; the run continues next time");
    next = { key, watermark: cursor?.watermark, seen: nextSeen };
  } else {
    if (after !== undefined && !reachedWindow) {
      ctx.logger.warn({ connector: "reddit", pages }, "reddit: more results than one run reads; the oldest are skipped");
    }
    const newest = Math.max(cursor?.watermark ?? 0, maxDate);
    next = { key, watermark: newest > 0 ? newest : undefined, seen: nextSeen };
  }
  return { items, nextCursor: JSON.stringify(next), hasMore };
}

type TMapped = { item: TConnectorItem | undefined; created: number; edited: number };

function mapChild(kind: string, data: unknown, mc: TRedditMapContext): TMapped | undefined {
  const editedAt = (e: boolean | number | undefined) => (typeof e === "number" ? e : 0);
  if (kind === "t3") {
    const link = redditLinkSchema.safeParse(data);
    if (!link.success) throw shapeError("t3", link.error.issues[0]?.path);
    return { item: redditLinkToItem(link.data, mc), created: link.data.created_utc, edited: editedAt(link.data.edited) };
  }
  if (kind === "t1") {
    const comment = redditCommentSchema.safeParse(data);
    if (!comment.success) throw shapeError("t1", comment.error.issues[0]?.path);
    return { item: redditCommentToItem(comment.data, mc), created: comment.data.created_utc, edited: editedAt(comment.data.edited) };
  }
  return undefined; // "more" stubs, subreddits, users: not mentions
}

const shapeError = (kind: string, path: readonly PropertyKey[] | undefined) =>
  new ConnectorError("markup_changed", `Reddit search: a ${kind} without the expected ${path?.map(String).join(".") || "fields"}`);

/** Reddit's time filter: the smallest window that still covers `since`. */
export function timeWindow(since: number, nowUnix: number): "week" | "month" | "year" | "all" {
  const age = nowUnix - since;
  if (age <= 7 * 86400) return "week";
  if (age <= 31 * 86400) return "month";
  if (age <= 365 * 86400) return "year";
  return "all";
}

async function getSearchPage(
  ctx: TConnectorContext,
  config: TRedditConfig,
  page: { since: number; nowUnix: number; after: string | undefined },
): Promise<TGuardedResponse> {
  const params = new URLSearchParams({ q: config.query, sort: "new", t: timeWindow(page.since, page.nowUnix), limit: String(PAGE_SIZE), raw_json: "1" });
  if (config.subreddit) params.set("restrict_sr", "1");
  if (page.after) params.set("after", page.after);
  const path = config.subreddit ? `/r/${config.subreddit}/search` : "/search";
  const headers: Record<string, string> = { "user-agent": redditUserAgent(config.userAgentContact), accept: "application/json" };

  if (!hasCredentials(config)) {
    // Keyless: the public site's .json pages.
    const res = await ctx.fetch(`${redditReadBase(config)}${path}.json?${params.toString()}`, { headers, signal: ctx.signal });
    assertRedditOk(res, "search", ctx.now);
    return res;
  }
  const url = `${redditReadBase(config)}${path}?${params.toString()}`;
  for (let attempt = 0; ; attempt++) {
    const token = await redditAppToken(ctx, config);
    const res = await ctx.fetch(url, { headers: { ...headers, authorization: `bearer ${token}` }, signal: ctx.signal });
    // A token revoked or expired early: ask for a new one, once.
    if (res.status === 401) {
      forgetRedditAppToken(config);
      if (attempt === 0) continue;
    }
    assertRedditOk(res, "search", ctx.now);
    return res;
  }
}
