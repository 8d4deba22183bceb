import { describe, expect, it } from "vitest";
import { advancedNeedsOpening, missingProviderFields, providerBody, providerErrorPath, providerFormValues } from "./provider-form-values.ts";

describe("the provider form", () => {
  it("starts a new provider switched on, with the server's defaults left empty", () => {
    const values = providerFormValues(null);
    expect(values).toMatchObject({ enabled: true, baseUrl: "", apiKey: "", jsonMode: true, timeoutMs: "" });
    expect(missingProviderFields(values)).toEqual(["baseUrl", "model", "apiKey"]);
  });

  it("round-trips a stored provider, the masked key included", () => {
    const stored = { enabled: false, baseUrl: "https://api.openai.com/v1", model: "gpt-4o-mini", apiKey: "••••••••", timeoutMs: 30000, maxConcurrency: 2, batchSize: 20, jsonMode: true };
    expect(providerBody(providerFormValues(stored))).toEqual(stored);
  });

  it("trims texts and leaves empty numbers to the server", () => {
    const body = providerBody({ ...providerFormValues(null), baseUrl: " http://localhost:11434/v1 ", model: " qwen2.5 ", apiKey: " k ", timeoutMs: "", batchSize: "5", maxConcurrency: 4 });
    expect(body).toEqual({ enabled: true, baseUrl: "http://localhost:11434/v1", model: "qwen2.5", apiKey: "k", jsonMode: true, batchSize: 5, maxConcurrency: 4 });
    expect("timeoutMs" in body).toBe(false);
  });

  it("opens the advanced part for its errors and its non-default values", () => {
    const values = providerFormValues(null);
    expect(advancedNeedsOpening(values, [])).toBe(false);
    expect(advancedNeedsOpening(values, [providerErrorPath("batchSize")])).toBe(true);
    expect(advancedNeedsOpening(values, [providerErrorPath("baseUrl")])).toBe(false);
    expect(advancedNeedsOpening({ ...values, timeoutMs: 30000 }, [])).toBe(false);
    expect(advancedNeedsOpening({ ...values, timeoutMs: 5000 }, [])).toBe(true);
    expect(advancedNeedsOpening({ ...values, jsonMode: false }, [])).toBe(true);
  });
});
