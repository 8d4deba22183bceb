import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { encodeSingleByte } from "../rss/fixtures/single-byte.ts";
import { type TReplayHandler, type TReplayServer, drainConnector, startReplayServer, testConnectorContext } from "../test-kit.ts";
import { webPageConnector } from "./web-page.connector.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const HTML = { "content-type": "text/html; charset=utf-8" };
const NOW = new Date("2026-11-20T12:00:00Z");
const SELECTORS = { item: ".fb", text: ".fb__text", author: ".fb__author", date: ".fb__date", rating: ".fb__stars", link: "a.fb__link" };

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TReplayHandler): Promise<string> {
  server = await startReplayServer(handler);
  return `${server.baseUrl}/banks/northwind`;
}

async function run(config: Record<string, unknown>, cursor: string | null = null, now = NOW) {
  return webPageConnector.fetch(testConnectorContext(now), webPageConnector.configSchema.parse(config), cursor);
}

async function failure(config: Record<string, unknown>, cursor: string | null = null): Promise<ConnectorError> {
  const error = await run(config, cursor).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const seenOf = (cursor: string | null) => (JSON.parse(cursor ?? "null") as { seen: string[] }).seen;

describe("web page connector: auto mode", () => {
  it("first run maps JSON-LD reviews to items with the page as target and the aggregate rating as context", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("jsonld-reviews.html") }));
    const { items, finalCursor } = await drainConnector(webPageConnector, { url }, null, { ctx: testConnectorContext(NOW) });
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      kind: "review",
      externalId: "https://reviews.example.ru/banks/northwind/review-501",
      url: "https://reviews.example.ru/banks/northwind/review-501",
      target: { kind: "page", externalId: url, url, name: "Нортвинд Банк: отзывы клиентов" },
      author: { name: "Ольга К.", url: `${new URL(url).origin}/users/olga-k` },
      title: "Быстро одобрили ипотеку",
      rating: { value: 5, scale: 5 },
      publishedAt: "2026-11-19T11:30:00.000Z",
      replyCapability: "manual_link",
    });
    expect(items[0]?.raw).toMatchObject({ from: "json-ld", aggregateRating: { ratingValue: 3.8, bestRating: 5, reviewCount: 1254 } });
    expect(items[1]).toMatchObject({ cons: "Зависания\nДолгая поддержка", updatedAt: "2026-11-19T00:00:00.000Z" });
    // No id on the page: a hash scoped to the page, and the page itself as the link.
    expect(items[2]?.externalId).toMatch(new RegExp(`^${url}#h:[0-9a-f]{24}$`));
    expect(items[2]?.url).toBe(url);
    expect(seenOf(finalCursor)).toEqual(items.map((i) => i.externalId));
    expect(webPageConnector.isOwnPlace(webPageConnector.configSchema.parse({ url }))).toBe(true);
  });

  it("maps microdata reviews with #anchors", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("microdata-reviews.html") }));
    const { items } = await run({ url });
    expect(items.map((i) => [i.externalId, i.url])).toEqual([
      [`${url}#review-7781`, `${url}#review-7781`],
      [`${url}#review-7779`, `${url}#review-7779`],
    ]);
    expect(items[0]?.text).toBe("Кешбэк приходит вовремя.\n\nОбслуживание бесплатное при тратах от 10 000 ₽.");
  });

  it("second run returns only new reviews; ids stay stable when a review is edited", async () => {
    let body = fixture("microdata-reviews.html");
    const url = await serve(() => ({ headers: HTML, body }));
    const first = await run({ url });
    const newReview = `<div id="review-7790" itemprop="review" itemscope itemtype="http://schema.org/Review"><span itemprop="author">Ирина</span><meta itemprop="datePublished" content="2026-11-20"><meta itemprop="ratingValue" content="5"><div itemprop="reviewBody">Всё отлично.</div></div>`;
    body = body
      .replace('<div class="review-item" id="review-7781"', `${newReview}<div class="review-item" id="review-7781"`)
      .replace("Кешбэк приходит вовремя.", "Кешбэк приходит вовремя (дополнено).");
    const second = await run({ url }, first.nextCursor);
    expect(second.items.map((i) => [i.externalId, i.author.name])).toEqual([[`${url}#review-7790`, "Ирина"]]);
    // The edited review kept its id, so it is neither new nor lost.
    const fresh = await run({ url });
    expect(fresh.items.find((i) => i.text.includes("дополнено"))?.externalId).toBe(`${url}#review-7781`);
    expect(seenOf(second.nextCursor)).toEqual([`${url}#review-7790`, `${url}#review-7781`, `${url}#review-7779`]);
  });

  it("conditional GET: 304 → no items, same cursor", async () => {
    const url = await serve((req) => (req.headers["if-none-match"] === 'W/"p1"' ? { status: 304 } : { headers: { ...HTML, etag: 'W/"p1"' }, body: fixture("jsonld-reviews.html") }));
    const first = await run({ url });
    expect(await run({ url }, first.nextCursor)).toEqual({ items: [], nextCursor: first.nextCursor, hasMore: false });
    expect(server?.requests[1]?.headers["if-none-match"]).toBe('W/"p1"');
  });

  it("first run without schema.org reviews → markup_changed telling the user to set selectors", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("custom-comments.html") }));
    const error = await failure({ url });
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toBe(`no schema.org Review found on ${new URL(url).host}; set CSS selectors (mode "selector") for this page`);
  });

  it("reviews that disappear after earlier runs → markup_changed, with a captcha hint when it looks like one", async () => {
    let body = fixture("jsonld-reviews.html");
    const url = await serve(() => ({ headers: HTML, body }));
    const first = await run({ url });
    body = "<html><body><form action='/showcaptcha'>Подтвердите, что вы не робот</form></body></html>";
    const error = await failure({ url }, first.nextCursor);
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toMatch(/no schema\.org Review found on .* any more \(3 seen before\) \(the page looks like a captcha\)/);
  });
});

describe("web page connector: selector mode", () => {
  const config = (url: string) => ({ url, mode: "selector", selectors: SELECTORS });

  it("maps items: review with rating, comment without; links, anchors and hashes; relative dates from the run's clock", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("custom-comments.html") }));
    const { items } = await run(config(url));
    expect(items.map((i) => [i.kind, i.author.name, i.publishedAt])).toEqual([
      ["review", "Анна", "2026-11-19T11:30:00.000Z"],
      ["review", "Пётр", "2026-11-12T09:15:00.000Z"],
      ["comment", "Гость", "2026-03-12T00:00:00.000Z"],
      ["comment", "Мария", "2026-11-20T10:00:00.000Z"],
    ]);
    expect(items[0]).toMatchObject({ externalId: `${url}#3102`, url: `${new URL(url).origin}/forum/northwind/3102`, rating: { value: 4, scale: 5 } });
    expect(items[1]).toMatchObject({ externalId: `${url}#3101`, url: `${url}#3101` });
    expect(items[2]?.externalId).toMatch(/#h:[0-9a-f]{24}$/);
    expect(items[2]?.url).toBe(url);
  });

  it("a relative date does not change the id from one run to the next", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("custom-comments.html") }));
    const today = await run(config(url));
    const tomorrow = await run(config(url), null, new Date("2026-11-21T12:00:00Z"));
    expect(tomorrow.items.map((i) => i.externalId)).toEqual(today.items.map((i) => i.externalId));
    expect((await run(config(url), today.nextCursor, new Date("2026-11-21T12:00:00Z"))).items).toEqual([]);
  });

  it("an edited comment keeps its data-id based id and is not emitted again", async () => {
    let body = fixture("custom-comments.html");
    const url = await serve(() => ({ headers: HTML, body }));
    const first = await run(config(url));
    body = body.replace("Долго ждал ответа в чате поддержки.", "Долго ждал ответа в чате поддержки. UPD: решили за день.");
    const fresh = await run(config(url));
    expect(fresh.items.find((i) => i.text.includes("UPD"))?.externalId).toBe(`${url}#3101`);
    expect((await run(config(url), first.nextCursor)).items).toEqual([]);
  });

  it("a selector that matches nothing → markup_changed naming it", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("custom-comments.html") }));
    const error = await failure({ url, mode: "selector", selectors: { item: ".review", text: ".review__text" } });
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toMatch(/^selector `\.review` matched nothing on 127\.0\.0\.1:\d+: the page layout may have changed/);
  });

  it("a text selector that matches nothing in any item → markup_changed naming it", async () => {
    const url = await serve(() => ({ headers: HTML, body: fixture("custom-comments.html") }));
    const error = await failure({ url, mode: "selector", selectors: { item: ".fb", text: ".comment-body" } });
    expect(error.message).toMatch(/text selector `\.comment-body` matched nothing in any of the 4 `\.fb` elements/);
  });

  it("reads a windows-1251 page declared in <meta>", async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Отзывы</title></head><body><div class="fb" data-id="1"><span class="fb__author">Ёжик</span><div class="fb__text">Всё понравилось, «Нортвинд» молодцы!</div><span class="fb__date">5 ноября 2026</span></div></body></html>`;
    const url = await serve(() => ({ headers: { "content-type": "text/html" }, body: encodeSingleByte(page, "windows-1251") }));
    const { items } = await run(config(url));
    expect(items[0]).toMatchObject({ author: { name: "Ёжик" }, text: "Всё понравилось, «Нортвинд» молодцы!", publishedAt: "2026-11-05T00:00:00.000Z" });
  });
});

describe("web page connector: HTTP errors", () => {
  it("429 with Retry-After → rate_limited with the seconds", async () => {
    const url = await serve(() => ({ status: 429, headers: { "retry-after": "90" } }));
    const error = await failure({ url });
    expect([error.kind, error.retryAfterSeconds]).toEqual(["rate_limited", 90]);
  });

  it.each([
    [403, "auth"],
    [404, "not_found"],
    [410, "not_found"],
    [503, "rate_limited"],
    [500, "upstream"],
  ])("HTTP %i → %s", async (status, kind) => {
    const url = await serve(() => ({ status, headers: HTML, body: "<html></html>" }));
    expect((await failure({ url })).kind).toBe(kind);
  });
});

describe("web page connector: declaration", () => {
  it("declares what the registry needs", () => {
    expect(webPageConnector).toMatchObject({ id: "web_page", sourceKind: "web_page", secretFields: [], rateLimit: { limit: 1, intervalMs: 5000 } });
    expect(webPageConnector.capabilities).toEqual({ keywordSearch: false, placeReviews: true, ownPageComments: false, reply: false });
  });
});
