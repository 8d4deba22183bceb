import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { type TReplayRequest, type TReplayResponse, type TReplayServer, drainConnector, startReplayServer, testConnectorContext } from "../test-kit.ts";
import { bankiRuConfigSchema } from "./banki-ru.config.ts";
import { bankiRuConnector } from "./banki-ru.connector.ts";
import { page, review, reviews } from "./fixtures/pages.ts";

const PAGE_1: unknown = JSON.parse(readFileSync(new URL("./fixtures/responses-page-1.json", import.meta.url), "utf8"));
const CAPTCHA = readFileSync(new URL("./fixtures/captcha.html", import.meta.url), "utf8");
const LIST = "/services/responses/list/ajax/";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * banki.ru as recorded: without its guest cookie, a 302 back to the same URL that sets it;
 * with it, the page.
 */
async function bankiRu(pages: (req: TReplayRequest) => TReplayResponse): Promise<TReplayServer> {
  server = await startReplayServer((req) => {
    if (req.path !== LIST) return { status: 404, body: { error: "no route" } };
    if (!/(^|; )BANKI_RU_GUEST_ID=7d1c2f(;|$)/.test(req.headers.cookie ?? "")) {
      return { status: 302, headers: { location: `${req.path}?${req.query}`, "set-cookie": ["BANKI_RU_GUEST_ID=7d1c2f; Path=/; HttpOnly", "region=spb; Path=/"] }, body: "" };
    }
    return pages(req);
  });
  return server;
}

const onPage = (answers: Record<number, unknown>) => (req: TReplayRequest) => ({ body: answers[Number(req.query.get("page"))] ?? page([]) });
const config = (baseUrl: string, extra: Record<string, unknown> = {}) => bankiRuConfigSchema.parse({ bank: "northwindbank", baseUrl, ...extra });
const fetchOnce = (baseUrl: string, cursor: string | null, extra: Record<string, unknown> = {}) =>
  bankiRuConnector.fetch(testConnectorContext(), config(baseUrl, extra), cursor);

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("banki.ru connector: first run", () => {
  it("does the cookie handshake once, reads pages until an empty one and maps every review", async () => {
    const s = await bankiRu(onPage({ 1: PAGE_1, 2: page(reviews(12839949, 12839948)) }));
    const { items, finalCursor } = await drainConnector(bankiRuConnector, config(s.baseUrl));

    expect(s.requests.map((r) => `${r.query} ${r.headers.cookie ?? "-"}`)).toEqual([
      "page=1&is_countable=on&bank=northwindbank -",
      "page=1&is_countable=on&bank=northwindbank BANKI_RU_GUEST_ID=7d1c2f; region=spb",
      "page=2&is_countable=on&bank=northwindbank BANKI_RU_GUEST_ID=7d1c2f; region=spb",
      "page=3&is_countable=on&bank=northwindbank BANKI_RU_GUEST_ID=7d1c2f; region=spb",
    ]);
    for (const req of s.requests) {
      expect(req.headers["x-requested-with"]).toBe("XMLHttpRequest");
      expect(req.headers.referer).toBe(`${s.baseUrl}/services/responses/bank/northwindbank/`);
      expect(req.headers.accept).toContain("application/json");
    }
    expect(items.map((i) => i.externalId)).toEqual(["12840517", "12840233", "12839950", "12839949", "12839948"]);
    expect(JSON.parse(finalCursor ?? "null")).toEqual({ maxId: 12840517 });

    expect(items[0]).toEqual({
      kind: "review",
      externalId: "12840517",
      url: "https://www.banki.ru/services/responses/bank/response/12840517/",
      target: { kind: "bank", externalId: "northwindbank", name: "Нортвинд Банк", url: "https://www.banki.ru/services/responses/bank/northwindbank/" },
      author: {},
      title: "Банкомат съел карту",
      text:
        "Третий раз за месяц не могу снять наличные в банкомате Нортвинд Банка на Садовой: карта «Мир» блокируется, деньги не выдаются.\n\n" +
        "В чате поддержки отвечают шаблонами, обещанный звонок так и не поступил.\nРазочарована.",
      rating: { value: 1, scale: 5 },
      // 14:05:12 in Moscow (UTC+3).
      publishedAt: "2026-11-20T11:05:12.000Z",
      metrics: { replies: 2 },
      ownerReply: undefined,
      replyCapability: "manual_link",
      raw: expect.objectContaining({ id: 12840517, isCountable: true, company: { id: 9217, code: "northwindbank", name: "Нортвинд Банк" } }),
    });
  });

  it("reads the bank's answer, a review past midnight in Moscow and one without a grade", async () => {
    const s = await bankiRu(onPage({ 1: PAGE_1 }));
    const { items } = await drainConnector(bankiRuConnector, config(s.baseUrl));
    const [, answered, ungraded] = items;
    expect(answered?.publishedAt).toBe("2026-11-19T23:30:00.000Z");
    expect(answered?.ownerReply).toEqual({ text: "Здравствуйте!\n\nСпасибо за отзыв, передадим благодарность Ирине.\n\nС уважением,\nНортвинд Банк" });
    expect(answered?.rating).toEqual({ value: 5, scale: 5 });
    expect(ungraded?.rating).toBeUndefined();
    expect(ungraded?.ownerReply?.text).toBe("Добрый день.\n\nСчёт ИП закрывается по заявлению в любом отделении банка.\n\nС уважением,\nНортвинд Банк.");
    expect(ungraded?.metrics).toEqual({ replies: 1 });
  });

  it("stops at maxPagesFirstRun", async () => {
    const s = await bankiRu((req) => {
      const n = Number(req.query.get("page"));
      return { body: page(reviews(12_850_000 - (n - 1) * 10, 12_850_000 - n * 10 + 1)) };
    });
    const { items, finalCursor } = await drainConnector(bankiRuConnector, config(s.baseUrl, { maxPagesFirstRun: 2 }));
    expect(s.requests.map((r) => r.query.get("page"))).toEqual(["1", "1", "2"]);
    expect(items).toHaveLength(20);
    expect(JSON.parse(finalCursor ?? "null")).toEqual({ maxId: 12_850_000 });
  });

  it("stops when banki.ru says there are no more pages, and filters by product", async () => {
    const s = await bankiRu(() => ({ body: page(reviews(500, 498), { hasMorePages: false }) }));
    const { items } = await drainConnector(bankiRuConnector, config(s.baseUrl, { product: "hypothec" }));
    expect(items).toHaveLength(3);
    expect(s.requests.map((r) => r.query.toString())).toEqual(["page=1&is_countable=on&bank=northwindbank&product=hypothec", "page=1&is_countable=on&bank=northwindbank&product=hypothec"]);
  });

  it("leaves the cursor empty for a bank without reviews", async () => {
    const s = await bankiRu(() => ({ body: page([], { total: 0 }) }));
    expect(await fetchOnce(s.baseUrl, null)).toEqual({ items: [], nextCursor: null, hasMore: false });
  });
});

describe("banki.ru connector: later runs", () => {
  it("returns only reviews newer than the cursor's maxId and reads no further page", async () => {
    const s = await bankiRu(onPage({ 1: page([review(12840700), review(12840650), ...reviews(12840517, 12840500)]) }));
    const result = await fetchOnce(s.baseUrl, JSON.stringify({ maxId: 12840517 }));
    expect(result.items.map((i) => i.externalId)).toEqual(["12840700", "12840650"]);
    expect(result.hasMore).toBe(false);
    expect(JSON.parse(result.nextCursor ?? "null")).toEqual({ maxId: 12840700 });
    expect(s.requests.filter((r) => r.headers.cookie).map((r) => r.query.get("page"))).toEqual(["1"]);
  });

  it("pages on while every review is new, once per review even when the list shifts", async () => {
    // A review posted between the two requests pushes 12840601 from page 1 onto page 2.
    const s = await bankiRu(onPage({ 1: page(reviews(12840610, 12840601)), 2: page([...reviews(12840601, 12840595), ...reviews(12840590, 12840588)]) }));
    const result = await fetchOnce(s.baseUrl, JSON.stringify({ maxId: 12840590 }));
    const ids = result.items.map((i) => i.externalId);
    expect(ids).toEqual([...reviews(12840610, 12840595)].map((r) => String(r.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.parse(result.nextCursor ?? "null")).toEqual({ maxId: 12840610 });
    expect(s.requests.filter((r) => r.headers.cookie).map((r) => r.query.get("page"))).toEqual(["1", "2"]);
  });

  it("starts over on a cursor it cannot read", async () => {
    const s = await bankiRu(onPage({ 1: PAGE_1 }));
    expect((await fetchOnce(s.baseUrl, '{"maxId":"many"}')).items).toHaveLength(3);
  });
});

describe("banki.ru connector: failures", () => {
  it("fails loudly on a captcha page instead of JSON", async () => {
    const s = await bankiRu(() => ({ headers: { "content-type": "text/html; charset=utf-8" }, body: CAPTCHA }));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toBe("banki.ru answered with an HTML page instead of JSON (captcha?)");
  });

  it("recognizes HTML sent as JSON too", async () => {
    const s = await bankiRu(() => ({ headers: { "content-type": "application/json" }, body: CAPTCHA }));
    expect((await failure(fetchOnce(s.baseUrl, null))).message).toContain("HTML page instead of JSON");
  });

  it.each([
    ["no data array", { items: [] }, /data: /],
    ["a review id that is not a number", page([{ ...review(1), id: "abc" } as never]), /data\.0\.id/],
    ["a date in another format", page([review(5, { dateCreate: "20.11.2026 14:05" })]), /review 5 has dateCreate "20.11.2026 14:05"/],
  ])("fails loudly on a changed shape: %s", async (_name, body, message) => {
    const s = await bankiRu(() => ({ body }));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toMatch(message);
  });

  it("accepts a numeric string id", async () => {
    const s = await bankiRu(() => ({ body: page([{ ...review(77), id: "77" } as never]) }));
    expect((await fetchOnce(s.baseUrl, null)).items[0]?.externalId).toBe("77");
  });

  it("passes on 429 with its Retry-After seconds", async () => {
    const s = await bankiRu(() => ({ status: 429, headers: { "retry-after": "120" }, body: "" }));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(120);
  });

  it.each([
    [403, "upstream", /refused the request \(HTTP 403\)/],
    [404, "not_found", /no reviews page for the bank "northwindbank"/],
    [503, "upstream", /HTTP 503/],
  ])("reports HTTP %d as %s", async (status, kind, message) => {
    const s = await bankiRu(() => ({ status, body: "" }));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it("reports a handshake that never ends (the cookie is not accepted) as upstream", async () => {
    server = await startReplayServer((req) => ({ status: 302, headers: { location: `${req.path}?${req.query}`, "set-cookie": "BANKI_RU_GUEST_ID=x" }, body: "" }));
    const error = await failure(fetchOnce(server.baseUrl, null));
    expect(error.kind).toBe("upstream");
    expect(error.message).toMatch(/kept redirecting/);
  });
});

describe("banki.ru connector: declaration", () => {
  it("lists one bank's reviews, always the brand's own place, replies by hand", () => {
    expect(bankiRuConnector).toMatchObject({ id: "banki_ru", sourceKind: "banki_ru", rateLimit: { limit: 1, intervalMs: 2000 }, defaultIntervalMinutes: 60 });
    expect(bankiRuConnector.capabilities).toEqual({ keywordSearch: false, placeReviews: true, ownPageComments: false, reply: false });
    expect(bankiRuConnector.isOwnPlace(bankiRuConfigSchema.parse({ bank: "northwindbank" }))).toBe(true);
  });
});
