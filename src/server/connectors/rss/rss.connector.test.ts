import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { type TReplayHandler, type TReplayServer, drainConnector, startReplayServer, testConnectorContext } from "../test-kit.ts";
import { encodeSingleByte } from "./fixtures/single-byte.ts";
import { rssConfigSchema } from "./rss.config.ts";
import { rssConnector } from "./rss.connector.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const RSS = { "content-type": "application/rss+xml; charset=utf-8" };
const NOW = new Date("2026-11-20T12:00:00Z");

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TReplayHandler): Promise<string> {
  server = await startReplayServer(handler);
  return `${server.baseUrl}/rss`;
}

async function run(url: string, cursor: string | null = null) {
  return rssConnector.fetch(testConnectorContext(NOW), rssConnector.configSchema.parse({ url }), cursor);
}

async function failure(url: string): Promise<ConnectorError> {
  const error = await run(url).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

type TCursor = { etag?: string; lastModified?: string; seen: string[] };
const cursorOf = (cursor: string | null): TCursor => JSON.parse(cursor ?? "null") as TCursor;

describe("rss connector: runs", () => {
  it("first run returns every entry and a cursor with validators and seen ids, newest first", async () => {
    const url = await serve(() => ({ headers: { ...RSS, etag: '"v1"', "last-modified": "Thu, 19 Nov 2026 15:30:00 GMT" }, body: fixture("northwind-news.rss.xml") }));
    const { items, finalCursor } = await drainConnector(rssConnector, { url }, null, { ctx: testConnectorContext(NOW) });
    expect(items).toHaveLength(6);
    expect(items.map((i) => i.publishedAt)).toEqual([
      NOW.toISOString(), // the webinar's unreadable date
      "2026-11-19T15:30:00.000Z",
      "2026-11-18T09:05:00.000Z",
      "2026-11-17T19:00:00.000Z",
      "2026-11-16T07:00:00.000Z",
      "2026-11-15T08:00:00.000Z",
    ]);
    const cursor = cursorOf(finalCursor);
    expect(cursor.etag).toBe('"v1"');
    expect(cursor.lastModified).toBe("Thu, 19 Nov 2026 15:30:00 GMT");
    expect(cursor.seen).toEqual(items.map((i) => i.externalId));
    expect(server?.requests[0]?.headers.accept).toMatch(/application\/rss\+xml/);
    expect(server?.requests[0]?.headers["if-none-match"]).toBeUndefined();
  });

  it("sends the validators back and treats 304 as nothing new, keeping the cursor", async () => {
    const url = await serve((req) =>
      req.headers["if-none-match"] === '"v1"' ? { status: 304 } : { headers: { ...RSS, etag: '"v1"' }, body: fixture("northwind-news.rss.xml") },
    );
    const first = await run(url);
    const second = await run(url, first.nextCursor);
    expect(second).toEqual({ items: [], nextCursor: first.nextCursor, hasMore: false });
    expect(server?.requests[1]?.headers["if-none-match"]).toBe('"v1"');
  });

  it("sends If-Modified-Since when the feed only gave Last-Modified", async () => {
    const url = await serve((req) =>
      req.headers["if-modified-since"] ? { status: 304 } : { headers: { ...RSS, "last-modified": "Thu, 19 Nov 2026 15:30:00 GMT" }, body: fixture("northwind-news.rss.xml") },
    );
    const first = await run(url);
    expect((await run(url, first.nextCursor)).items).toEqual([]);
    expect(server?.requests[1]?.headers["if-modified-since"]).toBe("Thu, 19 Nov 2026 15:30:00 GMT");
  });

  it("second run returns only entries it has not emitted before", async () => {
    const original = fixture("northwind-news.rss.xml");
    const newItem = `<item><title>Нортвинд Банк запустил кешбэк</title><link>https://news.northwind-bank.example/2026/11/cashback</link><guid>https://news.northwind-bank.example/2026/11/cashback</guid><pubDate>Fri, 20 Nov 2026 09:00:00 +0300</pubDate><description>Новая программа.</description></item>`;
    // The newest entry is prepended and the oldest one falls off the end, as feeds do.
    const updated = original.replace("<item>", `${newItem}<item>`).replace(/<item>\s*<description>Запись без заголовка[\s\S]*?<\/item>/, "");
    let body = original;
    const url = await serve(() => ({ headers: RSS, body }));
    const first = await run(url);
    body = updated;
    const second = await run(url, first.nextCursor);
    expect(second.items.map((i) => i.url)).toEqual(["https://news.northwind-bank.example/2026/11/cashback"]);
    expect(second.hasMore).toBe(false);
    const seen = cursorOf(second.nextCursor).seen;
    // Newest first; the undated webinar counts as "now", ahead of this morning's entry.
    expect(seen.slice(0, 2)).toEqual([`${url}#webinar-2026-11`, "https://news.northwind-bank.example/2026/11/cashback"]);
    // The entry that left the feed is still remembered.
    expect(seen).toEqual(expect.arrayContaining(cursorOf(first.nextCursor).seen));
    expect(seen).toHaveLength(7);
    // And a third run with the same feed is quiet.
    expect((await run(url, second.nextCursor)).items).toEqual([]);
  });

  it("an edited entry keeps its id and is not emitted again as new", async () => {
    let body = fixture("northwind-news.rss.xml");
    const url = await serve(() => ({ headers: RSS, body }));
    const first = await run(url);
    body = body.replace("снижает ставки по ипотеке на 0,5 п.п.", "снижает ставки по ипотеке на 0,7 п.п.");
    const fresh = await run(url);
    const edited = fresh.items.find((i) => i.text.includes("0,7 п.п."));
    expect(edited?.externalId).toBe(first.items.find((i) => i.text.includes("0,5 п.п."))?.externalId);
    expect((await run(url, first.nextCursor)).items).toEqual([]);
  });

  it("caps the seen memory at 500 ids", async () => {
    const items = Array.from({ length: 620 }, (_, i) => `<item><guid>https://n.example/${i}</guid><title>${i}</title><pubDate>${new Date(Date.UTC(2026, 0, 1, 0, i)).toUTCString()}</pubDate></item>`).join("");
    const url = await serve(() => ({ headers: RSS, body: `<rss version="2.0"><channel><title>big</title>${items}</channel></rss>` }));
    const first = await run(url);
    expect(first.items).toHaveLength(500);
    expect(first.items[0]?.externalId).toBe("https://n.example/619");
    expect(cursorOf(first.nextCursor).seen).toHaveLength(500);
    expect((await run(url, first.nextCursor)).items).toEqual([]);
  });

  it("starts over on a cursor it cannot read", async () => {
    const url = await serve(() => ({ headers: RSS, body: fixture("northwind-press.rdf.xml") }));
    expect((await run(url, "not json")).items).toHaveLength(1);
    expect((await run(url, '{"seen": 5}')).items).toHaveLength(1);
  });

  it("reads Google Alerts feeds", async () => {
    const url = await serve(() => ({ headers: { "content-type": "application/atom+xml" }, body: fixture("google-alerts.atom.xml") }));
    const { items } = await run(url);
    expect(items.map((i) => i.url)).toEqual(["https://finance.example.ru/news/2026/11/20/northwind-deposits?ref=rss", "https://forum.example.com/t/northwind-reviews/123"]);
    expect(items[0]?.title).toBe("Нортвинд Банк вошёл в топ-20 по вкладам");
  });
});

describe("rss connector: charsets", () => {
  const cyrillicFeed = (prolog: string) =>
    `${prolog}<rss version="2.0"><channel><title>Нортвинд Банк</title><item><guid>https://n.example/1</guid><title>Ёлка у офиса «Нортвинд»</title><description>Отзыв: всё отлично</description><pubDate>Пт, 20 ноя 2026 10:00 +0300</pubDate></item></channel></rss>`;

  it("decodes windows-1251 declared in the XML prolog", async () => {
    const body = encodeSingleByte(cyrillicFeed('<?xml version="1.0" encoding="windows-1251"?>'), "windows-1251");
    expect(body.includes(Buffer.from("Нортвинд"))).toBe(false); // really not UTF-8
    const url = await serve(() => ({ headers: { "content-type": "application/rss+xml" }, body }));
    const { items } = await run(url);
    expect(items[0]).toMatchObject({ title: "Ёлка у офиса «Нортвинд»", text: "Отзыв: всё отлично", publishedAt: "2026-11-20T07:00:00.000Z" });
  });

  it("decodes windows-1251 declared only in Content-Type", async () => {
    const body = encodeSingleByte(cyrillicFeed('<?xml version="1.0"?>'), "windows-1251");
    const url = await serve(() => ({ headers: { "content-type": "text/xml; charset=windows-1251" }, body }));
    expect((await run(url)).items[0]?.title).toBe("Ёлка у офиса «Нортвинд»");
  });

  it("decodes ISO-8859-1", async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Café</title><item><guid>https://n.example/fr</guid><title>Northwind Bank: crédit à taux réduit</title><pubDate>Fri, 20 Nov 2026 10:00:00 +0100</pubDate></item></channel></rss>`;
    const url = await serve(() => ({ headers: { "content-type": "application/xml" }, body: encodeSingleByte(xml, "iso-8859-1") }));
    expect((await run(url)).items[0]?.title).toBe("Northwind Bank: crédit à taux réduit");
  });
});

describe("rss connector: errors", () => {
  it("429 with Retry-After seconds → rate_limited", async () => {
    const url = await serve(() => ({ status: 429, headers: { "retry-after": "120" }, body: "slow down" }));
    const error = await failure(url);
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.message).toContain("429");
  });

  it("503 with an HTTP-date Retry-After → rate_limited, seconds from the run's clock", async () => {
    const url = await serve(() => ({ status: 503, headers: { "retry-after": "Fri, 20 Nov 2026 12:05:00 GMT" } }));
    const error = await failure(url);
    expect([error.kind, error.retryAfterSeconds]).toEqual(["rate_limited", 300]);
  });

  it.each([
    [401, "auth"],
    [403, "auth"],
    [404, "not_found"],
    [410, "not_found"],
    [500, "upstream"],
    [502, "upstream"],
  ])("HTTP %i → %s", async (status, kind) => {
    const url = await serve(() => ({ status, body: "no" }));
    expect((await failure(url)).kind).toBe(kind);
  });

  it("an HTML page instead of the feed → markup_changed, naming the host, not the URL", async () => {
    const url = await serve(() => ({ headers: { "content-type": "text/html; charset=utf-8" }, body: fixture("not-a-feed.html") }));
    const error = await failure(url);
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toMatch(/did not return an RSS or Atom feed \(text\/html; charset=utf-8\): got an HTML page/);
    expect(error.message).toContain(new URL(url).host);
    expect(error.message).not.toContain("/rss");
  });

  it.each([
    ["garbage", "\u0000\u0001 binary junk"],
    ["an empty 200", ""],
    ["JSON", { items: [] }],
  ])("%s → markup_changed", async (_, body) => {
    const url = await serve(() => ({ headers: { "content-type": "application/xml" }, body: typeof body === "string" ? body : JSON.stringify(body) }));
    expect((await failure(url)).kind).toBe("markup_changed");
  });
});

describe("rss connector: config", () => {
  it("defaults ownPlace to false and reports it through isOwnPlace", () => {
    const config = rssConfigSchema.parse({ url: "https://news.northwind-bank.example/rss" });
    expect(config).toEqual({ url: "https://news.northwind-bank.example/rss", ownPlace: false });
    expect(rssConnector.isOwnPlace(config)).toBe(false);
    expect(rssConnector.isOwnPlace(rssConfigSchema.parse({ url: "https://x.example/feed", ownPlace: true }))).toBe(true);
  });

  it.each([
    [{}, "url"],
    [{ url: "ftp://news.example/rss" }, "url"],
    [{ url: "news.example/rss" }, "url"],
    [{ url: "https://news.example/rss", ownPlace: "yes" }, "ownPlace"],
  ])("%j is rejected at %s", (input, field) => {
    const result = rssConnector.configSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("rejects unknown keys", () => {
    const result = rssConnector.configSchema.safeParse({ url: "https://news.example/rss", keyword: "x" });
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["keyword"] });
  });

  it("declares what the registry needs", () => {
    expect(rssConnector).toMatchObject({ id: "rss", sourceKind: "rss", secretFields: [], defaultIntervalMinutes: 30, rateLimit: { limit: 1, intervalMs: 2000 } });
    expect(rssConnector.capabilities).toEqual({ keywordSearch: false, placeReviews: false, ownPageComments: false, reply: false });
  });
});
