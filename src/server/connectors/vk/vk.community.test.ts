import { afterEach, describe, expect, it } from "vitest";
import { type TReplayRequest, type TReplayServer, drainConnector, startReplayServer, testConnectorContext } from "../test-kit.ts";
import wallComments from "./__fixtures__/wall.getComments.json" with { type: "json" };
import wall from "./__fixtures__/wall.get.json" with { type: "json" };
import { vkConnectorDefinition as vk } from "./vk.connector.ts";
import { type TVkCommunityCursor, vkCommunityCursorSchema } from "./vk.cursor.ts";
import { GROUP_ID, NOW, TOKEN, communityConfig, vkRoutes } from "./vk.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const cursorOf = (raw: string | null): TVkCommunityCursor => vkCommunityCursorSchema.parse(JSON.parse(raw ?? "null"));
const posts = wall.response.items;
const [pinned, appUpdate, thanks, promo] = posts as [(typeof posts)[0], (typeof posts)[0], (typeof posts)[0], (typeof posts)[0]];
const comments = wallComments.response.items;
const emptyComments = { response: { count: 0, items: [], profiles: [], groups: [], current_level_count: 0 } };

async function serve(wallBody: unknown, commentsByPost: Record<number, unknown>) {
  server = await startReplayServer(
    vkRoutes({
      "wall.get": () => ({ body: wallBody }),
      "wall.getComments": (req: TReplayRequest) => ({ body: commentsByPost[Number(req.query.get("post_id"))] ?? emptyComments }),
    }),
  );
  return server;
}

const called = (s: TReplayServer) => s.requests.map((r) => `${r.path.replace("/method/", "")}${r.query.has("post_id") ? `:${r.query.get("post_id")}` : ""}`);

describe("vk community: first run", () => {
  it("returns the week's posts and the new post's comments, each reply attached to the comment it answers", async () => {
    const s = await serve(wall, { 2051: wallComments });
    const { items } = await drainConnector(vk, communityConfig(s.baseUrl));

    // The pinned post and the promo are older than the first run's 7 days: their comment counts
    // become the baseline. The community's own comment 2052 and its replies are not mentions.
    expect(called(s)).toEqual(["wall.get", "wall.getComments:2051"]);
    expect(items.map((i) => i.externalId)).toEqual([
      "-987654_2051",
      "-987654_2049",
      "-987654_2051_c2060",
      "-987654_2051_c2063",
      "-987654_2051_c2055",
    ]);
  });

  it("maps the community's own post with isOwner and replyCapability api", async () => {
    const s = await serve(wall, { 2051: wallComments });
    const { items } = await drainConnector(vk, communityConfig(s.baseUrl));
    expect(items[0]).toEqual({
      kind: "post",
      externalId: "-987654_2051",
      url: "https://vk.com/wall-987654_2051",
      target: { kind: "page", externalId: "-987654", url: "https://vk.com/club987654" },
      author: {
        externalId: "-987654",
        name: "Нортвинд Банк",
        handle: "northwindbank",
        url: "https://vk.com/northwindbank",
        avatarUrl: "https://sun9-1.userapi.com/northwind-example/bank_100.jpg",
        isOwner: true,
      },
      text: "Мы обновили мобильное приложение Нортвинд Банка. Расскажите, как вам новый дизайн?",
      publishedAt: "2026-11-20T10:00:00.000Z",
      metrics: { likes: 48, shares: 6, views: 5120, replies: 7 },
      replyCapability: "api",
      replyTarget: { owner_id: "-987654", post_id: "2051" },
      raw: appUpdate,
    });
    expect(items[1]).toMatchObject({
      externalId: "-987654_2049",
      author: { externalId: "734567890", name: "Олег Смирнов", handle: "oleg_smirnov", isOwner: false },
      text: "Спасибо Нортвинд Банк за быстрое решение вопроса с переводом!",
      publishedAt: "2026-11-19T13:00:00.000Z",
      updatedAt: "2026-11-19T14:00:00.000Z",
    });
  });

  it("maps a comment with its parent post and the community's reply as ownerReply", async () => {
    const s = await serve(wall, { 2051: wallComments });
    const { items } = await drainConnector(vk, communityConfig(s.baseUrl));
    const comment = items.find((i) => i.externalId === "-987654_2051_c2060");
    const { thread: _thread, ...rawComment } = comments[0] ?? { thread: undefined };
    expect(comment).toEqual({
      kind: "comment",
      externalId: "-987654_2051_c2060",
      url: "https://vk.com/wall-987654_2051?reply=2060",
      target: { kind: "page", externalId: "-987654", url: "https://vk.com/club987654" },
      parent: { externalId: "-987654_2051", url: "https://vk.com/wall-987654_2051" },
      author: {
        externalId: "845678901",
        name: "Анна Кузнецова",
        handle: "anna_kuz",
        url: "https://vk.com/anna_kuz",
        avatarUrl: "https://sun9-1.userapi.com/northwind-example/anna_100.jpg",
        isOwner: false,
      },
      text: "После обновления не могу войти в приложение, пишет «ошибка 502»",
      publishedAt: "2026-11-20T11:00:00.000Z",
      metrics: { likes: 7, replies: 3 },
      ownerReply: {
        text: "Анна, здравствуйте! Напишите, пожалуйста, в сообщения сообщества — разберёмся.",
        publishedAt: "2026-11-20T11:10:00.000Z",
        authorName: "Нортвинд Банк",
        externalId: "-987654_2051_c2061",
      },
      replyCapability: "api",
      replyTarget: { owner_id: "-987654", post_id: "2051", comment_id: "2060" },
      raw: rawComment,
    });

    // A person's reply inside the thread is a comment of its own, answered by the later owner reply.
    const threadReply = items.find((i) => i.externalId === "-987654_2051_c2063");
    expect(threadReply).toMatchObject({
      kind: "comment",
      url: "https://vk.com/wall-987654_2051?reply=2063",
      parent: { externalId: "-987654_2051" },
      text: "Написала, жду ответа",
      publishedAt: "2026-11-20T11:20:00.000Z",
      ownerReply: { text: "Анна, ответили вам в сообщениях.", externalId: "-987654_2051_c2064" },
      replyTarget: { owner_id: "-987654", post_id: "2051", comment_id: "2063" },
    });
    expect(items.find((i) => i.externalId === "-987654_2051_c2055")?.ownerReply).toBeUndefined();
  });

  it("asks wall.get and wall.getComments with the documented parameters", async () => {
    const s = await serve(wall, { 2051: wallComments });
    await drainConnector(vk, communityConfig(s.baseUrl));
    expect(Object.fromEntries(s.requests[0]?.query ?? [])).toEqual({
      owner_id: String(-GROUP_ID),
      count: "50",
      offset: "0",
      extended: "1",
      v: "5.131",
      access_token: TOKEN,
    });
    expect(Object.fromEntries(s.requests[1]?.query ?? [])).toEqual({
      owner_id: String(-GROUP_ID),
      post_id: "2051",
      sort: "desc",
      count: "100",
      offset: "0",
      thread_items_count: "10",
      need_likes: "1",
      extended: "1",
      v: "5.131",
      access_token: TOKEN,
    });
  });

  it("keeps the comment counts and the newest date in the cursor, one call per post", async () => {
    const s = await serve(wall, { 2051: wallComments });
    const { cursors, finalCursor } = await drainConnector(vk, communityConfig(s.baseUrl));
    expect(cursors).toHaveLength(2);
    // After the listing: the post's comments are still to read.
    expect(cursorOf(cursors[0] ?? null).run?.pending).toEqual([{ postId: 2051, count: 7 }]);
    const final = cursorOf(finalCursor);
    expect(final.run).toBeUndefined();
    // The newest thing seen: the owner's reply at 11:30.
    expect(final.watermark).toBe(1795174200);
    expect(final.commentCounts).toEqual({ "100": 25, "2051": 7, "2049": 0, "1980": 2 });
    expect(finalCursor).not.toContain(TOKEN);
  });
});

describe("vk community: the next runs", () => {
  async function firstRun() {
    const s = await serve(wall, { 2051: wallComments });
    const first = await drainConnector(vk, communityConfig(s.baseUrl));
    await s.close();
    return first.finalCursor;
  }

  it("returns new posts, new comments (also late ones inside the overlap), new owner replies and edits — nothing else", async () => {
    const cursor = await firstRun();

    const newPost = { ...thanks, id: 2070, date: NOW - 600, text: "Нортвинд Банк, когда вернут кешбэк?", edited: undefined };
    const editedThanks = { ...thanks, text: "Спасибо Нортвинд Банку! Перевод дошёл за минуту.", edited: NOW - 300 };
    const wall2 = {
      response: {
        ...wall.response,
        items: [
          { ...pinned, comments: { ...pinned.comments, count: 26 } },
          newPost,
          { ...appUpdate, comments: { ...appUpdate.comments, count: 10 } },
          editedThanks,
          promo,
        ],
      },
    };
    const [c2060, c2055, c2052] = comments as [(typeof comments)[0], (typeof comments)[0], (typeof comments)[0]];
    const ownerReplyTo2055 = { ...c2060.thread.items[0], id: 2076, date: NOW - 900, text: "[id956789012|Дмитрий], спасибо!", reply_to_comment: 2055 };
    const comments2 = {
      response: {
        ...wallComments.response,
        count: 10,
        items: [
          { ...c2055, id: 2075, from_id: 845678901, date: NOW - 900, text: "Вход заработал, спасибо", thread: { ...c2055.thread, count: 0, items: [] } },
          // Posted at 11:27, before the last watermark (11:30) but inside the 10-minute overlap.
          { ...c2055, id: 2072, date: 1795174020, text: "А виджет баланса вернут?", thread: { ...c2055.thread, count: 0, items: [] } },
          c2060,
          { ...c2055, thread: { ...c2055.thread, count: 1, items: [ownerReplyTo2055] } },
          c2052,
        ],
      },
    };
    const pinnedComments = {
      response: {
        ...wallComments.response,
        count: 26,
        items: [
          { ...c2055, id: 2077, post_id: 100, date: NOW - 1200, text: "Как связаться с поддержкой Нортвинд Банка ночью?", thread: { ...c2055.thread, count: 0, items: [] } },
          // Old comment under the pinned post: outside the window.
          { ...c2055, id: 150, post_id: 100, date: 1792100000, text: "Старый вопрос", thread: { ...c2055.thread, count: 0, items: [] } },
        ],
      },
    };
    const s = await serve(wall2, { 100: pinnedComments, 2051: comments2 });
    const second = await drainConnector(vk, communityConfig(s.baseUrl), cursor);

    // The promo's count did not change and the new post has no comments: neither is read.
    expect(called(s)).toEqual(["wall.get", "wall.getComments:100", "wall.getComments:2051"]);
    expect(second.items.map((i) => i.externalId)).toEqual([
      "-987654_2070",
      "-987654_2049",
      "-987654_100_c2077",
      "-987654_2051_c2075",
      "-987654_2051_c2072",
      "-987654_2051_c2055",
    ]);
    const byId = new Map(second.items.map((i) => [i.externalId, i]));
    expect(byId.get("-987654_2049")).toMatchObject({
      text: "Спасибо Нортвинд Банку! Перевод дошёл за минуту.",
      publishedAt: "2026-11-19T13:00:00.000Z",
      updatedAt: "2026-11-20T11:55:00.000Z",
    });
    // Comment 2055 is old, but the community has answered it since.
    expect(byId.get("-987654_2051_c2055")?.ownerReply).toEqual({
      text: "Дмитрий, спасибо!",
      publishedAt: "2026-11-20T11:45:00.000Z",
      authorName: "Нортвинд Банк",
      externalId: "-987654_2051_c2076",
    });
    expect(cursorOf(second.finalCursor)).toMatchObject({
      watermark: NOW - 600,
      commentCounts: { "100": 26, "2070": 0, "2051": 10, "2049": 0, "1980": 2 },
    });

    // Nothing changed since: one listing, no comments read, nothing returned.
    const third = await drainConnector(vk, communityConfig(s.baseUrl), second.finalCursor);
    expect(third.items).toEqual([]);
    expect(called(s).slice(3)).toEqual(["wall.get"]);
  });

  it("resumes at the next post when a run stopped between posts", async () => {
    const cursor = await firstRun();
    const wall2 = {
      response: {
        ...wall.response,
        items: [{ ...pinned, comments: { ...pinned.comments, count: 26 } }, { ...appUpdate, comments: { ...appUpdate.comments, count: 8 } }, thanks, promo],
      },
    };
    const s = await serve(wall2, {});
    const page1 = await vk.fetch(testConnectorContext(), communityConfig(s.baseUrl), cursor);
    expect(page1.hasMore).toBe(true);
    // The crash: the listing's cursor was stored, the next call reads post 100, then 2051.
    const page2 = await vk.fetch(testConnectorContext(), communityConfig(s.baseUrl), page1.nextCursor);
    expect(page2.hasMore).toBe(true);
    expect(cursorOf(page2.nextCursor).run?.pending).toEqual([{ postId: 2051, count: 8 }]);
    expect(cursorOf(page2.nextCursor).commentCounts["100"]).toBe(26);
    // Not yet read: the old count stays, so an interrupted run reads the post again.
    expect(cursorOf(page2.nextCursor).commentCounts["2051"]).toBe(7);
    expect(called(s)).toEqual(["wall.get", "wall.getComments:100"]);
  });

  it("goes on when a post disappears before its comments are read", async () => {
    server = await startReplayServer(
      vkRoutes({
        "wall.get": () => ({ body: wall }),
        "wall.getComments": () => ({ body: { error: { error_code: 18, error_msg: "Access denied: post was deleted" } } }),
      }),
    );
    const { items, finalCursor } = await drainConnector(vk, communityConfig(server.baseUrl));
    expect(items.map((i) => i.externalId)).toEqual(["-987654_2051", "-987654_2049"]);
    expect(cursorOf(finalCursor).run).toBeUndefined();
  });
});
