import { ConnectorError, type TConnectorItem, defineConnector } from "../connector.ts";
import { fetchConditional, hostOf } from "../shared/conditional-fetch.ts";
import { feedToItems } from "./feed-items.ts";
import { parseFeed } from "./feed-parse.ts";
import { type TRssConfig, rssConfigSchema } from "./rss.config.ts";
import { mergeSeen, readSeenCursor, writeSeenCursor } from "../shared/seen-cursor.ts";

/**
 * News sites, blogs and Google Alerts through their RSS/Atom feeds (CONNECTORS.md "News & blogs",
 * "Google Alerts"). One GET per run, conditional on the last ETag/Last-Modified; a feed is one
 * page, and only entries not emitted before (the last 500 ids, Huginn-style) are returned.
 */
const SEEN_MAX = 500;
const ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

export const rssConnector = defineConnector<TRssConfig>({
  id: "rss",
  version: "1",
  sourceKind: "rss",
  title: { en: "RSS/Atom feed (news, blogs, Google Alerts)", ru: "RSS/Atom-лента (новости, блоги, Google Alerts)" },
  configSchema: rssConfigSchema,
  secretFields: [],
  capabilities: { keywordSearch: false, placeReviews: false, ownPageComments: false, reply: false },
  isOwnPlace: (config) => config.ownPlace,
  rateLimit: { limit: 1, intervalMs: 2_000 },
  defaultIntervalMinutes: 30,

  async fetch(ctx, config, cursor) {
    const state = readSeenCursor(cursor);
    const answer = await fetchConditional(ctx, config.url, state, ACCEPT);
    if (answer.notModified) return { items: [], nextCursor: cursor, hasMore: false };

    const parsed = parseFeed(answer.response.text());
    if (!parsed.ok) {
      const type = answer.response.headers.get("content-type") ?? "no Content-Type";
      throw new ConnectorError("markup_changed", `${hostOf(config.url)} did not return an RSS or Atom feed (${type}): ${parsed.reason}`);
    }
    // Newest first, and no more than the memory holds: a 2 000-entry archive feed would
    // otherwise push its own oldest ids out of `seen` and re-emit them on every run.
    const items = newestFirst(feedToItems(parsed.feed, { feedUrl: config.url, now: ctx.now })).slice(0, SEEN_MAX);
    const seen = new Set(state.seen);
    const emitted = new Set<string>();
    const fresh = items.filter((item) => {
      if (seen.has(item.externalId) || emitted.has(item.externalId)) return false;
      emitted.add(item.externalId);
      return true;
    });
    const nextCursor = writeSeenCursor({
      ...answer.validators,
      seen: mergeSeen(
        items.map((i) => i.externalId),
        state.seen,
        SEEN_MAX,
      ),
    });
    return { items: fresh, nextCursor, hasMore: false };
  },
});

function newestFirst(items: TConnectorItem[]): TConnectorItem[] {
  // Stable: entries with the same date keep feed order.
  return [...items].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
}
