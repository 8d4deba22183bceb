import { afterEach, describe, expect, it } from "vitest";
import { type TReplayServer, drainConnector, startReplayServer } from "../test-kit.ts";
import page1 from "./__fixtures__/newsfeed.search.page1.json" with { type: "json" };
import page2 from "./__fixtures__/newsfeed.search.page2.json" with { type: "json" };
import { vkConnectorDefinition as vk } from "./vk.connector.ts";
import { type TVkSearchCursor, vkSearchCursorSchema } from "./vk.cursor.ts";
import { NOW, TOKEN, searchConfig, vkRoutes } from "./vk.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const cursorOf = (raw: string | null): TVkSearchCursor => vkSearchCursorSchema.parse(JSON.parse(raw ?? "null"));

/** VK's two pages: the first without start_from, the second with the first's next_from. */
async function twoPages() {
  server = await startReplayServer(
    vkRoutes({
      "newsfeed.search": (req) => ({ body: req.query.get("start_from") === "2/-456789_77801" ? page2 : page1 }),
    }),
  );
  return server;
}

describe("vk search: first run", () => {
  it("maps every field of a person's post", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(vk, searchConfig(s.baseUrl));
    expect(items).toHaveLength(3);
    const [first] = items;
    expect(first).toEqual({
      kind: "post",
      externalId: "512345678_1042",
      url: "https://vk.com/wall512345678_1042",
      target: { kind: "query", externalId: "Нортвинд Банк" },
      author: {
        externalId: "512345678",
        name: "Марина Соколова",
        handle: "marina.sokolova",
        url: "https://vk.com/marina.sokolova",
        avatarUrl: "https://sun9-1.userapi.com/northwind-example/marina_100.jpg",
      },
      // VK's mention markup [club987654|Нортвинд Банк] reads as the name.
      text: "Нортвинд Банк опять заблокировал карту без объяснений. Нортвинд Банк, что происходит?",
      publishedAt: "2026-11-20T11:30:00.000Z",
      metrics: { likes: 12, shares: 3, views: 845, replies: 4 },
      replyCapability: "manual_link",
      replyTarget: { owner_id: "512345678", post_id: "1042" },
      raw: page1.response.items[0],
    });
    expect(first?.lang).toBeUndefined();
    expect(first?.updatedAt).toBeUndefined();
    expect(first?.author.isOwner).toBeUndefined();
  });

  it("names a community author from groups, keeps the edit time and strips access keys from raw", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(vk, searchConfig(s.baseUrl));
    const post = items[1];
    expect(post?.externalId).toBe("-456789_77801");
    expect(post?.url).toBe("https://vk.com/wall-456789_77801");
    expect(post?.author).toEqual({
      externalId: "-456789",
      name: "Отзывы Москвы",
      handle: "otzyvy_msk",
      url: "https://vk.com/otzyvy_msk",
      avatarUrl: "https://sun9-1.userapi.com/northwind-example/otzyvy_100.jpg",
    });
    expect(post?.publishedAt).toBe("2026-11-20T10:30:00.000Z");
    expect(post?.updatedAt).toBe("2026-11-20T10:40:00.000Z");
    expect(post?.metrics).toEqual({ likes: 5, shares: 0, views: 1290, replies: 17 });
    expect(JSON.stringify(post?.raw)).not.toContain("access_key");
    expect(JSON.stringify(post?.raw)).toContain("457300001");
  });

  it("describes a post without text by its attachment", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(vk, searchConfig(s.baseUrl));
    expect(items[2]).toMatchObject({
      externalId: "623456789_305",
      text: "Нортвинд Банк снизил ставки по вкладам",
      author: { name: "Игорь Петров", handle: "id623456789" },
      publishedAt: "2026-11-20T05:00:00.000Z",
      metrics: { likes: 0, shares: 1, views: 40, replies: 0 },
    });
  });

  it("asks for a day back, pages with next_from under the same start_time and keeps the token out of the cursor", async () => {
    const s = await twoPages();
    const { cursors, finalCursor } = await drainConnector(vk, searchConfig(s.baseUrl));
    expect(s.requests).toHaveLength(2);
    const [a, b] = s.requests;
    expect(a?.path).toBe("/method/newsfeed.search");
    expect(Object.fromEntries(a?.query ?? [])).toEqual({
      q: "Нортвинд Банк",
      extended: "1",
      count: "200",
      start_time: String(NOW - 86400),
      v: "5.131",
      access_token: TOKEN,
    });
    expect(b?.query.get("start_from")).toBe("2/-456789_77801");
    expect(b?.query.get("start_time")).toBe(String(NOW - 86400));

    expect(cursors).toHaveLength(2);
    expect(cursorOf(cursors[0] ?? null).nextFrom).toBe("2/-456789_77801");
    const final = cursorOf(finalCursor);
    expect(final.nextFrom).toBeUndefined();
    // The newest post (11:30) minus the 10-minute overlap.
    expect(final.startTime).toBe(1795174200 - 600);
    expect(final.seen).toHaveLength(3);
    for (const c of cursors) expect(c).not.toContain(TOKEN);
  });

  it("stops after postsPerRun posts and moves on rather than re-reading the same page forever", async () => {
    const s = await twoPages();
    const { items, finalCursor } = await drainConnector(vk, searchConfig(s.baseUrl, { postsPerRun: 2 }));
    expect(s.requests).toHaveLength(1);
    expect(items.map((i) => i.externalId)).toEqual(["512345678_1042", "-456789_77801"]);
    expect(cursorOf(finalCursor)).toMatchObject({ startTime: 1795174200 - 600 });
    expect(cursorOf(finalCursor).nextFrom).toBeUndefined();
  });
});

describe("vk search: the next runs", () => {
  it("starts 10 minutes before the newest post seen and returns only new posts", async () => {
    const s = await twoPages();
    const first = await drainConnector(vk, searchConfig(s.baseUrl));
    await s.close();

    const latePost = { ...page1.response.items[0], id: 1043, date: 1795173900, text: "Нортвинд Банк: карту разблокировали" };
    const newPost = { ...page1.response.items[0], id: 1050, date: 1795175400, text: "В Нортвинд Банке очередь на час" };
    const rerun = { response: { ...page1.response, items: [newPost, page1.response.items[0], latePost], next_from: undefined } };
    server = await startReplayServer(vkRoutes({ "newsfeed.search": () => ({ body: rerun }) }));
    const second = await drainConnector(vk, searchConfig(server.baseUrl), first.finalCursor);

    expect(server.requests[0]?.query.get("start_time")).toBe(String(1795174200 - 600));
    expect(server.requests[0]?.query.has("start_from")).toBe(false);
    // 1042 was returned last run; 1043 is older than the last watermark but inside the overlap.
    expect(second.items.map((i) => i.externalId)).toEqual(["512345678_1050", "512345678_1043"]);
    expect(cursorOf(second.finalCursor).startTime).toBe(1795175400 - 600);
  });

  it("returns an edited post again with the new text and updatedAt", async () => {
    const s = await twoPages();
    const first = await drainConnector(vk, searchConfig(s.baseUrl));
    await s.close();

    const edited = { ...page1.response.items[0], text: "Нортвинд Банк разблокировал карту, вопрос решён", edited: 1795175700 };
    server = await startReplayServer(
      vkRoutes({ "newsfeed.search": () => ({ body: { response: { ...page1.response, items: [edited], next_from: undefined } } }) }),
    );
    const second = await drainConnector(vk, searchConfig(server.baseUrl), first.finalCursor);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]).toMatchObject({
      externalId: "512345678_1042",
      text: "Нортвинд Банк разблокировал карту, вопрос решён",
      publishedAt: "2026-11-20T11:30:00.000Z",
      updatedAt: "2026-11-20T11:55:00.000Z",
    });

    // Unchanged since: not returned a third time.
    const third = await drainConnector(vk, searchConfig(server.baseUrl), second.finalCursor);
    expect(third.items).toEqual([]);
  });

  it("starts over when the cursor belongs to another query or cannot be read", async () => {
    server = await startReplayServer(vkRoutes({ "newsfeed.search": () => ({ body: { response: { items: [], profiles: [], groups: [] } } }) }));
    const other = JSON.stringify({ mode: "search", key: "q:Contoso", startTime: 1700000000, seen: [] });
    await drainConnector(vk, searchConfig(server.baseUrl), other);
    await drainConnector(vk, searchConfig(server.baseUrl), "{not json");
    expect(server.requests.map((r) => r.query.get("start_time"))).toEqual([String(NOW - 86400), String(NOW - 86400)]);
  });
});
