import type { TExecutor } from "../../context.ts";
import { decodeFeedCursor, encodeFeedCursor } from "./feed-cursor.ts";
import { mentionView } from "./mention-view.ts";
import { type TFeedFilter, type TFeedKey, clusterSizes, feedKeys, feedRowsByIds, listFeedRows } from "./queries.ts";
import { searchHighlights } from "./search-highlights.ts";
import { positiveTerms } from "./search-query.ts";

/** Counting stops here; beyond it the total is reported as "at least". */
export const FEED_COUNT_CAP = 10_000;

export type TListMentionsOptions = {
  filter: TFeedFilter;
  /** One row per copy cluster (default). */
  folded: boolean;
  cursor?: string;
  limit: number;
  /** Where counting stops (tests lower it to exercise both ways of paging). */
  countCap?: number;
};

/**
 * Feed order: newest first, then by id. Keys compare as text: the instant is fixed-width UTC
 * and ids are lower-case hex, ordered as PostgreSQL orders uuids.
 */
export function compareFeedKeys(a: TFeedKey, b: TFeedKey): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A page of a brand's mention feed with the total and the next cursor. The matching keys are
 * fetched first (at most the cap + 1): when that is all of them the total is exact and the page is
 * cut from them; when there are more, matches are dense enough that walking the date index for
 * the page is cheap.
 */
export async function listMentions(db: TExecutor, options: TListMentionsOptions) {
  const { filter, folded, limit } = options;
  const cap = options.countCap ?? FEED_COUNT_CAP;
  const after = options.cursor ? decodeFeedCursor(options.cursor) : undefined;
  const keys = await feedKeys(db, filter, { folded, cap });
  const exact = keys.length <= cap;

  let page: Awaited<ReturnType<typeof listFeedRows>>;
  let more: boolean;
  if (exact) {
    const rest = keys.sort(compareFeedKeys).filter((k) => !after || compareFeedKeys(after, k) < 0);
    const wanted = rest.slice(0, limit);
    const byId = new Map((await feedRowsByIds(db, filter.brandId, wanted.map((k) => k.id))).map((r) => [r.id, r]));
    page = wanted.flatMap((k) => byId.get(k.id) ?? []);
    more = rest.length > limit;
  } else {
    const rows = await listFeedRows(db, filter, { folded, after, limit: limit + 1 });
    page = rows.slice(0, limit);
    more = rows.length > limit;
  }

  const sizes = folded ? await clusterSizes(db, filter, [...new Set(page.map((r) => r.clusterId))]) : undefined;
  const terms = positiveTerms(filter.search);
  const last = page.at(-1);
  return {
    items: page.map((row) =>
      mentionView(row, {
        searchHighlights: searchHighlights(terms, row),
        copies: sizes ? Math.max(0, (sizes.get(row.clusterId) ?? 1) - 1) : null,
      }),
    ),
    total: Math.min(keys.length, cap),
    totalIsExact: exact,
    nextCursor: more && last ? encodeFeedCursor({ at: last.publishedKey, id: last.id }) : null,
  };
}
