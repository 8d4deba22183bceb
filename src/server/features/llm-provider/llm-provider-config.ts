import { z } from "zod";

/**
 * A brand's optional LLM provider: any endpoint that speaks OpenAI's chat-completions API
 * (OpenAI, Azure-style proxies, OpenRouter, vLLM, Ollama, LM Studio, …). Off by default: a
 * brand without this config, or with `enabled: false`, is classified by the built-in model only.
 */
const baseUrl = z
  .url({ protocol: /^https?$/, error: "an http(s) URL such as https://api.openai.com/v1" })
  .refine((value) => {
    const url = parsed(value);
    return !url || (url.username === "" && url.password === "");
  }, "no credentials in the URL: the API key has its own field")
  .refine((value) => {
    const url = parsed(value);
    return !url || (url.search === "" && url.hash === "");
  }, "the base URL without ?query or #fragment")
  // "{baseUrl}/chat/completions" is built by appending, so a trailing slash would double.
  .transform((value) => value.replace(/\/+$/, ""));

export const llmProviderConfigSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Up to the API version, without /chat/completions: https://api.openai.com/v1. */
  baseUrl,
  /** As the provider names it: gpt-4o-mini, qwen2.5:7b-instruct, … */
  model: z.string().trim().min(1, "a model name is required").max(200),
  /** Sent as `Authorization: Bearer …`; a secret (see `LLM_SECRET_FIELDS`). */
  apiKey: z.string().trim().min(1, "an API key is required").max(1000),
  /** For one request, connection to last byte. */
  timeoutMs: z.number().int().min(100).max(300_000).default(30_000),
  /** Requests in flight at once to this endpoint with this key, across classification and drafts. */
  maxConcurrency: z.number().int().min(1).max(16).default(2),
  /** Mentions per classification prompt. */
  batchSize: z.number().int().min(1).max(50).default(20),
  /**
   * Ask for `response_format: {type: "json_object"}`. Servers that reject it are asked again
   * without it (and not asked with it again), so this is only to skip that first refusal.
   */
  jsonMode: z.boolean().default(true),
});

export type TLlmProviderConfig = z.infer<typeof llmProviderConfigSchema>;
export type TLlmProviderConfigInput = z.input<typeof llmProviderConfigSchema>;

/** For `maskSecrets` / `mergeSecrets` in features/sources/source-secrets.ts: never shown, kept when masked. */
export const LLM_SECRET_FIELDS = ["apiKey"] as const;

/** Refinements run after a failed URL check too: they must not throw on what it rejected. */
function parsed(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export const isLlmEnabled = (config: TLlmProviderConfig | null | undefined): config is TLlmProviderConfig => config?.enabled === true;
