import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReplyError } from "../connector.ts";
import { type TReplayRequest, type TReplayResponse, type TReplayServer, startReplayServer, testConnectorContext } from "../test-kit.ts";
import created from "./__fixtures__/api_comment.json" with { type: "json" };
import { forgetRedditUserTokens, publishRedditReply } from "./reddit.publish-reply.ts";
import { CLIENT_ID, CLIENT_SECRET, oauthConfig, redditRoutes } from "./reddit.test-support.ts";

const REFRESH = "94873-northwindRefreshTokenSubmitScope";
const USER_TOKEN = "eyJ.user-token-with-submit";
const target = { ref: { thing_id: "t3_1qx7ab" }, url: "https://www.reddit.com/r/personalfinance/comments/1qx7ab/", idempotencyKey: "case-1:v1" };
const text = "Hi, this is the Northwind Bank team. Please DM us your case number and we'll look into it today.";

let server: TReplayServer | undefined;
beforeEach(() => forgetRedditUserTokens());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const userToken: TReplayResponse = { body: { access_token: USER_TOKEN, token_type: "bearer", expires_in: 3600, scope: "submit" } };
const config = (base: string) => oauthConfig(base, { replyRefreshToken: REFRESH });

async function start(comment: (req: TReplayRequest, n: number) => TReplayResponse, token: () => TReplayResponse = () => userToken) {
  let n = 0;
  server = await startReplayServer(redditRoutes({ "POST /api/v1/access_token": token, "POST /api/comment": (req) => comment(req, ++n) }));
  return server;
}

async function replyError(promise: Promise<unknown>): Promise<ReplyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplyError);
  expect((error as ReplyError).message).not.toContain(REFRESH);
  expect((error as ReplyError).message).not.toContain(USER_TOKEN);
  return error as ReplyError;
}

describe("publishing an answer to Reddit", () => {
  it("refreshes a user token and posts /api/comment with it", async () => {
    const s = await start(() => ({ body: created }));
    const result = await publishRedditReply(testConnectorContext(), config(s.baseUrl), target, text);
    expect(result).toEqual({ externalId: "t1_kq3g0b7", url: "https://www.reddit.com/r/personalfinance/comments/1qx7ab/comment/kq3g0b7/" });
    const [token, comment] = s.requests;
    expect(new URLSearchParams(token?.body).get("grant_type")).toBe("refresh_token");
    expect(new URLSearchParams(token?.body).get("refresh_token")).toBe(REFRESH);
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`);
    expect(comment?.headers.authorization).toBe(`bearer ${USER_TOKEN}`);
    expect(Object.fromEntries(new URLSearchParams(comment?.body))).toEqual({ api_type: "json", thing_id: "t3_1qx7ab", text });
  });

  it("an expired access token is refreshed once; a revoked refresh token is auth", async () => {
    const s = await start((_req, n) => (n === 1 ? { status: 401, body: { message: "Unauthorized", error: 401 } } : { body: created }));
    expect((await publishRedditReply(testConnectorContext(), config(s.baseUrl), target, text)).externalId).toBe("t1_kq3g0b7");
    expect(s.requests.filter((r) => r.path === "/api/v1/access_token")).toHaveLength(2);
    await s.close();
    forgetRedditUserTokens();
    const revoked = await start(() => ({ body: created }), () => ({ status: 400, body: { error: "invalid_grant" } }));
    expect((await replyError(publishRedditReply(testConnectorContext(), config(revoked.baseUrl), target, text))).kind).toBe("auth");
    await revoked.close();
    forgetRedditUserTokens();
    const always401 = await start(() => ({ status: 401, body: { message: "Unauthorized", error: 401 } }));
    expect((await replyError(publishRedditReply(testConnectorContext(), config(always401.baseUrl), target, text))).kind).toBe("auth");
  });

  it("TOO_LONG is text_rejected with Reddit's words", async () => {
    const s = await start(() => ({ body: { json: { errors: [["TOO_LONG", "this is too long (max: 10000)", "text"]] } } }));
    const e = await replyError(publishRedditReply(testConnectorContext(), config(s.baseUrl), target, "x".repeat(10_001)));
    expect(e.kind).toBe("text_rejected");
    expect(e.message).toContain("too long");
  });

  it("RATELIMIT and HTTP 429 are rate_limited with the wait", async () => {
    const s = await start(() => ({
      body: { json: { ratelimit: 541.3, errors: [["RATELIMIT", "Looks like you've been doing that a lot. Take a break for 9 minutes before trying again.", "ratelimit"]] } },
    }));
    expect(await replyError(publishRedditReply(testConnectorContext(), config(s.baseUrl), target, text))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 542 });
    await s.close();
    forgetRedditUserTokens();
    const busy = await start(() => ({ status: 429, headers: { "retry-after": "12" }, body: { message: "Too Many Requests", error: 429 } }));
    expect(await replyError(publishRedditReply(testConnectorContext(), config(busy.baseUrl), target, text))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 12 });
  });

  it("a locked thread is target_gone; without a refresh token it is not configured", async () => {
    const s = await start(() => ({ body: { json: { errors: [["THREAD_LOCKED", "Comments are locked.", "parent"]] } } }));
    expect((await replyError(publishRedditReply(testConnectorContext(), config(s.baseUrl), target, text))).kind).toBe("target_gone");
    expect((await replyError(publishRedditReply(testConnectorContext(), oauthConfig(s.baseUrl), target, text))).kind).toBe("not_configured");
  });
});
