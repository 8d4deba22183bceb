import { afterEach, describe, expect, it } from "vitest";
import { ReplyError } from "../connector.ts";
import { type TReplayServer, startReplayServer, testConnectorContext } from "../test-kit.ts";
import created from "./__fixtures__/wall.createComment.json" with { type: "json" };
import { publishVkReply } from "./vk.publish-reply.ts";
import { GROUP_ID, TOKEN, communityConfig, searchConfig, vkError, vkRoutes } from "./vk.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const target = { ref: { owner_id: `-${GROUP_ID}`, post_id: "2051", comment_id: "2060" }, url: "https://vk.com/wall-987654_2051?reply=2060", idempotencyKey: "case-1:v2" };
const text = "Анна, проблему со входом исправили в версии 5.2.1 — обновите, пожалуйста, приложение.";

async function replyError(promise: Promise<unknown>): Promise<ReplyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReplyError);
  expect((error as ReplyError).message).not.toContain(TOKEN);
  return error as ReplyError;
}

describe("publishing an answer to VK", () => {
  it("posts wall.createComment as the community, with the idempotency key as guid, and returns the new comment", async () => {
    server = await startReplayServer(vkRoutes({ "wall.createComment": () => ({ body: created }) }));
    const result = await publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text);
    expect(result).toEqual({ externalId: `-${GROUP_ID}_2051_c2080`, url: `https://vk.com/wall-${GROUP_ID}_2051?reply=2080&thread=2060` });
    const sent = new URLSearchParams(server.requests[0]?.body);
    expect(Object.fromEntries(sent)).toMatchObject({
      owner_id: `-${GROUP_ID}`,
      post_id: "2051",
      reply_to_comment: "2060",
      from_group: String(GROUP_ID),
      message: text,
      guid: "case-1:v2",
      access_token: TOKEN,
    });
    expect(server.requests[0]?.query.toString()).toBe("");
  });

  it("an expired token is auth", async () => {
    server = await startReplayServer(vkRoutes({ "wall.createComment": () => vkError(5, "User authorization failed: access_token has expired.") }));
    expect((await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text))).kind).toBe("auth");
  });

  it("a text VK refuses (too long: code 100; links: 222) is text_rejected with VK's words", async () => {
    server = await startReplayServer(vkRoutes({ "wall.createComment": () => vkError(100, "One of the parameters specified was missing or invalid: message is too long") }));
    const e = await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, "x".repeat(20_000)));
    expect(e.kind).toBe("text_rejected");
    expect(e.message).toContain("message is too long");
    await server.close();
    server = await startReplayServer(vkRoutes({ "wall.createComment": () => vkError(222, "Hyperlinks are forbidden") }));
    expect((await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text))).kind).toBe("text_rejected");
  });

  it("flood control and HTTP 429 are rate_limited with a wait", async () => {
    server = await startReplayServer(vkRoutes({ "wall.createComment": () => vkError(9, "Flood control: too much captcha requests") }));
    expect(await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 60 });
    await server.close();
    server = await startReplayServer(() => ({ status: 429, headers: { "retry-after": "30" }, body: "slow down" }));
    expect(await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30 });
  });

  it("closed comments are target_gone; a 5xx or garbage is unknown_outcome; search mode cannot answer", async () => {
    server = await startReplayServer(vkRoutes({ "wall.createComment": () => vkError(212, "Access to post comments denied") }));
    expect((await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text))).kind).toBe("target_gone");
    await server.close();
    server = await startReplayServer(() => ({ status: 502, body: "<html>bad gateway</html>" }));
    expect((await replyError(publishVkReply(testConnectorContext(), communityConfig(server.baseUrl), target, text))).kind).toBe("unknown_outcome");
    expect((await replyError(publishVkReply(testConnectorContext(), searchConfig(server.baseUrl), target, text))).kind).toBe("not_configured");
  });
});
