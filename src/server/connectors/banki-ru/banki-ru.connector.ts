import { FetchRefusedError, type TCookieJar } from "../../lib/guarded-fetch.ts";
import { ConnectorError, type TConnectorContext, type TConnectorItem, type TFetchResult, defineConnector } from "../connector.ts";
import { type TBankiRuConfig, bankiRuConfigSchema } from "./banki-ru.config.ts";
import { readBankiRuCursor, writeBankiRuCursor } from "./banki-ru.cursor.ts";
import { bankiRuItem } from "./banki-ru.item.ts";
import { type TBankiPage, readResponsesPage } from "./banki-ru.response.ts";

/** Pages read to catch up since the last run before giving up on older new reviews. */
export const CATCH_UP_MAX_PAGES = 20;

/**
 * A bank's reviews on banki.ru, from the JSON the reviews page itself loads
 * (services/responses/list/ajax). All pages of a run are read in one call: banki.ru sets a
 * session cookie on the first request (a 302 back to the same URL) and the following pages
 * reuse it. Newest first: a later run reads pages until it meets a review it already returned.
 */
export const bankiRuConnector = defineConnector<TBankiRuConfig>({
  id: "banki_ru",
  version: "1",
  sourceKind: "banki_ru",
  title: { en: "banki.ru bank reviews", ru: "Отзывы о банке на Банки.ру" },
  configSchema: bankiRuConfigSchema,
  secretFields: [],
  capabilities: { keywordSearch: false, placeReviews: true, ownPageComments: false, reply: false },
  isOwnPlace: () => true,
  rateLimit: { limit: 1, intervalMs: 2000 },
  defaultIntervalMinutes: 60,
  fetch: fetchBankiRu,
});

async function fetchBankiRu(ctx: TConnectorContext, config: TBankiRuConfig, rawCursor: string | null): Promise<TFetchResult> {
  const cursor = readBankiRuCursor(rawCursor);
  const known = cursor?.maxId ?? 0;
  const cookies: TCookieJar = new Map();
  const limit = cursor ? CATCH_UP_MAX_PAGES : config.maxPagesFirstRun;
  const items: TConnectorItem[] = [];
  const returned = new Set<number>();
  let maxId = known;
  let complete = false;
  for (let page = 1; page <= limit && !complete; page++) {
    const body = await loadPage(ctx, config, page, cookies);
    let reachedKnown = false;
    for (const review of body.data) {
      maxId = Math.max(maxId, review.id);
      if (review.id <= known) reachedKnown = true;
      // A review posted while paging pushes the list down: the next page repeats one.
      else if (!returned.has(review.id)) {
        returned.add(review.id);
        items.push(bankiRuItem(review, config));
      }
    }
    complete = reachedKnown || body.data.length === 0 || body.hasMorePages === false;
  }
  if (!complete && cursor) {
    ctx.logger.warn({ bank: config.bank, maxId: known }, "banki.ru: more new reviews than the catch-up limit; older ones skipped");
  }
  return { items, nextCursor: maxId > 0 ? writeBankiRuCursor({ maxId }) : null, hasMore: false };
}

async function loadPage(ctx: TConnectorContext, config: TBankiRuConfig, page: number, cookies: TCookieJar): Promise<TBankiPage> {
  const url = new URL(`${config.baseUrl}/services/responses/list/ajax/`);
  url.searchParams.set("page", String(page));
  url.searchParams.set("is_countable", "on");
  url.searchParams.set("bank", config.bank);
  if (config.product) url.searchParams.set("product", config.product);
  const headers = {
    accept: "application/json, text/javascript, */*; q=0.01",
    "x-requested-with": "XMLHttpRequest",
    referer: `${config.baseUrl}/services/responses/bank/${config.bank}/`,
  };
  try {
    return readResponsesPage(await ctx.fetch(url.toString(), { headers, cookies, signal: ctx.signal }), config.bank, ctx.now);
  } catch (error) {
    if (error instanceof FetchRefusedError && error.code === "too_many_redirects") {
      throw new ConnectorError("upstream", "banki.ru kept redirecting: it did not accept its own session cookie (a bot check?)", undefined, { cause: error });
    }
    throw error;
  }
}
