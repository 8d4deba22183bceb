import { describe, expect, it } from "vitest";
import { maskSecrets } from "../sources/source-secrets.ts";
import { LLM_SECRET_FIELDS, isLlmEnabled, llmProviderConfigSchema } from "./llm-provider-config.ts";

const minimal = { baseUrl: "https://api.openai.com/v1/", model: "gpt-4o-mini", apiKey: "sk-abc123" };

describe("llm provider config", () => {
  it("is off unless enabled, with defaults for the rest", () => {
    const config = llmProviderConfigSchema.parse(minimal);
    expect(config).toEqual({ ...minimal, baseUrl: "https://api.openai.com/v1", enabled: false, timeoutMs: 30_000, maxConcurrency: 2, batchSize: 20, jsonMode: true });
    expect(isLlmEnabled(config)).toBe(false);
    expect(isLlmEnabled(null)).toBe(false);
    expect(isLlmEnabled({ ...config, enabled: true })).toBe(true);
  });

  it("takes only http(s) base URLs without credentials, query or fragment", () => {
    for (const baseUrl of ["ftp://example.com/v1", "file:///etc/passwd", "https://user:pw@example.com/v1", "https://example.com/v1?key=x", "not a url"]) {
      expect(llmProviderConfigSchema.safeParse({ ...minimal, baseUrl }).success, baseUrl).toBe(false);
    }
    expect(llmProviderConfigSchema.parse({ ...minimal, baseUrl: "http://ollama.internal:11434/v1" }).baseUrl).toBe("http://ollama.internal:11434/v1");
  });

  it("requires a model and a key, names unknown fields, and bounds the numbers", () => {
    expect(llmProviderConfigSchema.safeParse({ ...minimal, apiKey: " " }).success).toBe(false);
    expect(llmProviderConfigSchema.safeParse({ ...minimal, model: "" }).success).toBe(false);
    expect(llmProviderConfigSchema.safeParse({ ...minimal, temperature: 1 }).success).toBe(false);
    expect(llmProviderConfigSchema.safeParse({ ...minimal, maxConcurrency: 0 }).success).toBe(false);
    expect(llmProviderConfigSchema.safeParse({ ...minimal, timeoutMs: 1_000_000 }).success).toBe(false);
  });

  it("the key is a secret the sources' masking understands", () => {
    expect(maskSecrets(llmProviderConfigSchema.parse(minimal), LLM_SECRET_FIELDS)).toMatchObject({ apiKey: "••••••••", model: "gpt-4o-mini" });
  });
});
