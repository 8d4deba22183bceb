import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { TReplayResponse } from "../../connectors/test-kit.ts";
import { guardedFetch } from "../../lib/guarded-fetch.ts";
import { SERVED_MODEL, TEST_KEY, type TChatServer, completion, loopbackFetch, openAiError, startChatServer } from "./chat-completions.test-support.ts";
import { type TChatRequest, createChatCompletion } from "./chat-completions.ts";
import { LlmProviderError } from "./llm-provider-error.ts";

let server: TChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: TChatRequest = {
  messages: [
    { role: "system", content: "Answer in JSON." },
    { role: "user", content: "Привет" },
  ],
  temperature: 0,
  maxTokens: 100,
  jsonObject: true,
};

async function failWith(answer: TReplayResponse | (() => Promise<TReplayResponse>), timeoutMs = 5_000): Promise<LlmProviderError> {
  server = await startChatServer(() => (typeof answer === "function" ? answer() : answer));
  const error = await createChatCompletion(server.config({ timeoutMs }), request, loopbackFetch).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmProviderError);
  const e = error as LlmProviderError;
  expect(e.message).not.toContain(TEST_KEY);
  return e;
}

describe("chat completions client", () => {
  it("posts the chat-completions request and reads content, finish_reason, usage and model", async () => {
    server = await startChatServer(() => completion('{"ok":true}'));
    const answer = await createChatCompletion(server.config(), request, loopbackFetch);
    expect(answer).toEqual({
      content: '{"ok":true}',
      finishReason: "stop",
      model: SERVED_MODEL,
      usage: { promptTokens: 812, completionTokens: 64, totalTokens: 876 },
    });
    const [call] = server.calls;
    expect(call?.request.path).toBe("/v1/chat/completions"); // the trailing slash of the base URL is not doubled
    expect(call?.request.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(call?.request.headers["content-type"]).toBe("application/json");
    expect(call?.body).toEqual({
      model: "gpt-4o-mini",
      messages: request.messages,
      temperature: 0,
      max_tokens: 100,
      stream: false,
      response_format: { type: "json_object" },
    });
  });

  it("leaves response_format out when JSON mode is not asked for", async () => {
    server = await startChatServer(() => completion("text"));
    await createChatCompletion(server.config(), { ...request, jsonObject: false }, loopbackFetch);
    expect(server.calls[0]?.body).not.toHaveProperty("response_format");
  });

  it("401 is auth, and a key the server echoes is redacted", async () => {
    const e = await failWith(openAiError(401, `Incorrect API key provided: ${TEST_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", "invalid_api_key"));
    expect(e.kind).toBe("auth");
    expect(e.details).toMatchObject({ status: 401, code: "invalid_api_key" });
    expect(e.message).toContain("[redacted]");
  });

  it("429 is rate_limited with Retry-After; 429 insufficient_quota is quota", async () => {
    const limited = await failWith(
      openAiError(429, "Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1.", "requests", "rate_limit_exceeded", { "retry-after": "7" }),
    );
    expect(limited).toMatchObject({ kind: "rate_limited", details: { status: 429, retryAfterSeconds: 7 } });
    await server?.close();
    const ms = await failWith(openAiError(429, "Rate limit reached", "tokens", "rate_limit_exceeded", { "retry-after-ms": "1500" }));
    expect(ms.details.retryAfterSeconds).toBe(2);
    await server?.close();
    const quota = await failWith(openAiError(429, "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota"));
    expect(quota.kind).toBe("quota");
  });

  it("400 context_length_exceeded (OpenAI and vLLM shapes) is context_length", async () => {
    const openai = await failWith(
      openAiError(400, "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.", "invalid_request_error", "context_length_exceeded", {}, "messages"),
    );
    expect(openai.kind).toBe("context_length");
    await server?.close();
    const vllm = await failWith({
      status: 400,
      body: { object: "error", message: "This model's maximum context length is 2048 tokens. However, you requested 11352 tokens (11320 in the messages, 32 in the completion).", type: "BadRequestError", param: null, code: 400 },
    });
    expect(vllm).toMatchObject({ kind: "context_length", details: { code: 400 } });
  });

  it("400 about response_format is json_mode_unsupported; other 4xx are bad_request", async () => {
    const json = await failWith(openAiError(400, "'response_format' of type 'json_object' is not supported with this model.", "invalid_request_error", null, {}, "response_format"));
    expect(json.kind).toBe("json_mode_unsupported");
    await server?.close();
    const missing = await failWith(openAiError(404, "The model `gpt-5-nano` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"));
    expect(missing).toMatchObject({ kind: "bad_request", details: { status: 404, code: "model_not_found" } });
  });

  it("5xx is upstream, with the text of a proxy's HTML page", async () => {
    const e = await failWith(openAiError(500, "The server had an error while processing your request. Sorry about that!", "server_error", null));
    expect(e.kind).toBe("upstream");
    expect(e.message).toContain("Sorry about that");
    await server?.close();
    const html = await failWith({ status: 502, headers: { "content-type": "text/html" }, body: "<html><body><h1>502 Bad Gateway</h1></body></html>" });
    expect(html.kind).toBe("upstream");
    expect(html.message).toContain("502 Bad Gateway");
  });

  it("no answer within timeoutMs is timeout", async () => {
    const e = await failWith(async () => {
      await sleep(1_000);
      return completion("late");
    }, 200);
    expect(e.kind).toBe("timeout");
  });

  it("a body that is not a chat completion is malformed; no content is empty", async () => {
    expect((await failWith({ body: "upstream says hi", headers: { "content-type": "text/plain" } })).kind).toBe("malformed");
    await server?.close();
    const shape = await failWith({ body: { id: "x", object: "chat.completion", choices: [] } });
    expect(shape.kind).toBe("malformed");
    expect(shape.message).toContain("choices");
    await server?.close();
    const refused = await failWith(completion(null, { refusal: "I can't help with that." }));
    expect(refused.kind).toBe("empty");
    expect(refused.message).toContain("I can't help with that.");
  });

  it("a redirect is not followed (a POST would become a GET)", async () => {
    const e = await failWith({ status: 301, headers: { location: "https://example.com/v1/chat/completions" } });
    expect(e.kind).toBe("bad_request");
  });

  it("goes through the guarded fetch: loopback is refused unless allowed", async () => {
    server = await startChatServer(() => completion("never"));
    const error = await createChatCompletion(server.config(), request, (url, options) => guardedFetch(url, options)).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "blocked" });
    expect(server.calls).toHaveLength(0);
  });
});
