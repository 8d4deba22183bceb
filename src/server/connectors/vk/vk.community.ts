import { ConnectorError, type TConnectorContext, type TConnectorItem, type TFetchResult } from "../connector.ts";
import { callVk } from "./vk.api.ts";
import type { TVkConfig } from "./vk.config.ts";
import { OVERLAP_SECONDS, type TVkCommunityCursor, isoToUnix, mergeSeen, readCursor, seenKey, vkCommunityCursorSchema } from "./vk.cursor.ts";
import { type TVkMapContext, vkCommentToItems, vkPostToItem } from "./vk.mapping.ts";
import { vkWallGetCommentsSchema, vkWallGetSchema } from "./vk.types.ts";

/**
 * Community mode, one run as several calls:
 * 1. `wall.get`: the newest posts (pinned first). Posts newer than the window (or edited in it)
 *    are returned; posts whose `comments.count` differs from last run's — or new posts — are
 *    queued for their comments.
 * 2. one call per queued post: `wall.getComments` newest first, with up to 10 thread items per
 *    comment; comments newer than the window become items. The community's own replies become
 *    the `ownerReply` of the comment they answer instead of mentions of their own.
 * Each call's cursor records what is left, so a crash resumes at the next post.
 *
 * Not seen: edits of comments (VK does not report them), thread replies beyond the first 10 of
 * a thread, and on the very first run new comments under posts older than the first window.
 */
export const COMMUNITY_DEFAULT_POSTS_PER_RUN = 50;
export const WALL_PAGE_MAX = 100;
export const COMMENTS_PAGE_SIZE = 100;
/** Pages of top-level comments read for one post in one run. */
export const COMMENTS_MAX_PAGES = 5;
export const THREAD_ITEMS = 10;
export const COMMUNITY_FIRST_RUN_LOOKBACK_SECONDS = 7 * 24 * 60 * 60;

type TRun = NonNullable<TVkCommunityCursor["run"]>;

export async function fetchVkCommunity(ctx: TConnectorContext, config: TVkConfig, raw: string | null): Promise<TFetchResult> {
  const groupId = config.groupId;
  if (groupId === undefined) throw new ConnectorError("upstream", "VK community mode needs a community id");
  const key = `group:${groupId}`;
  const cursor = readCursor(raw, vkCommunityCursorSchema, key, ctx.logger) ?? {
    mode: "community" as const,
    key,
    commentCounts: {},
    seen: [],
  };
  const run = cursor.run;
  if (run && run.pending.length > 0) return commentsPage(ctx, config, groupId, cursor, run);
  return wallPage(ctx, config, groupId, cursor);
}

function target(groupId: number): TVkMapContext["target"] {
  return { kind: "page", externalId: String(-groupId), url: `https://vk.com/club${groupId}` };
}

async function wallPage(ctx: TConnectorContext, config: TVkConfig, groupId: number, cursor: TVkCommunityCursor): Promise<TFetchResult> {
  const ownerId = -groupId;
  const since =
    cursor.watermark !== undefined ? cursor.watermark - OVERLAP_SECONDS : Math.floor(ctx.now.getTime() / 1000) - COMMUNITY_FIRST_RUN_LOOKBACK_SECONDS;
  const count = Math.min(config.postsPerRun ?? COMMUNITY_DEFAULT_POSTS_PER_RUN, WALL_PAGE_MAX);
  const wall = await callVk(ctx, config, "wall.get", { owner_id: ownerId, count, offset: 0, extended: 1 }, vkWallGetSchema);

  const mc: TVkMapContext = { mode: "community", groupId, directory: wall, target: target(groupId) };
  const known = new Set(cursor.seen);
  const items: TConnectorItem[] = [];
  const fresh: string[] = [];
  const commentCounts: Record<string, number> = {};
  const pending: TRun["pending"] = [];
  let maxDate = 0;
  for (const post of wall.items) {
    maxDate = Math.max(maxDate, post.date);
    if (post.date >= since || (post.edited ?? 0) >= since) {
      const item = vkPostToItem(post, mc);
      const k = seenKey(item);
      if (!known.has(k)) {
        known.add(k);
        fresh.push(k);
        items.push(item);
      }
    }
    const comments = post.comments?.count ?? 0;
    const before = cursor.commentCounts[String(post.id)];
    const changed = before !== undefined ? before !== comments : post.date >= since;
    if (comments > 0 && changed) {
      pending.push({ postId: post.id, count: comments });
      // Recorded once the comments are read, so an interrupted run reads them again.
      if (before !== undefined) commentCounts[String(post.id)] = before;
    } else {
      commentCounts[String(post.id)] = comments;
    }
  }
  return finishOrContinue(cursor, { since, maxDate, pending }, commentCounts, mergeSeen(fresh, cursor.seen), items);
}

async function commentsPage(
  ctx: TConnectorContext,
  config: TVkConfig,
  groupId: number,
  cursor: TVkCommunityCursor,
  run: TRun,
): Promise<TFetchResult> {
  const ownerId = -groupId;
  const [head, ...rest] = run.pending;
  if (!head) return finishOrContinue(cursor, run, cursor.commentCounts, cursor.seen, []);
  const known = new Set(cursor.seen);
  const items: TConnectorItem[] = [];
  const fresh: string[] = [];
  let maxDate = run.maxDate;
  try {
    for (let page = 0, offset = 0; page < COMMENTS_MAX_PAGES; page++, offset += COMMENTS_PAGE_SIZE) {
      const answer = await callVk(
        ctx,
        config,
        "wall.getComments",
        {
          owner_id: ownerId,
          post_id: head.postId,
          sort: "desc",
          count: COMMENTS_PAGE_SIZE,
          offset,
          thread_items_count: THREAD_ITEMS,
          need_likes: 1,
          extended: 1,
        },
        vkWallGetCommentsSchema,
      );
      const mc: TVkMapContext = { mode: "community", groupId, directory: answer, target: target(groupId) };
      for (const comment of answer.items) {
        maxDate = Math.max(maxDate, comment.date, ...(comment.thread?.items ?? []).map((t) => t.date));
        for (const item of vkCommentToItems(comment, { ownerId, postId: head.postId }, mc)) {
          const newest = Math.max(isoToUnix(item.publishedAt), item.ownerReply?.publishedAt ? isoToUnix(item.ownerReply.publishedAt) : 0);
          const k = seenKey(item);
          if (newest < run.since || known.has(k)) continue;
          known.add(k);
          fresh.push(k);
          items.push(item);
        }
      }
      const oldest = answer.items.at(-1)?.date ?? 0;
      if (answer.items.length < COMMENTS_PAGE_SIZE || oldest < run.since) break;
    }
  } catch (error) {
    // A post deleted since the listing: nothing to read under it, the run goes on.
    if (!(error instanceof ConnectorError && error.kind === "not_found")) throw error;
    ctx.logger.info({ connector: "vk", postId: head.postId }, "vk: post gone before its comments were read");
  }
  const commentCounts = { ...cursor.commentCounts, [String(head.postId)]: head.count };
  return finishOrContinue(cursor, { since: run.since, maxDate, pending: rest }, commentCounts, mergeSeen(fresh, cursor.seen), items);
}

function finishOrContinue(
  cursor: TVkCommunityCursor,
  run: TRun,
  commentCounts: Record<string, number>,
  seen: string[],
  items: TConnectorItem[],
): TFetchResult {
  const base = { mode: "community" as const, key: cursor.key, commentCounts, seen };
  if (run.pending.length > 0) {
    const next: TVkCommunityCursor = { ...base, watermark: cursor.watermark, run };
    return { items, nextCursor: JSON.stringify(next), hasMore: true };
  }
  const newest = Math.max(cursor.watermark ?? 0, run.maxDate);
  const next: TVkCommunityCursor = { ...base, watermark: newest > 0 ? newest : undefined };
  return { items, nextCursor: JSON.stringify(next), hasMore: false };
}
