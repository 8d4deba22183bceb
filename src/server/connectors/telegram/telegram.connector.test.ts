import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError, type TConnectorItem } from "../connector.ts";
import { type TReplayHandler, type TReplayServer, drainConnector, startReplayServer, testConnectorContext } from "../test-kit.ts";
import { CHANNEL, FLOOD_PAGE, TITLE, channelPage, range } from "./fixtures/pages.ts";
import { telegramConfigSchema } from "./telegram.config.ts";
import { telegramConnector } from "./telegram.connector.ts";

const CHANNEL_PAGE = readFileSync(new URL("./fixtures/channel-page.html", import.meta.url), "utf8");
const LANDING_PAGE = readFileSync(new URL("./fixtures/landing-page.html", import.meta.url), "utf8");
const NOW = new Date("2026-11-20T12:00:00Z");
const html = (body: string, status = 200) => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, body });

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TReplayHandler): Promise<TReplayServer> {
  server = await startReplayServer(handler);
  return server;
}

const config = (baseUrl: string, extra: Record<string, unknown> = {}) => telegramConfigSchema.parse({ channel: `@${CHANNEL}`, baseUrl, ...extra });
const byId = (items: TConnectorItem[], id: string) => items.find((i) => i.externalId === id);
const fetchOnce = (baseUrl: string, cursor: string | null, extra: Record<string, unknown> = {}) =>
  telegramConnector.fetch(testConnectorContext(NOW), config(baseUrl, extra), cursor);

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("telegram connector: first run", () => {
  it("maps the posts of the newest page and pages back to the start of the channel", async () => {
    const s = await serve((req) => {
      if (req.path !== `/s/${CHANNEL}`) return { status: 404, body: "" };
      if (req.query.get("before") === "118") return html(channelPage(range(116, 117)));
      return html(CHANNEL_PAGE);
    });
    const { items, cursors, finalCursor } = await drainConnector(telegramConnector, config(s.baseUrl), null, { ctx: testConnectorContext(NOW) });

    expect(s.requests.map((r) => `${r.path}?${r.query}`)).toEqual([`/s/${CHANNEL}?`, `/s/${CHANNEL}?before=118`]);
    // Service message 118, the photo without a caption (121) and the unsupported media (124) are left out.
    expect(items.map((i) => i.externalId)).toEqual(["northwindbank/119", "northwindbank/120", "northwindbank/122", "northwindbank/123", "northwindbank/116", "northwindbank/117"]);
    expect(JSON.parse(cursors[0] ?? "null")).toEqual({ lastId: 0, run: { before: 118, maxId: 124, pages: 1 } });
    expect(JSON.parse(finalCursor ?? "null")).toEqual({ lastId: 124 });

    expect(byId(items, "northwindbank/119")).toEqual({
      kind: "post",
      externalId: "northwindbank/119",
      url: "https://t.me/northwindbank/119",
      target: { kind: "channel", externalId: "northwindbank", name: TITLE, url: "https://t.me/northwindbank" },
      author: { name: "Нортвинд Банк", handle: "northwindbank", url: "https://t.me/northwindbank" },
      text: "📢 Вклад «Северный» — 21% годовых\n\nОткрыть можно в приложении или в любом отделении до 30 ноября.\nПодробности: northwind-bank.example/deposits",
      publishedAt: "2026-11-18T09:15:00.000Z",
      updatedAt: undefined,
      metrics: { views: 1200 },
      replyCapability: "none",
      raw: expect.objectContaining({ post: "northwindbank/119", views: "1.2K", edited: false, hasPhoto: false }),
    });
  });

  it("reads captions, edits, forwards and replies", async () => {
    const s = await serve(() => html(CHANNEL_PAGE.replace('data-before="118"', "")));
    const { items } = await drainConnector(telegramConnector, config(s.baseUrl), null, { ctx: testConnectorContext(NOW) });
    expect(s.requests).toHaveLength(1); // no "load more" link: the start of the channel

    const photo = byId(items, "northwindbank/120");
    expect(photo?.text).toBe("Новый офис на Невском, 28 открыт! Ждём вас с 9:00 до 21:00 & без выходных.");
    expect(photo?.metrics).toEqual({ views: 3_400_000 });
    // t.me says "edited" without a time: the edit is dated when it was seen.
    expect(photo?.updatedAt).toBe(NOW.toISOString());
    expect(photo?.publishedAt).toBe("2026-11-18T12:30:00.000Z");
    expect(photo?.raw).toMatchObject({ hasPhoto: true, edited: true });

    const forwarded = byId(items, "northwindbank/122");
    expect(forwarded?.author.name).toBe("Нортвинд Банк");
    expect(forwarded?.metrics).toEqual({ views: 987 });
    expect(forwarded?.publishedAt).toBe("2026-11-19T10:42:17.000Z");
    expect(forwarded?.raw).toMatchObject({ forwardedFrom: "Клиенты Нортвинд" });

    // The quoted message a reply answers is not part of the reply's text.
    expect(byId(items, "northwindbank/123")?.text).toBe("Сбой устранён, переводы проходят в обычном режиме. Приносим извинения!");
  });

  it("stops after ten pages on a first run and starts the next run above everything seen", async () => {
    // An endless channel: every page holds the 20 posts below `before`.
    const s = await serve((req) => {
      const before = Number(req.query.get("before") ?? 1001);
      return html(channelPage(range(before - 20, before - 1), { before: before - 20 }));
    });
    const { items, cursors, finalCursor } = await drainConnector(telegramConnector, config(s.baseUrl), null, { ctx: testConnectorContext(NOW) });
    expect(s.requests).toHaveLength(10);
    expect(items).toHaveLength(200);
    expect(cursors.slice(0, -1).every((c) => JSON.parse(c ?? "{}").lastId === 0)).toBe(true);
    expect(JSON.parse(finalCursor ?? "null")).toEqual({ lastId: 1000 });
  });

  it("searches inside the channel with ?q= and accepts an empty result", async () => {
    const s = await serve((req) =>
      req.query.get("q") === "вклад" ? html(channelPage([{ id: 119, html: "Вклад «Северный»", views: "5" }])) : html(channelPage([], { history: "" })),
    );
    const found = await fetchOnce(s.baseUrl, null, { query: "вклад" });
    expect(found.items.map((i) => i.text)).toEqual(["Вклад «Северный»"]);
    expect(s.requests[0]?.query.get("q")).toBe("вклад");

    const none = await fetchOnce(s.baseUrl, null, { query: "ипотека" });
    expect(none).toEqual({ items: [], nextCursor: JSON.stringify({ lastId: 0 }), hasMore: false });
  });
});

describe("telegram connector: later runs", () => {
  it("returns only posts above the last id and stops at the first page that reaches it", async () => {
    const s = await serve(() => html(channelPage(range(115, 130), { before: 115 })));
    const { items, finalCursor } = await drainConnector(telegramConnector, config(s.baseUrl), JSON.stringify({ lastId: 124 }), {
      ctx: testConnectorContext(NOW),
    });
    expect(items.map((i) => i.externalId)).toEqual(range(125, 130).map((p) => `northwindbank/${p.id}`));
    expect(s.requests).toHaveLength(1);
    expect(JSON.parse(finalCursor ?? "null")).toEqual({ lastId: 130 });
  });

  it("needs no older page when the newest one starts right above the last id", async () => {
    const s = await serve(() => html(channelPage(range(111, 130), { before: 111 })));
    const result = await fetchOnce(s.baseUrl, JSON.stringify({ lastId: 110 }));
    expect(result.items).toHaveLength(20);
    expect(result.hasMore).toBe(false);
    expect(JSON.parse(result.nextCursor ?? "null")).toEqual({ lastId: 130 });
  });

  it("pages back across the gap, advancing the cursor only once the gap is closed", async () => {
    const s = await serve((req) => {
      if (req.query.get("before") === "111") return html(channelPage(range(91, 110), { before: 91 }));
      if (req.query.get("before") === null) return html(channelPage(range(111, 130), { before: 111 }));
      return { status: 500, body: "not expected" };
    });
    const first = await fetchOnce(s.baseUrl, JSON.stringify({ lastId: 100 }));
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    // A crash here resumes at before=111; lastId stays 100 until 101–110 are returned.
    expect(JSON.parse(first.nextCursor ?? "null")).toEqual({ lastId: 100, run: { before: 111, maxId: 130, pages: 1 } });

    const second = await fetchOnce(s.baseUrl, first.nextCursor);
    expect(second.items.map((i) => i.externalId)).toEqual(range(101, 110).map((p) => `northwindbank/${p.id}`));
    expect(second.hasMore).toBe(false);
    expect(JSON.parse(second.nextCursor ?? "null")).toEqual({ lastId: 130 });
    expect(s.requests).toHaveLength(2);
  });

  it("keeps the externalId of an edited post and marks the edit", async () => {
    let edited = false;
    const s = await serve(() =>
      html(channelPage([{ id: 125, html: edited ? "Ставка по вкладу — 22%" : "Ставка по вкладу — 21%", views: "1.5K", edited }])),
    );
    const before = (await fetchOnce(s.baseUrl, null)).items[0];
    edited = true;
    const after = (await fetchOnce(s.baseUrl, null)).items[0];
    expect(after?.externalId).toBe(before?.externalId);
    expect(after?.url).toBe(before?.url);
    expect(before?.updatedAt).toBeUndefined();
    expect(after?.updatedAt).toBe(NOW.toISOString());
    expect(after?.text).toBe("Ставка по вкладу — 22%");
  });

  it("starts over on a cursor it cannot read", async () => {
    const s = await serve(() => html(channelPage(range(1, 3))));
    const result = await fetchOnce(s.baseUrl, "{not json");
    expect(result.items).toHaveLength(3);
    expect(JSON.parse(result.nextCursor ?? "null")).toEqual({ lastId: 3 });
  });
});

describe("telegram connector: failures", () => {
  it("reports a channel without a web preview (t.me/s redirects to the landing page) as not found", async () => {
    const s = await serve((req) =>
      req.path.startsWith("/s/") ? { status: 302, headers: { location: "/northwind_private" }, body: "" } : html(LANDING_PAGE),
    );
    const error = await failure(fetchOnce(s.baseUrl, null, { channel: "northwind_private" }));
    expect(error.kind).toBe("not_found");
    expect(error.message).toBe("Telegram channel @northwind_private has no public web preview (t.me/s/northwind_private shows no posts)");
  });

  it("reports the landing page served at /s/ itself as not found too", async () => {
    const s = await serve(() => html(LANDING_PAGE));
    expect((await failure(fetchOnce(s.baseUrl, null))).kind).toBe("not_found");
  });

  it.each([
    ["message blocks without data-post", channelPage([], { history: '<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-message-id="5">Текст</div></div>' }), /no data-post/],
    ["a first page with an empty message list", channelPage([], { history: "" }), /holds no posts/],
    ["a malformed data-post", channelPage([], { history: '<div class="tgme_widget_message" data-post="northwindbank">x</div>' }), /data-post "northwindbank"/],
    ["a post without a date", channelPage([{ id: 7, html: "Без даты", datetime: null }]), /northwindbank\/7 has no date/],
    ["channel info without a message list", CHANNEL_PAGE.replace(/<section class="tgme_channel_history[\s\S]*?<\/section>/, ""), /no message list/],
  ])("fails loudly on changed markup: %s", async (_name, page, message) => {
    const s = await serve(() => html(page));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("markup_changed");
    expect(error.message).toMatch(message);
  });

  it("passes on 429 with its Retry-After seconds", async () => {
    const s = await serve(() => ({ status: 429, headers: { "retry-after": "17" }, body: "Too Many Requests" }));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(17);
  });

  it("reads the wait from t.me's flood page", async () => {
    const s = await serve(() => html(FLOOD_PAGE));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(27);
  });

  it("does not mistake a post about flooding for the flood page", async () => {
    const s = await serve(() => html(channelPage([{ id: 9, html: "Too many requests to support? FLOOD_WAIT_5 is our joke", views: "1" }])));
    expect((await fetchOnce(s.baseUrl, null)).items).toHaveLength(1);
  });

  it("does not mistake a landing page that mentions too many requests for the flood page", async () => {
    const s = await serve(() => html(LANDING_PAGE.replace("Закрытые предложения для клиентов.", "Too many requests to support? Write here.")));
    expect((await failure(fetchOnce(s.baseUrl, null))).kind).toBe("not_found");
  });

  it("reports other HTTP errors as upstream", async () => {
    const s = await serve(() => html("<h1>Bad Gateway</h1>", 502));
    const error = await failure(fetchOnce(s.baseUrl, null));
    expect(error.kind).toBe("upstream");
    expect(error.message).toContain("502");
  });
});

describe("telegram connector: declaration", () => {
  it("is a channel listing, not a keyword search, owned only when configured so", () => {
    expect(telegramConnector).toMatchObject({ id: "telegram", sourceKind: "telegram", rateLimit: { limit: 1, intervalMs: 3000 }, defaultIntervalMinutes: 30 });
    expect(Object.values(telegramConnector.capabilities).every((c) => c === false)).toBe(true);
    expect(telegramConnector.isOwnPlace(telegramConfigSchema.parse({ channel: CHANNEL }))).toBe(false);
    expect(telegramConnector.isOwnPlace(telegramConfigSchema.parse({ channel: CHANNEL, ownPlace: true }))).toBe(true);
  });
});
