import { createHash } from "node:crypto";
import { normalizeForHash } from "../../features/ingest/content-hash.ts";
import type { TConnectorItem } from "../connector.ts";
import type { TAggregateRating, TPageReview } from "./page-review.ts";

/**
 * Page reviews as mentions. The id must survive re-runs so the pipeline dedupes: the page's own
 * id when it gives one (edits keep it), else a hash of author, date and words. Ids are scoped to
 * the page URL, since "123" on one site is not "123" on another; an id that is already a URL is
 * global as it is. A relative date ("2 часа назад") moves between runs and stays out of the hash.
 */
export type TPageContext = {
  /** The configured URL without its fragment: the page's identity. */
  pageUrl: string;
  pageTitle?: string;
  aggregateRating?: TAggregateRating;
  now: Date;
};

export function reviewsToItems(reviews: readonly TPageReview[], page: TPageContext): TConnectorItem[] {
  // Some pages give every review the same "id" (the page's own @id): that is no id at all.
  const counts = new Map<string, number>();
  for (const r of reviews) if (r.localId) counts.set(r.localId, (counts.get(r.localId) ?? 0) + 1);
  const byId = new Map<string, TConnectorItem>();
  for (const review of reviews) {
    const localId = review.localId && counts.get(review.localId) === 1 ? review.localId : undefined;
    const item = toItem(review, localId, page);
    if (!byId.has(item.externalId)) byId.set(item.externalId, item);
  }
  return [...byId.values()];
}

function toItem(review: TPageReview, localId: string | undefined, page: TPageContext): TConnectorItem {
  const { pageUrl } = page;
  const isUrl = localId !== undefined && /^https?:\/\//i.test(localId);
  const externalId = localId ? (isUrl ? localId : `${pageUrl}#${localId}`) : `${pageUrl}#h:${hashOf(review)}`;
  const fragment = review.anchor ?? (localId && !isUrl ? localId : undefined);
  const item: TConnectorItem = {
    kind: review.source === "selectors" && !review.rating ? "comment" : "review",
    externalId,
    url: review.link ?? (isUrl ? localId : fragment ? `${pageUrl}#${encodeURIComponent(fragment)}` : pageUrl),
    target: { kind: "page", externalId: pageUrl, url: pageUrl, ...(page.pageTitle ? { name: page.pageTitle } : {}) },
    author: { ...(review.author ? { name: review.author } : {}), ...(review.authorUrl ? { url: review.authorUrl } : {}) },
    text: review.text,
    publishedAt: (review.date?.date ?? page.now).toISOString(),
    replyCapability: "manual_link",
    raw: {
      from: review.source,
      ...(review.dateText ? { dateText: review.dateText } : {}),
      review: review.raw,
      ...(page.aggregateRating ? { aggregateRating: page.aggregateRating } : {}),
    },
  };
  if (review.title) item.title = review.title;
  if (review.pros) item.pros = review.pros;
  if (review.cons) item.cons = review.cons;
  if (review.rating) item.rating = review.rating;
  if (review.updated && review.date && review.updated.getTime() > review.date.date.getTime()) item.updatedAt = review.updated.toISOString();
  return item;
}

function hashOf(review: TPageReview): string {
  const date = review.date && !review.date.relative ? review.date.date.toISOString() : "";
  return createHash("sha256")
    .update(`${normalizeForHash(review.author ?? "")}\n${date}\n${normalizeForHash(review.text)}`)
    .digest("hex")
    .slice(0, 24);
}
