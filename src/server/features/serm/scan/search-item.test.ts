import { describe, expect, it } from "vitest";
import { z } from "zod";
import { testProviderContext } from "../providers/serp-test-kit.ts";
import { SerpProviderError, type TSerpProvider, type TSerpResponse } from "../providers/provider.ts";
import { MAX_ATTEMPTS, type TItemRequest, searchItem, serpRequestOf } from "./search-item.ts";

const item: TItemRequest = { engine: "google", query: "northwind bank", region: { yandex: "213", country: "ru", lang: "ru", location: "Moscow,Russia" }, device: "desktop", depth: 20 };
const page = (n: number): TSerpResponse => ({
  results: Array.from({ length: n }, (_, i) => ({ position: i + 1, url: `https://site${i}.example/`, title: `t${i}`, snippet: "" })),
  coverage: { status: "complete" },
  requests: 2,
  raw: ["{}"],
});

function scripted(answers: (TSerpResponse | SerpProviderError)[]): TSerpProvider & { calls: number } {
  const provider = {
    id: "scripted",
    title: { en: "Scripted", ru: "Scripted" },
    engines: ["google", "yandex"] as const,
    devices: ["desktop"] as const,
    configSchema: z.object({}),
    secretFields: [],
    rateLimit: { limit: 1000, intervalMs: 1000 },
    requestsFor: () => 2,
    calls: 0,
    async search() {
      const answer = answers[Math.min(provider.calls++, answers.length - 1)];
      if (answer instanceof SerpProviderError) throw answer;
      return answer as TSerpResponse;
    },
  };
  return provider;
}

function deps() {
  const ctx = testProviderContext();
  const waits: number[] = [];
  return { waits, deps: { ctx, jitter: () => 0.5, sleep: async (ms: number) => void waits.push(ms) } };
}

describe("searchItem", () => {
  it("maps the query's region per engine", () => {
    expect(serpRequestOf(item)).toMatchObject({ region: { code: "ru", location: "Moscow,Russia" }, lang: "ru", depth: 20 });
    expect(serpRequestOf({ ...item, engine: "yandex" }).region).toEqual({ code: "213" });
  });

  it("retries an upstream failure with backoff and stores what the retry found", async () => {
    const provider = scripted([new SerpProviderError("upstream", "503"), page(20)]);
    const { deps: d, waits } = deps();
    const outcome = await searchItem(d, provider, {}, item);
    expect(outcome).toMatchObject({ status: "complete", coverage: "complete", attempts: 2, error: null });
    expect(outcome.results).toHaveLength(20);
    expect(waits).toEqual([5_000]);
  });

  it("honours the provider's Retry-After, and gives up after MAX_ATTEMPTS as a failed item", async () => {
    const provider = scripted([new SerpProviderError("rate_limited", "slow down", { retryAfterSeconds: 30 })]);
    const { deps: d, waits } = deps();
    const outcome = await searchItem(d, provider, {}, item);
    expect(outcome).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, errorKind: "rate_limited", error: "slow down", results: [] });
    expect(waits).toEqual([30_000, 30_000]);
  });

  it("does not retry a refused key", async () => {
    const provider = scripted([new SerpProviderError("auth", "key refused")]);
    const outcome = await searchItem(deps().deps, provider, {}, item);
    expect(outcome).toMatchObject({ status: "failed", attempts: 1, errorKind: "auth" });
    expect(provider.calls).toBe(1);
  });

  it("a page that keeps failing leaves a partial item with the positions it has", async () => {
    const partial: TSerpResponse = { ...page(10), coverage: { status: "page_failed", page: 1, error: { kind: "upstream", message: "timeout" } } };
    const outcome = await searchItem(deps().deps, scripted([partial]), {}, item);
    expect(outcome).toMatchObject({ status: "partial", coverage: "page_failed", attempts: MAX_ATTEMPTS, error: "page 2: timeout" });
    expect(outcome.results.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
