import { type TReplayRequest, type TReplayResponse, type TReplayServer, startReplayServer } from "../../connectors/test-kit.ts";
import { guardedFetch } from "../../lib/guarded-fetch.ts";
import type { TLlmFetch } from "./chat-completions.ts";
import { type TLlmProviderConfig, llmProviderConfigSchema } from "./llm-provider-config.ts";

/**
 * A local server that speaks OpenAI's chat-completions API as it is on the wire: requests are
 * checked and recorded, answers carry the real response and error bodies.
 */
export const TEST_KEY = "sk-test-8f3b2c1d9e7a6b5c4d3e2f1a";
export const SERVED_MODEL = "gpt-4o-mini-2024-07-18";

export type TChatBody = {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  stream?: boolean;
  response_format?: { type: string };
};

export type TChatCall = { request: TReplayRequest; body: TChatBody };
export type TChatHandler = (call: TChatCall, n: number) => TReplayResponse | Promise<TReplayResponse>;

export type TChatServer = TReplayServer & { calls: TChatCall[]; config(overrides?: Partial<TLlmProviderConfig>): TLlmProviderConfig };

/** Serves POST /v1/chat/completions; anything else is the 404 OpenAI sends for an unknown path. */
export async function startChatServer(handler: TChatHandler): Promise<TChatServer> {
  const calls: TChatCall[] = [];
  const server = await startReplayServer(async (request) => {
    if (request.method !== "POST" || request.path !== "/v1/chat/completions") {
      return openAiError(404, `Invalid URL (${request.method} ${request.path})`, "invalid_request_error", null);
    }
    const body = JSON.parse(request.body) as TChatBody;
    const call = { request, body };
    calls.push(call);
    return handler(call, calls.length);
  });
  return {
    ...server,
    calls,
    config: (overrides = {}) =>
      llmProviderConfigSchema.parse({ enabled: true, baseUrl: `${server.baseUrl}/v1/`, model: "gpt-4o-mini", apiKey: TEST_KEY, timeoutMs: 5_000, ...overrides }),
  };
}

/** Guarded fetch with loopback open, as tests do. */
export const loopbackFetch: TLlmFetch = (url, options) => guardedFetch(url, { ...options, allowLoopback: true });

/** A chat.completion object as OpenAI returns it. */
export function completion(content: string | null, options: { finishReason?: string; model?: string; refusal?: string } = {}): TReplayResponse {
  return {
    headers: { "x-request-id": "req_test" },
    body: {
      id: "chatcmpl-AbC123",
      object: "chat.completion",
      created: 1_763_900_000,
      model: options.model ?? SERVED_MODEL,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, refusal: options.refusal ?? null, annotations: [] },
          logprobs: null,
          finish_reason: options.finishReason ?? "stop",
        },
      ],
      usage: {
        prompt_tokens: 812,
        completion_tokens: 64,
        total_tokens: 876,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: "default",
      system_fingerprint: "fp_0ba0d124f1",
    },
  };
}

/** OpenAI's error envelope. */
export function openAiError(status: number, message: string, type: string | null, code: string | null, headers: Record<string, string> = {}, param: string | null = null): TReplayResponse {
  return { status, headers, body: { error: { message, type, param, code } } };
}

/** The JSON records between the fence lines of the last user message, and the fence tag. */
export function fencedRecords(body: TChatBody, name: string): { tag: string; records: Record<string, unknown>[]; lines: string[] } {
  const user = body.messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const lines = user.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`<<<${name} `));
  const tag = lines[start]?.slice(`<<<${name} `.length) ?? "";
  const end = lines.findIndex((line) => line === `${name} ${tag}>>>`);
  const inside = start >= 0 && end > start ? lines.slice(start + 1, end) : [];
  return { tag, records: inside.map((line) => JSON.parse(line) as Record<string, unknown>), lines: inside };
}

/** A stand-in model: labels each fenced item by keywords, the way a model would answer. */
export function keywordAnswer(body: TChatBody): string {
  const { records } = fencedRecords(body, "ITEMS");
  const items = records.map((record) => {
    const text = String(record.text);
    const label = /ужас|кошмар|awful|terrible/i.test(text) ? "negative" : /отлично|спасибо|great|love/i.test(text) ? "positive" : "neutral";
    return { i: record.i, label, confidence: 0.9 };
  });
  return JSON.stringify({ items });
}
