import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { type TReplayServer, startReplayServer, testConnectorContext } from "../test-kit.ts";
import created from "./__fixtures__/api_comment.json" with { type: "json" };
import { buildRedditReplyRequest, parseRedditReplyResponse, waitFromMessage } from "./reddit.reply.ts";

const USER_TOKEN = "1234567-northwindUserTokenWithSubmitScope";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const replyText = "Hi, this is the Northwind Bank team. Please DM us your case number and we'll look into it today.";

function thrown(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).not.toContain(USER_TOKEN);
    return error as ConnectorError;
  }
  throw new Error("expected a ConnectorError");
}

const errorsAnswer = (errors: string[][], extra: Record<string, unknown> = {}) => ({ json: { errors, ...extra } });

describe("reddit reply request", () => {
  it("is a form POST to /api/comment with a bearer token", () => {
    const req = buildRedditReplyRequest({ thingId: "t3_1qx7ab", text: replyText, accessToken: USER_TOKEN, userAgentContact: "northwind_team" });
    expect(req.url).toBe("https://oauth.reddit.com/api/comment");
    expect(req.method).toBe("POST");
    expect(req.headers).toMatchObject({ authorization: `bearer ${USER_TOKEN}`, "user-agent": "server:repute:1.0.0 (by /u/northwind_team)" });
    expect(req.body.toString()).toBe(
      new URLSearchParams([
        ["api_type", "json"],
        ["thing_id", "t3_1qx7ab"],
        ["text", replyText],
      ]).toString(),
    );
    expect(req.url).not.toContain(USER_TOKEN);
  });

  it("goes through the guarded fetch and reads the new comment", async () => {
    server = await startReplayServer(() => ({ body: created }));
    const req = buildRedditReplyRequest({ thingId: "t3_1qx7ab", text: replyText, accessToken: USER_TOKEN, baseUrl: server.baseUrl });
    const res = await testConnectorContext().fetch(req.url, { method: req.method, headers: req.headers, body: req.body });
    expect(parseRedditReplyResponse(res.json(), res.status)).toEqual({
      id: "kq3g0b7",
      name: "t1_kq3g0b7",
      permalink: "https://www.reddit.com/r/personalfinance/comments/1qx7ab/comment/kq3g0b7/",
    });
    const got = server.requests[0];
    expect(got?.path).toBe("/api/comment");
    expect(got?.headers.authorization).toBe(`bearer ${USER_TOKEN}`);
    expect(Object.fromEntries(new URLSearchParams(got?.body))).toEqual({ api_type: "json", thing_id: "t3_1qx7ab", text: replyText });
  });
});

describe("reddit reply response", () => {
  it("an expired token (401) is auth", () => {
    expect(thrown(() => parseRedditReplyResponse({ message: "Unauthorized", error: 401 }, 401)).kind).toBe("auth");
    expect(thrown(() => parseRedditReplyResponse({ message: "Unauthorized", error: 401 })).kind).toBe("auth");
    expect(thrown(() => parseRedditReplyResponse({ message: "Forbidden", error: 403 }, 403)).kind).toBe("auth");
  });

  it("text too long is upstream with Reddit's words and the field", () => {
    const e = thrown(() => parseRedditReplyResponse(errorsAnswer([["TOO_LONG", "this is too long (max: 10000)", "text"]])));
    expect(e.kind).toBe("upstream");
    expect(e.message).toBe("Reddit comment: this is too long (max: 10000) (TOO_LONG, text)");
  });

  it("RATELIMIT is rate_limited with the wait from the message in seconds", () => {
    const e = thrown(() => parseRedditReplyResponse(errorsAnswer([["RATELIMIT", "you are doing that too much. try again in 5 minutes.", "ratelimit"]])));
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 300 });
  });

  it("RATELIMIT prefers Reddit's own ratelimit seconds when given", () => {
    const answer = errorsAnswer([["RATELIMIT", "you are doing that too much. try again in 5 minutes.", "ratelimit"]], { ratelimit: 287.4 });
    expect(thrown(() => parseRedditReplyResponse(answer))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 288 });
  });

  it("a locked thread is upstream; 429 is rate_limited; 500 is upstream; an odd answer is markup_changed", () => {
    expect(thrown(() => parseRedditReplyResponse(errorsAnswer([["THREAD_LOCKED", "that comment thread is locked", "parent"]]))).kind).toBe("upstream");
    expect(thrown(() => parseRedditReplyResponse({}, 429)).kind).toBe("rate_limited");
    expect(thrown(() => parseRedditReplyResponse("<html>", 500)).kind).toBe("upstream");
    expect(thrown(() => parseRedditReplyResponse({ json: { errors: [], data: { things: [] } } })).kind).toBe("markup_changed");
    expect(thrown(() => parseRedditReplyResponse({ success: true })).kind).toBe("markup_changed");
  });

  it("reads waits in any unit", () => {
    expect(waitFromMessage("try again in 1 minute.")).toBe(60);
    expect(waitFromMessage("try again in 30 seconds.")).toBe(30);
    expect(waitFromMessage("try again in 9 milliseconds.")).toBe(1);
    expect(waitFromMessage("try again later")).toBeUndefined();
  });
});
