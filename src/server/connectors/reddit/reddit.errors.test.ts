import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { type TReplayResponse, type TReplayServer, drainConnector, startReplayServer } from "../test-kit.ts";
import page1 from "./__fixtures__/search.page1.json" with { type: "json" };
import { redditConfigSchema, redditReadBase } from "./reddit.config.ts";
import { redditConnectorDefinition as reddit, redditConnector } from "./reddit.connector.ts";
import { APP_TOKEN, CLIENT_SECRET, oauthConfig, redditRoutes, searches, tokenRequests } from "./reddit.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function caught(run: Promise<unknown>): Promise<ConnectorError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  const ce = error as ConnectorError;
  for (const secret of [APP_TOKEN, CLIENT_SECRET, "Basic ", "bearer "]) expect(ce.message).not.toContain(secret);
  expect(ce.message).not.toContain("/search");
  return ce;
}

async function searchFailsWith(answer: TReplayResponse): Promise<ConnectorError> {
  server = await startReplayServer(redditRoutes({ "GET /search": () => answer }));
  return caught(drainConnector(reddit, oauthConfig(server.baseUrl)));
}

describe("reddit errors", () => {
  it("429 is rate_limited with Retry-After's seconds", async () => {
    const e = await searchFailsWith({ status: 429, headers: { "retry-after": "7" }, body: { message: "Too Many Requests", error: 429 } });
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 7 });
  });

  it("429 without Retry-After waits for X-Ratelimit-Reset, rounded up", async () => {
    const e = await searchFailsWith({ status: 429, headers: { "x-ratelimit-reset": "42.3", "x-ratelimit-remaining": "0" }, body: "" });
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 43 });
  });

  it("a 401 gets one fresh token; a second 401 is auth", async () => {
    const e = await searchFailsWith({ status: 401, body: { message: "Unauthorized", error: 401 } });
    expect(e.kind).toBe("auth");
    expect(tokenRequests(server?.requests ?? [])).toHaveLength(2);
    expect(searches(server?.requests ?? [])).toHaveLength(2);
  });

  it("a token refused once and then renewed goes on", async () => {
    let first = true;
    server = await startReplayServer(
      redditRoutes({
        "GET /search": () => {
          if (!first) return { body: { ...page1, data: { ...page1.data, after: null } } };
          first = false;
          return { status: 401, body: { message: "Unauthorized", error: 401 } };
        },
      }),
    );
    const { items } = await drainConnector(reddit, oauthConfig(server.baseUrl));
    expect(items).toHaveLength(3);
  });

  it("403 is auth, but a private or banned subreddit is not_found; 404 is not_found", async () => {
    expect((await searchFailsWith({ status: 403, body: { message: "Forbidden", error: 403 } })).kind).toBe("auth");
    await server?.close();
    expect((await searchFailsWith({ status: 403, body: { reason: "private", message: "Forbidden", error: 403 } })).kind).toBe("not_found");
    await server?.close();
    expect((await searchFailsWith({ status: 404, body: { reason: "banned", message: "Not Found", error: 404 } })).kind).toBe("not_found");
  });

  it("5xx is upstream; an HTML page or another shape with 200 is markup_changed", async () => {
    expect((await searchFailsWith({ status: 503, body: "<html>upstream connect error</html>" })).kind).toBe("upstream");
    await server?.close();
    const html = await searchFailsWith({ body: "<!doctype html><title>whoa there, pardner!</title>", headers: { "content-type": "text/html" } });
    expect(html.kind).toBe("markup_changed");
    await server?.close();
    expect((await searchFailsWith({ body: { kind: "t5", data: {} } })).kind).toBe("markup_changed");
    await server?.close();
    const broken = { ...page1, data: { ...page1.data, children: [{ kind: "t3", data: { id: "x", name: "t3_x" } }] } };
    const shape = await searchFailsWith({ body: broken });
    expect(shape.kind).toBe("markup_changed");
    expect(shape.message).toContain("t3");
  });

  it("wrong app credentials are auth, whether Reddit answers 401 or 200 with an error", async () => {
    server = await startReplayServer(redditRoutes({ "POST /api/v1/access_token": () => ({ status: 401, body: { message: "Unauthorized", error: 401 } }) }));
    expect((await caught(drainConnector(reddit, oauthConfig(server.baseUrl)))).kind).toBe("auth");
    await server.close();
    server = await startReplayServer(redditRoutes({ "POST /api/v1/access_token": () => ({ body: { error: "invalid_grant" } }) }));
    expect((await caught(drainConnector(reddit, oauthConfig(server.baseUrl)))).kind).toBe("auth");
    expect(searches(server.requests)).toEqual([]);
  });
});

describe("reddit config", () => {
  const issuePaths = (input: unknown) => {
    const result = redditConfigSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
  };

  it("fills the defaults", () => {
    expect(redditConfigSchema.parse({ query: "Northwind Bank" })).toEqual({
      query: "Northwind Bank",
      baseUrl: "https://oauth.reddit.com",
      authUrl: "https://www.reddit.com",
    });
  });

  it("names the missing or wrong field", () => {
    expect(issuePaths({})).toEqual(["query"]);
    expect(issuePaths({ query: "  " })).toEqual(["query"]);
    expect(issuePaths({ query: "x", subreddit: "r/personalfinance" })).toEqual(["subreddit"]);
    expect(issuePaths({ query: "x", clientId: "id" })).toEqual(["clientSecret"]);
    expect(issuePaths({ query: "x", clientSecret: "secret" })).toEqual(["clientId"]);
    expect(issuePaths({ query: "x", userAgentContact: "not a user name" })).toEqual(["userAgentContact"]);
    expect(issuePaths({ query: "x", authUrl: "file:///etc/passwd" })).toEqual(["authUrl"]);
    expect(issuePaths({ query: "x", userAgentContact: "/u/northwind_team", subreddit: "personalfinance" })).toEqual([]);
  });

  it("reads the public site without credentials and the OAuth host with them, unless told otherwise", () => {
    expect(redditReadBase(redditConfigSchema.parse({ query: "x" }))).toBe("https://www.reddit.com");
    expect(redditReadBase(redditConfigSchema.parse({ query: "x", clientId: "a", clientSecret: "b" }))).toBe("https://oauth.reddit.com");
    expect(redditReadBase(redditConfigSchema.parse({ query: "x", baseUrl: "http://127.0.0.1:9/" }))).toBe("http://127.0.0.1:9");
  });

  it("rejects unknown keys, naming them", () => {
    const result = redditConfigSchema.safeParse({ query: "x", password: "hunter2" });
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["password"] });
  });
});

describe("reddit connector definition", () => {
  it("declares what the pipeline relies on", () => {
    expect(redditConnector).toBe(reddit);
    expect(reddit).toMatchObject({
      id: "reddit",
      sourceKind: "reddit",
      secretFields: ["clientSecret", "replyRefreshToken"],
      capabilities: { keywordSearch: true, reply: true },
      rateLimit: { limit: 60, intervalMs: 60_000 },
    });
    expect(reddit.isOwnPlace(oauthConfig("https://oauth.reddit.com"))).toBe(false);
  });
});
