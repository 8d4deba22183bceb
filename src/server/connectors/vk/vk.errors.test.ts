import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { type TReplayResponse, type TReplayServer, drainConnector, startReplayServer } from "../test-kit.ts";
import authEnvelope from "./__fixtures__/error.auth.json" with { type: "json" };
import { vkConnectorDefinition as vk, vkConnector } from "./vk.connector.ts";
import { vkConfigSchema } from "./vk.config.ts";
import { TOKEN, communityConfig, searchConfig, vkError, vkRoutes } from "./vk.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs a community fetch against one canned answer and returns what it threw. */
async function failWith(answer: TReplayResponse): Promise<ConnectorError> {
  server = await startReplayServer(vkRoutes({ "wall.get": () => answer, "newsfeed.search": () => answer }));
  const error = await drainConnector(vk, communityConfig(server.baseUrl)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  const ce = error as ConnectorError;
  // Whatever went wrong, the token is nowhere in what people and logs see.
  expect(ce.message).not.toContain(TOKEN);
  expect(ce.message).not.toContain("access_token=");
  expect(ce.message).not.toContain("/method/");
  expect(String(ce.cause ?? "")).not.toContain(TOKEN);
  return ce;
}

describe("vk errors", () => {
  it("an expired token (code 5 in an HTTP 200 envelope) is auth", async () => {
    const e = await failWith({ body: authEnvelope });
    expect(e.kind).toBe("auth");
    expect(e.message).toBe("VK wall.get: User authorization failed: access_token has expired. (code 5)");
  });

  it.each([
    [6, "Too many requests per second", 1],
    [9, "Flood control", 60],
    [29, "Rate limit reached", 3600],
  ])("code %i is rate_limited for %s, retry after %i s", async (code, message, seconds) => {
    const e = await failWith(vkError(code, message));
    expect(e.kind).toBe("rate_limited");
    expect(e.retryAfterSeconds).toBe(seconds);
    expect(e.message).toContain(message);
  });

  it.each([
    [15, "Access denied: group wall is disabled", "auth"],
    [30, "This profile is private", "auth"],
    [18, "User was deleted or banned", "not_found"],
    [10, "Internal server error", "upstream"],
    [100, "One of the parameters specified was missing or invalid: owner_id not integer", "upstream"],
  ])("code %i is %s", async (code, message, kind) => {
    const e = await failWith(vkError(code, message));
    expect(e.kind).toBe(kind);
  });

  it("HTTP 429 takes its wait from Retry-After", async () => {
    const e = await failWith({ status: 429, headers: { "retry-after": "30" }, body: "slow down" });
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30 });
  });

  it("HTTP 502 is upstream; HTML with 200 and an unknown shape are markup_changed", async () => {
    expect((await failWith({ status: 502, body: "<html>Bad gateway</html>" })).kind).toBe("upstream");
    await server?.close();
    expect((await failWith({ body: "<html><body>captcha</body></html>", headers: { "content-type": "text/html" } })).kind).toBe("markup_changed");
    await server?.close();
    const shape = await failWith({ body: { response: { count: 1, items: "none" } } });
    expect(shape.kind).toBe("markup_changed");
    expect(shape.message).toContain("items");
  });

  it("a token VK echoes back in its message is redacted", async () => {
    const e = await failWith(vkError(5, `User authorization failed: invalid access_token ${TOKEN}.`));
    expect(e.message).toContain("[redacted]");
  });

  it("a network failure does not leak the URL", async () => {
    server = await startReplayServer(() => ({}));
    const baseUrl = server.baseUrl;
    await server.close();
    server = undefined;
    const error = await drainConnector(vk, searchConfig(baseUrl)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain(TOKEN);
    expect((error as Error).message).not.toContain("/method/");
  });
});

describe("vk config", () => {
  const issuePaths = (input: unknown) => {
    const result = vkConfigSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
  };

  it("fills the defaults", () => {
    expect(vkConfigSchema.parse({ mode: "search", accessToken: "t", query: "Нортвинд" })).toEqual({
      mode: "search",
      accessToken: "t",
      query: "Нортвинд",
      apiVersion: "5.131",
      baseUrl: "https://api.vk.com",
    });
  });

  it("names the missing or wrong field", () => {
    expect(issuePaths({ mode: "search", accessToken: "t" })).toEqual(["query"]);
    expect(issuePaths({ mode: "community", accessToken: "t" })).toEqual(["groupId"]);
    expect(issuePaths({ mode: "community", accessToken: "t", groupId: -987654 })).toEqual(["groupId"]);
    expect(issuePaths({ mode: "community", accessToken: "t", groupId: 1.5 })).toEqual(["groupId"]);
    expect(issuePaths({ mode: "search", accessToken: " ", query: "x" })).toEqual(["accessToken"]);
    expect(issuePaths({ mode: "search", accessToken: "t", query: "x", baseUrl: "ftp://api.vk.com" })).toEqual(["baseUrl"]);
    expect(issuePaths({ mode: "search", accessToken: "t", query: "x", apiVersion: "latest" })).toEqual(["apiVersion"]);
    expect(issuePaths({ mode: "search", accessToken: "t", query: "x", postsPerRun: 0 })).toEqual(["postsPerRun"]);
    expect(issuePaths({ mode: "feed", accessToken: "t" })).toEqual(["mode"]);
  });

  it("rejects unknown keys, naming them", () => {
    const result = vkConfigSchema.safeParse({ mode: "search", accessToken: "t", query: "x", token: "t" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["token"] });
  });
});

describe("vk connector definition", () => {
  it("declares what the pipeline relies on", () => {
    expect(vkConnector).toBe(vk);
    expect(vk).toMatchObject({
      id: "vk",
      sourceKind: "vk",
      secretFields: ["accessToken"],
      capabilities: { keywordSearch: true, placeReviews: false, ownPageComments: true, reply: true },
      rateLimit: { limit: 3, intervalMs: 1000 },
      defaultIntervalMinutes: 15,
    });
    expect(vk.isOwnPlace(communityConfig("https://api.vk.com"))).toBe(true);
    expect(vk.isOwnPlace(searchConfig("https://api.vk.com"))).toBe(false);
  });
});
