import { afterEach, describe, expect, it } from "vitest";
import { type TReplayServer, drainConnector, startReplayServer } from "../test-kit.ts";
import page1 from "./__fixtures__/search.page1.json" with { type: "json" };
import page2 from "./__fixtures__/search.page2.json" with { type: "json" };
import { redditConnectorDefinition as reddit } from "./reddit.connector.ts";
import { type TRedditCursor, redditCursorSchema } from "./reddit.cursor.ts";
import { timeWindow } from "./reddit.search.ts";
import { APP_TOKEN, CLIENT_ID, CLIENT_SECRET, NOW, keylessConfig, oauthConfig, redditRoutes, searches, tokenRequests } from "./reddit.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const cursorOf = (raw: string | null): TRedditCursor => redditCursorSchema.parse(JSON.parse(raw ?? "null"));
const [froze, removed, appNotes, switched] = page1.data.children;

/** Reddit's two pages, for the OAuth path and the public .json path alike. */
async function twoPages() {
  const answer = (after: string | null) => ({ body: after === "t3_1qx2mn" ? page2 : page1 });
  server = await startReplayServer(
    redditRoutes({
      "GET /search": (req) => answer(req.query.get("after")),
      "GET /search.json": (req) => answer(req.query.get("after")),
      "GET /r/personalfinance/search": (req) => answer(req.query.get("after")),
    }),
  );
  return server;
}

describe("reddit search: first run", () => {
  it("maps every field of a self post", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(reddit, oauthConfig(s.baseUrl));
    expect(items[0]).toEqual({
      kind: "post",
      externalId: "t3_1qx7ab",
      url: "https://www.reddit.com/r/personalfinance/comments/1qx7ab/northwind_bank_froze_my_account_after_a/?ref=search_posts",
      target: { kind: "query", externalId: "Northwind Bank" },
      author: {
        externalId: "t2_8r2n5x1b",
        name: "ledger_lena",
        handle: "ledger_lena",
        url: "https://www.reddit.com/user/ledger_lena",
      },
      title: "Northwind Bank froze my account after a wire transfer",
      text: "Sent $4,000 to my landlord and Northwind Bank froze the whole account. Support says 5-7 business days. Anyone else?",
      publishedAt: "2026-11-20T11:40:00.000Z",
      metrics: { score: 42, replies: 17 },
      replyCapability: "api",
      replyTarget: { thing_id: "t3_1qx7ab" },
      raw: froze?.data,
    });
    expect(items[0]?.lang).toBeUndefined();
    expect(items[0]?.updatedAt).toBeUndefined();
  });

  it("skips removed posts, uses the title of a link post as its text and keeps its edit time", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(reddit, oauthConfig(s.baseUrl));
    expect(removed?.data.selftext).toBe("[removed]");
    expect(items.map((i) => i.externalId)).toEqual(["t3_1qx7ab", "t3_1qx4kd", "t3_1qx2mn", "t3_1qv9pr"]);
    expect(items[1]).toMatchObject({
      title: "Northwind Bank app 5.2 release notes",
      text: "Northwind Bank app 5.2 release notes",
      url: "https://www.reddit.com/r/fintech/comments/1qx4kd/northwind_bank_app_52_release_notes/?ref=search_posts",
      publishedAt: "2026-11-20T11:00:00.000Z",
      updatedAt: "2026-11-20T11:15:00.000Z",
      metrics: { score: 128, replies: 34 },
    });
  });

  it("pages back with after until the page is older than a week, with a bearer token and Reddit's User-Agent", async () => {
    const s = await twoPages();
    const { cursors, finalCursor } = await drainConnector(reddit, oauthConfig(s.baseUrl));

    const [token] = tokenRequests(s.requests);
    expect(tokenRequests(s.requests)).toHaveLength(1);
    expect(token?.method).toBe("POST");
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`);
    expect(token?.body).toBe("grant_type=client_credentials");
    expect(token?.headers["user-agent"]).toBe("server:repute:1.0.0 (by /u/northwind_team)");

    // Page 2 ends with a post from 10 November, older than the first run's week: no page 3.
    const [a, b, ...rest] = searches(s.requests);
    expect(rest).toEqual([]);
    expect(a?.path).toBe("/search");
    expect(Object.fromEntries(a?.query ?? [])).toEqual({ q: "Northwind Bank", sort: "new", t: "week", limit: "100", raw_json: "1" });
    expect(a?.headers.authorization).toBe(`bearer ${APP_TOKEN}`);
    expect(a?.headers["user-agent"]).toBe("server:repute:1.0.0 (by /u/northwind_team)");
    expect(b?.query.get("after")).toBe("t3_1qx2mn");

    expect(cursorOf(cursors[0] ?? null).run).toMatchObject({ after: "t3_1qx2mn", since: NOW - 7 * 86400, pages: 1 });
    const final = cursorOf(finalCursor);
    expect(final.run).toBeUndefined();
    expect(final.watermark).toBe(1795174800);
    expect(final.seen).toHaveLength(4);
    // Credentials and tokens never go into the stored cursor.
    for (const c of cursors) {
      expect(c).not.toContain(APP_TOKEN);
      expect(c).not.toContain(CLIENT_SECRET);
    }
  });

  it("keeps the app token in memory: the next run asks for none", async () => {
    const s = await twoPages();
    const first = await drainConnector(reddit, oauthConfig(s.baseUrl));
    await drainConnector(reddit, oauthConfig(s.baseUrl), first.finalCursor);
    expect(tokenRequests(s.requests)).toHaveLength(1);
    expect(searches(s.requests)).toHaveLength(3);
  });

  it("without credentials reads the public .json pages, with no token at all", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(reddit, keylessConfig(s.baseUrl));
    expect(items).toHaveLength(4);
    expect(tokenRequests(s.requests)).toEqual([]);
    expect(searches(s.requests).map((r) => r.path)).toEqual(["/search.json", "/search.json"]);
    expect(s.requests[0]?.headers.authorization).toBeUndefined();
    expect(s.requests[0]?.headers["user-agent"]).toBe("server:repute:1.0.0 (self-hosted Repute instance)");
  });

  it("searches one subreddit with restrict_sr", async () => {
    const s = await twoPages();
    const { items } = await drainConnector(reddit, oauthConfig(s.baseUrl, { subreddit: "personalfinance" }));
    expect(searches(s.requests)[0]?.path).toBe("/r/personalfinance/search");
    expect(searches(s.requests)[0]?.query.get("restrict_sr")).toBe("1");
    expect(items[0]?.target).toEqual({ kind: "query", externalId: "Northwind Bank", name: "Northwind Bank (r/personalfinance)" });
  });

  it("maps comments that come in a listing, with their post as parent", async () => {
    const comment = {
      kind: "t1",
      data: {
        id: "kq3f2a1",
        name: "t1_kq3f2a1",
        body: "Northwind Bank did the same to me.",
        author: "mkowalski_dev",
        subreddit: "personalfinance",
        created_utc: 1795175400.0,
        link_id: "t3_1qx7ab",
        parent_id: "t3_1qx7ab",
        score: 12,
        edited: false,
      },
    };
    server = await startReplayServer(redditRoutes({ "GET /search": () => ({ body: { kind: "Listing", data: { after: null, before: null, children: [comment] } } }) }));
    const { items } = await drainConnector(reddit, oauthConfig(server.baseUrl));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "comment",
      externalId: "t1_kq3f2a1",
      url: "https://www.reddit.com/comments/1qx7ab/comment/kq3f2a1",
      parent: { externalId: "t3_1qx7ab" },
      text: "Northwind Bank did the same to me.",
      replyTarget: { thing_id: "t1_kq3f2a1" },
    });
  });
});

describe("reddit search: the next runs", () => {
  it("reads down to 10 minutes before the newest post seen and returns only new posts and edits", async () => {
    const s = await twoPages();
    const first = await drainConnector(reddit, oauthConfig(s.baseUrl));
    await s.close();

    const newer = { kind: "t3", data: { ...froze?.data, id: "1qz0aa", name: "t3_1qz0aa", created_utc: 1795175400.0, title: "Northwind Bank outage?" } };
    const late = { kind: "t3", data: { ...froze?.data, id: "1qy9zz", name: "t3_1qy9zz", created_utc: 1795174500.0, title: "Northwind Bank late post" } };
    const edited = { kind: "t3", data: { ...appNotes?.data, title: "Northwind Bank app 5.2.1 release notes", edited: 1795175700.0 } };
    const listing = { kind: "Listing", data: { ...page1.data, children: [newer, froze, late, edited, switched], after: "t3_1qx2mn" } };
    server = await startReplayServer(redditRoutes({ "GET /search": () => ({ body: listing }) }));
    const second = await drainConnector(reddit, oauthConfig(server.baseUrl), first.finalCursor);

    // The 09:00 post at the end is older than 11:30 (11:40 − 10 min): one page is enough.
    expect(searches(server.requests)).toHaveLength(1);
    expect(second.items.map((i) => i.externalId)).toEqual(["t3_1qz0aa", "t3_1qy9zz", "t3_1qx4kd"]);
    expect(second.items[2]).toMatchObject({
      text: "Northwind Bank app 5.2.1 release notes",
      publishedAt: "2026-11-20T11:00:00.000Z",
      updatedAt: "2026-11-20T11:55:00.000Z",
    });
    expect(cursorOf(second.finalCursor).watermark).toBe(1795175400);

    const third = await drainConnector(reddit, oauthConfig(server.baseUrl), second.finalCursor);
    expect(third.items).toEqual([]);
  });

  it("stops paging when no requests are left and reads the rest next run, keeping the watermark", async () => {
    let limited = true;
    const exhausted: Record<string, string> = { "x-ratelimit-remaining": "0.0", "x-ratelimit-reset": "312", "x-ratelimit-used": "100" };
    server = await startReplayServer(
      redditRoutes({
        "GET /search": (req) =>
          req.query.get("after") === "t3_1qx2mn"
            ? { body: page2 }
            : { body: page1, headers: limited ? exhausted : {} },
      }),
    );
    const first = await drainConnector(reddit, oauthConfig(server.baseUrl));
    expect(searches(server.requests)).toHaveLength(1);
    expect(first.items.map((i) => i.externalId)).toEqual(["t3_1qx7ab", "t3_1qx4kd", "t3_1qx2mn"]);
    expect(cursorOf(first.finalCursor).watermark).toBeUndefined();
    expect(cursorOf(first.finalCursor).run).toBeUndefined();

    limited = false;
    const second = await drainConnector(reddit, oauthConfig(server.baseUrl), first.finalCursor);
    expect(second.items.map((i) => i.externalId)).toEqual(["t3_1qv9pr"]);
    expect(cursorOf(second.finalCursor).watermark).toBe(1795174800);
  });

  it("widens Reddit's time filter when the watermark is older than a week", () => {
    expect(timeWindow(NOW - 600, NOW)).toBe("week");
    expect(timeWindow(NOW - 8 * 86400, NOW)).toBe("month");
    expect(timeWindow(NOW - 40 * 86400, NOW)).toBe("year");
    expect(timeWindow(NOW - 400 * 86400, NOW)).toBe("all");
  });
});
