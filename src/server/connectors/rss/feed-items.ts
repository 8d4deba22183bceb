import { createHash } from "node:crypto";
import { canonicalizeUrl } from "../../features/ingest/canonical-url.ts";
import { htmlToText } from "../../features/ingest/html-to-text.ts";
import type { TConnectorItem } from "../connector.ts";
import { parseFeedDate } from "./feed-dates.ts";
import type { TFeed, TFeedEntry } from "./feed-parse.ts";
import { unwrapGoogleRedirect } from "./google-redirect.ts";

/**
 * Feed entries as mentions. Identity, most stable first: the entry's own id (guid, Atom id),
 * else its canonical link, else a hash of title and date. Ids without a scheme ("42", a bare
 * number some CMSs put in <guid isPermaLink="false">) are only unique inside their feed, so they
 * are prefixed with the feed URL; a URL or `tag:`/`urn:`/`yt:` id is global already.
 */
export type TFeedItemsOptions = {
  /** The configured feed URL: resolves relative links and scopes feed-local ids. */
  feedUrl: string;
  now: Date;
};

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\S/i;

export function feedToItems(feed: TFeed, options: TFeedItemsOptions): TConnectorItem[] {
  return feed.entries.map((entry) => entryToItem(entry, options));
}

export function entryToItem(entry: TFeedEntry, { feedUrl, now }: TFeedItemsOptions): TConnectorItem {
  const link = entry.link ? absolute(unwrapGoogleRedirect(entry.link.trim()), feedUrl) : undefined;
  const title = entry.title ? (entry.titleIsHtml ? htmlToText(entry.title) : entry.title.replace(/\s+/g, " ").trim()) : undefined;
  const published = parseFeedDate(entry.published);
  const updated = parseFeedDate(entry.updated);
  const publishedAt = published ?? updated ?? now;
  const item: TConnectorItem = {
    kind: "article",
    externalId: externalIdOf(entry, link, feedUrl),
    url: link ?? feedUrl,
    author: {
      ...(entry.authorName ? { name: entry.authorName } : {}),
      ...(entry.authorUrl ? { url: entry.authorUrl } : {}),
    },
    title: title || undefined,
    // A headline-only entry still has words to match.
    text: entry.body ?? title ?? "",
    textIsHtml: entry.body !== undefined ? entry.bodyIsHtml : false,
    publishedAt: publishedAt.toISOString(),
    replyCapability: "none",
    raw: entry.raw,
  };
  if (published && updated && updated.getTime() > published.getTime()) item.updatedAt = updated.toISOString();
  return item;
}

function externalIdOf(entry: TFeedEntry, link: string | undefined, feedUrl: string): string {
  const id = entry.id?.trim();
  if (id) return HAS_SCHEME.test(id) ? id : `${feedUrl}#${id}`;
  if (link) return canonicalizeUrl(link)?.canonical ?? link;
  const digest = createHash("sha256")
    .update(`${entry.title ?? ""}\n${entry.published ?? entry.updated ?? ""}\n${entry.title || entry.published ? "" : (entry.body ?? "")}`)
    .digest("hex")
    .slice(0, 24);
  return `${feedUrl}#sha256:${digest}`;
}

function absolute(link: string, base: string): string | undefined {
  try {
    const url = new URL(link, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
