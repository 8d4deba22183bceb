import { load } from "cheerio";
import { ConnectorError, defineConnector } from "../connector.ts";
import { fetchConditional, hostOf } from "../shared/conditional-fetch.ts";
import { mergeSeen, readSeenCursor, writeSeenCursor } from "../shared/seen-cursor.ts";
import { reviewsToItems } from "./page-items.ts";
import type { TPageReview } from "./page-review.ts";
import { aggregateRatingOf, extractSchemaReviews } from "./schema-reviews.ts";
import { extractBySelectors } from "./selector-reviews.ts";
import { type TWebPageConfig, webPageConfigSchema } from "./web-page.config.ts";

/**
 * New reviews or comments on one page (a review site without an API, a forum thread, the
 * brand's own reviews widget): schema.org Reviews when the page has them, the user's CSS
 * selectors otherwise (CONNECTORS.md §5, Huginn WebsiteAgent). A page that stops yielding
 * reviews fails loudly — a new layout or a captcha must not look like "no new reviews".
 */
const SEEN_MAX = 2_000;
const ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
const CAPTCHA = /captcha|are you (?:a )?(?:human|robot)|не робот|подтвердите,? что вы/i;

export const webPageConnector = defineConnector<TWebPageConfig>({
  id: "web_page",
  version: "1",
  sourceKind: "web_page",
  title: { en: "Reviews on a web page", ru: "Отзывы на веб-странице" },
  configSchema: webPageConfigSchema,
  secretFields: [],
  capabilities: { keywordSearch: false, placeReviews: true, ownPageComments: false, reply: false },
  isOwnPlace: (config) => config.ownPlace,
  // Review sites block eager bots; one page every few seconds is plenty for a watcher.
  rateLimit: { limit: 1, intervalMs: 5_000 },
  defaultIntervalMinutes: 60,

  async fetch(ctx, config, cursor) {
    const state = readSeenCursor(cursor);
    const answer = await fetchConditional(ctx, config.url, state, ACCEPT);
    if (answer.notModified) return { items: [], nextCursor: cursor, hasMore: false };

    const pageUrl = withoutFragment(config.url);
    const html = answer.response.text();
    const $ = load(html);
    // Relative links resolve against where the page really is (after redirects, <base href>).
    const base = baseUrlOf($, answer.response.url || pageUrl);
    const host = hostOf(config.url);
    const hint = CAPTCHA.test(html) ? " (the page looks like a captcha)" : "";

    let reviews: TPageReview[];
    if (config.mode === "selector" && config.selectors) {
      const { item, text } = config.selectors;
      const found = extractBySelectors($, config.selectors, base, ctx.now);
      if (found.matched === 0) {
        throw new ConnectorError("markup_changed", `selector \`${item}\` matched nothing on ${host}${hint}: the page layout may have changed; check the selectors`);
      }
      if (found.reviews.every((r) => !r.text && !r.rating)) {
        throw new ConnectorError("markup_changed", `text selector \`${text}\` matched nothing in any of the ${found.matched} \`${item}\` elements on ${host}${hint}`);
      }
      reviews = found.reviews;
    } else {
      reviews = extractSchemaReviews($, base, ctx.now);
      if (reviews.length === 0) {
        const message =
          state.seen.length > 0
            ? `no schema.org Review found on ${host} any more (${state.seen.length} seen before)${hint}: the page layout may have changed; set CSS selectors if it did`
            : `no schema.org Review found on ${host}${hint}; set CSS selectors (mode "selector") for this page`;
        throw new ConnectorError("markup_changed", message);
      }
    }

    const items = reviewsToItems(reviews, {
      pageUrl,
      pageTitle: pageTitleOf($),
      aggregateRating: aggregateRatingOf($),
      now: ctx.now,
    }).slice(0, SEEN_MAX);
    const seen = new Set(state.seen);
    const fresh = items.filter((item) => !seen.has(item.externalId));
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

function withoutFragment(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

function baseUrlOf($: ReturnType<typeof load>, documentUrl: string): string {
  const href = $("base[href]").first().attr("href");
  if (!href) return documentUrl;
  try {
    return new URL(href, documentUrl).href;
  } catch {
    return documentUrl;
  }
}

function pageTitleOf($: ReturnType<typeof load>): string | undefined {
  const og = $('meta[property="og:title"]').attr("content")?.trim();
  return og || $("title").first().text().replace(/\s+/g, " ").trim() || undefined;
}
