import { parseRetryAfter } from "../../lib/backoff.ts";
import { ConnectorError, type TConnectorContext, type TFetchResult, defineConnector } from "../connector.ts";
import { type TTelegramConfig, telegramConfigSchema } from "./telegram.config.ts";
import { readTelegramCursor, writeTelegramCursor } from "./telegram.cursor.ts";
import { telegramItem } from "./telegram.item.ts";
import { type TTelegramMessage, type TTelegramPage, notPreviewable, parseChannelPage } from "./telegram.page.ts";

/** Pages read back on a first run (about 20 posts each). */
export const FIRST_RUN_MAX_PAGES = 10;
/** Pages read back to close the gap since the last run before giving up on the rest. */
export const CATCH_UP_MAX_PAGES = 50;

/**
 * A public Telegram channel through its web preview, t.me/s/<channel> (optionally searched
 * with ?q=). One page per call, newest page first, then older pages with ?before= while they
 * still hold posts newer than the last run's; the cursor keeps the highest id returned.
 */
export const telegramConnector = defineConnector<TTelegramConfig>({
  id: "telegram",
  version: "1",
  sourceKind: "telegram",
  title: { en: "Telegram channel", ru: "Telegram-канал" },
  configSchema: telegramConfigSchema,
  secretFields: [],
  capabilities: { keywordSearch: false, placeReviews: false, ownPageComments: false, reply: false },
  isOwnPlace: (config) => config.ownPlace,
  rateLimit: { limit: 1, intervalMs: 3000 },
  defaultIntervalMinutes: 30,
  fetch: fetchTelegram,
});

async function fetchTelegram(ctx: TConnectorContext, config: TTelegramConfig, rawCursor: string | null): Promise<TFetchResult> {
  const cursor = readTelegramCursor(rawCursor);
  const run = cursor.run;
  const page = await loadPage(ctx, config, run?.before);
  const ids = page.messages.map((m) => m.id);
  const maxId = Math.max(run?.maxId ?? cursor.lastId, cursor.lastId, ...ids);
  const oldest = Math.min(...ids);
  const pages = (run?.pages ?? 0) + 1;
  const items = page.messages
    .filter((m) => m.id > cursor.lastId)
    .filter(isPost)
    .map((m) => telegramItem(m, page.title, config, ctx.now));

  const limit = cursor.lastId === 0 ? FIRST_RUN_MAX_PAGES : CATCH_UP_MAX_PAGES;
  const reachedKnown = ids.length === 0 || oldest <= cursor.lastId + 1;
  // A "load more" link that does not go further back would page in circles.
  const stalled = run !== undefined && page.before !== undefined && page.before >= run.before;
  if (reachedKnown || page.before === undefined || stalled || pages >= limit) {
    if (!reachedKnown && page.before !== undefined && cursor.lastId > 0) {
      ctx.logger.warn({ channel: config.channel, lastId: cursor.lastId, oldest }, "telegram: more new posts than the catch-up limit; older ones skipped");
    }
    return { items, nextCursor: writeTelegramCursor({ lastId: maxId }), hasMore: false };
  }
  return { items, nextCursor: writeTelegramCursor({ lastId: cursor.lastId, run: { before: page.before, maxId, pages } }), hasMore: true };
}

/** Posts people wrote: no service messages, no media without a caption. */
function isPost(message: TTelegramMessage): message is TTelegramMessage & { publishedAt: string } {
  if (message.service || message.text === "") return false;
  if (message.publishedAt === undefined) {
    throw new ConnectorError("markup_changed", `The t.me/s page no longer looks as expected: post ${message.channel}/${message.id} has no date`);
  }
  return true;
}

async function loadPage(ctx: TConnectorContext, config: TTelegramConfig, before: number | undefined): Promise<TTelegramPage> {
  const url = new URL(`${config.baseUrl}/s/${config.channel}`);
  if (config.query) url.searchParams.set("q", config.query);
  if (before !== undefined) url.searchParams.set("before", String(before));
  const res = await ctx.fetch(url.toString(), { headers: { accept: "text/html,application/xhtml+xml" }, signal: ctx.signal });
  const body = res.status === 200 || res.status === 429 ? res.text() : "";
  const flood = floodWait(body);
  if (res.status === 429 || flood !== undefined) {
    const seconds = parseRetryAfter(res.headers.get("retry-after"), ctx.now) ?? flood ?? undefined;
    throw new ConnectorError("rate_limited", "Telegram asked to slow down (too many requests)", seconds);
  }
  if (res.status === 404) throw notPreviewable(config.channel);
  if (res.status !== 200) throw new ConnectorError("upstream", `t.me answered HTTP ${res.status}`);
  // A channel without a preview redirects from /s/<channel> to its landing page /<channel>,
  // which has neither the channel info column nor a message list: the parser says not_found.
  return parseChannelPage(body, config.channel, before === undefined && config.query === undefined);
}

/**
 * t.me's flood page: titled "Too Many Requests", or saying "retry after 27" / FLOOD_WAIT_27, in
 * a page without a message list (a channel description may well mention too many requests).
 * Seconds to wait, null when it names none, undefined when it is not that page.
 */
function floodWait(body: string): number | null | undefined {
  const flood = /<title>[^<]*too many requests|retry after \d+|flood_wait_\d+/i;
  if (body.includes("tgme_channel_history") || !flood.test(body)) return undefined;
  const seconds = /retry after (\d+)|flood_wait_(\d+)/i.exec(body);
  return seconds ? Number(seconds[1] ?? seconds[2]) : null;
}
