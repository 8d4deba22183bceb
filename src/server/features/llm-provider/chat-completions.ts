import { z } from "zod";
import type { TConfig } from "../../config.ts";
import { parseRetryAfter } from "../../lib/backoff.ts";
import { FetchRefusedError, type TGuardedFetchOptions, type TGuardedResponse, guardedFetch } from "../../lib/guarded-fetch.ts";
import { LlmProviderError, type TLlmErrorKind, safeMessage } from "./llm-provider-error.ts";
import type { TLlmProviderConfig } from "./llm-provider-config.ts";

/**
 * One call to an OpenAI-compatible `POST {baseUrl}/chat/completions`, through the guarded fetch
 * like every outbound request. Non-streaming; the answer's first choice is returned. Errors come
 * back as `LlmProviderError` in the shapes servers really send:
 * OpenAI and Ollama `{"error": {"message", "type", "param", "code"}}`, vLLM
 * `{"object": "error", "message", "type", "code": 400}`, or a bare text/HTML page from a proxy.
 */
export type TChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type TChatRequest = {
  messages: readonly TChatMessage[];
  temperature: number;
  maxTokens: number;
  /** Ask for `response_format: {type: "json_object"}`; the prompt must mention JSON (OpenAI checks). */
  jsonObject: boolean;
};

export type TChatUsage = { promptTokens: number; completionTokens: number; totalTokens: number };

export type TChatCompletion = {
  content: string;
  /** "stop", "length" (cut by max_tokens), "content_filter", … as the server says; null if absent. */
  finishReason: string | null;
  /** The model that answered, as the server names it (may carry a date suffix). */
  model: string;
  usage: TChatUsage | null;
};

export type TLlmFetch = (url: string, options: TGuardedFetchOptions) => Promise<TGuardedResponse>;

/** The deployment's guarded fetch: its contact URL, and loopback only if the deployment allows it. */
export function llmFetch(config: Pick<TConfig, "fetchContactUrl" | "fetchAllowLoopback">): TLlmFetch {
  return (url, options) => guardedFetch(url, { ...options, contactUrl: config.fetchContactUrl, allowLoopback: config.fetchAllowLoopback });
}

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

const usageSchema = z.object({
  prompt_tokens: z.number().nonnegative().optional(),
  completion_tokens: z.number().nonnegative().optional(),
  total_tokens: z.number().nonnegative().optional(),
});

const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          /** OpenAI's structured refusal, instead of content. */
          refusal: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: usageSchema.nullish(),
});

const errorBodySchema = z.union([
  z.object({
    error: z.object({
      message: z.string().optional(),
      type: z.string().nullish(),
      param: z.string().nullish(),
      code: z.union([z.string(), z.number()]).nullish(),
    }),
  }),
  // vLLM, and servers that copy it.
  z.object({
    message: z.string(),
    type: z.string().nullish(),
    param: z.string().nullish(),
    code: z.union([z.string(), z.number()]).nullish(),
  }),
  // llama.cpp and some gateways: {"error": "text"}.
  z.object({ error: z.string() }),
]);

type TProviderError = { message: string; type: string | null; param: string | null; code: string | number | null };

export async function createChatCompletion(
  config: Pick<TLlmProviderConfig, "baseUrl" | "model" | "apiKey" | "timeoutMs">,
  request: TChatRequest,
  fetch: TLlmFetch,
  signal?: AbortSignal,
): Promise<TChatCompletion> {
  const url = `${config.baseUrl}/chat/completions`;
  const host = new URL(config.baseUrl).host;
  const body = {
    model: config.model,
    messages: request.messages,
    temperature: request.temperature,
    max_tokens: request.maxTokens,
    stream: false,
    ...(request.jsonObject ? { response_format: { type: "json_object" } } : {}),
  };
  let response: TGuardedResponse;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${config.apiKey}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      timeoutMs: config.timeoutMs,
      maxBytes: MAX_RESPONSE_BYTES,
      // A POST that is redirected turns into a GET: better an error than a silent wrong request.
      maxRedirects: 0,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw fetchFailure(error, config.apiKey);
  }
  if (response.status < 200 || response.status >= 300) throw httpFailure(response, host, config.apiKey);
  return parseCompletion(response, host, config);
}

const FETCH_KINDS = {
  timeout: "timeout",
  network: "network",
  blocked_address: "blocked",
  bad_scheme: "blocked",
  // The endpoint redirects: a redirected POST would arrive as a GET, so the base URL is wrong.
  too_many_redirects: "bad_request",
  too_large: "malformed",
} as const satisfies Record<FetchRefusedError["code"], TLlmErrorKind>;

function fetchFailure(error: unknown, secret: string): unknown {
  if (!(error instanceof FetchRefusedError)) return error; // the caller's own abort, or a bug
  return new LlmProviderError(FETCH_KINDS[error.code], safeMessage(error.message, secret), {}, { cause: error });
}

function httpFailure(response: TGuardedResponse, host: string, secret: string): LlmProviderError {
  const status = response.status;
  const detail = providerError(response);
  const retryAfterSeconds = retryAfter(response);
  const code = detail?.code ?? null;
  const said = detail?.message ? `: ${detail.message}` : "";
  const message = safeMessage(`LLM provider ${host} answered HTTP ${status}${code !== null ? ` (${code})` : ""}${said}`, secret);
  const details = { status, code, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
  const text = `${detail?.message ?? ""} ${detail?.type ?? ""}`;
  if (status === 401 || status === 403) return new LlmProviderError("auth", message, details);
  if (status === 429) {
    // OpenAI answers 429 both for "slow down" and for "no money left"; only the first passes.
    const quota = code === "insufficient_quota" || detail?.type === "insufficient_quota" || /quota|billing/i.test(text);
    return new LlmProviderError(quota ? "quota" : "rate_limited", message, details);
  }
  if (status === 400 || status === 413 || status === 422) {
    if (code === "context_length_exceeded" || /context length|context window|too many tokens|maximum context|n_ctx/i.test(text) || status === 413) {
      return new LlmProviderError("context_length", message, details);
    }
    if (detail?.param === "response_format" || /response_format|json_object|json mode/i.test(text)) {
      return new LlmProviderError("json_mode_unsupported", message, details);
    }
  }
  if (status >= 500) return new LlmProviderError("upstream", message, details);
  return new LlmProviderError("bad_request", message, details);
}

function providerError(response: TGuardedResponse): TProviderError | null {
  let json: unknown;
  try {
    json = response.json();
  } catch {
    const text = response.text().replace(/<[^>]*>/g, " ").trim();
    return text ? { message: text, type: null, param: null, code: null } : null;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return null;
  const data = parsed.data;
  if ("error" in data) {
    if (typeof data.error === "string") return { message: data.error, type: null, param: null, code: null };
    return { message: data.error.message ?? "", type: data.error.type ?? null, param: data.error.param ?? null, code: data.error.code ?? null };
  }
  return { message: data.message, type: data.type ?? null, param: data.param ?? null, code: data.code ?? null };
}

/** Retry-After (seconds or a date), else OpenAI's `retry-after-ms`. */
function retryAfter(response: TGuardedResponse): number | undefined {
  const seconds = parseRetryAfter(response.headers.get("retry-after"), new Date());
  if (seconds !== undefined) return seconds;
  const ms = Number(response.headers.get("retry-after-ms"));
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : undefined;
}

function parseCompletion(response: TGuardedResponse, host: string, config: Pick<TLlmProviderConfig, "model" | "apiKey">): TChatCompletion {
  let json: unknown;
  try {
    json = response.json();
  } catch (error) {
    throw new LlmProviderError("malformed", `LLM provider ${host} answered HTTP ${response.status} with a body that is not JSON`, { status: response.status }, { cause: error });
  }
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") || "the body";
    throw new LlmProviderError("malformed", `LLM provider ${host} answered without a chat completion (${where})`, { status: response.status });
  }
  const choice = parsed.data.choices[0];
  const content = choice?.message.content ?? "";
  if (content.trim() === "") {
    const why = choice?.message.refusal ? `the model refused: ${choice.message.refusal}` : `no content (finish_reason ${choice?.finish_reason ?? "none"})`;
    throw new LlmProviderError("empty", safeMessage(`LLM provider ${host}: ${why}`, config.apiKey), { status: response.status });
  }
  const u = parsed.data.usage;
  const usage: TChatUsage | null = u
    ? {
        promptTokens: u.prompt_tokens ?? 0,
        completionTokens: u.completion_tokens ?? 0,
        totalTokens: u.total_tokens ?? (u.prompt_tokens ?? 0) + (u.completion_tokens ?? 0),
      }
    : null;
  return { content, finishReason: choice?.finish_reason ?? null, model: parsed.data.model ?? config.model, usage };
}
