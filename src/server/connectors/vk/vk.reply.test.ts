import { afterEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../connector.ts";
import { type TReplayServer, startReplayServer, testConnectorContext } from "../test-kit.ts";
import created from "./__fixtures__/wall.createComment.json" with { type: "json" };
import { buildVkReplyRequest, parseVkReplyResponse } from "./vk.reply.ts";
import { TOKEN, vkError } from "./vk.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const reply = {
  ownerId: -987654,
  postId: 2051,
  commentId: 2060,
  message: "Анна, проблему со входом исправили в версии 5.2.1 — обновите, пожалуйста, приложение.",
  fromGroup: 987654,
  guid: "reply-4f1c2a",
  accessToken: TOKEN,
  apiVersion: "5.131",
  baseUrl: "https://api.vk.com",
};

function thrown(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).not.toContain(TOKEN);
    return error as ConnectorError;
  }
  throw new Error("expected a ConnectorError");
}

describe("vk reply request", () => {
  it("is a POST to wall.createComment with the token in the body, not the URL", () => {
    const req = buildVkReplyRequest(reply);
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://api.vk.com/method/wall.createComment");
    expect(Object.fromEntries(req.body)).toEqual({
      owner_id: "-987654",
      post_id: "2051",
      reply_to_comment: "2060",
      from_group: "987654",
      message: reply.message,
      guid: "reply-4f1c2a",
      v: "5.131",
      access_token: TOKEN,
    });
  });

  it("without a comment or a group: a comment under the post as the token's user, defaults filled", () => {
    const { commentId: _c, fromGroup: _g, apiVersion: _v, baseUrl: _b, ...bare } = reply;
    const req = buildVkReplyRequest(bare);
    expect(req.url).toBe("https://api.vk.com/method/wall.createComment");
    expect(req.body.has("reply_to_comment")).toBe(false);
    expect(req.body.has("from_group")).toBe(false);
    expect(req.body.get("v")).toBe("5.131");
  });

  it("goes through the guarded fetch as a form and reads the new comment id", async () => {
    server = await startReplayServer(() => ({ body: created }));
    const req = buildVkReplyRequest({ ...reply, baseUrl: `${server.baseUrl}/` });
    const res = await testConnectorContext().fetch(req.url, { method: req.method, body: req.body });
    expect(parseVkReplyResponse(res.json())).toEqual({ commentId: 2080 });

    const got = server.requests[0];
    expect(got?.method).toBe("POST");
    expect(got?.path).toBe("/method/wall.createComment");
    expect(got?.query.toString()).toBe("");
    expect(got?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(got?.body).get("message")).toBe(reply.message);
    expect(new URLSearchParams(got?.body).get("access_token")).toBe(TOKEN);
  });
});

describe("vk reply response", () => {
  it("an expired token is auth", () => {
    const e = thrown(() => parseVkReplyResponse(vkError(5, "User authorization failed: access_token has expired.").body, TOKEN));
    expect(e.kind).toBe("auth");
  });

  it("a message VK refuses (too long: code 100) is upstream with VK's words", () => {
    const e = thrown(() => parseVkReplyResponse(vkError(100, "One of the parameters specified was missing or invalid: message is too long").body));
    expect(e.kind).toBe("upstream");
    expect(e.message).toContain("message is too long");
  });

  it("flood control is rate_limited with a wait", () => {
    const e = thrown(() => parseVkReplyResponse(vkError(9, "Flood control: too much captcha requests").body));
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 60 });
  });

  it("comments closed is upstream; an answer in neither shape is markup_changed", () => {
    expect(thrown(() => parseVkReplyResponse(vkError(213, "Access to status replies denied").body)).kind).toBe("upstream");
    expect(thrown(() => parseVkReplyResponse({ response: { id: 1 } })).kind).toBe("markup_changed");
    expect(thrown(() => parseVkReplyResponse("ok")).kind).toBe("markup_changed");
  });

  it("a token in VK's message is redacted", () => {
    const e = thrown(() => parseVkReplyResponse(vkError(5, `invalid access_token ${TOKEN}`).body, TOKEN));
    expect(e.message).toContain("[redacted]");
  });
});
