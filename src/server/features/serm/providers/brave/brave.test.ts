import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type TReplayResponse, type TReplayServer, startReplayServer } from "../../../../connectors/test-kit.ts";
import { providerError, serpRequest, testProviderContext } from "../serp-test-kit.ts";
import { braveConfigSchema } from "./brave.config.ts";
import { braveProvider as brave, braveProviderDefinition } from "./brave.provider.ts";

const TOKEN = "BSAnorthwind0subscription0token9f8e7d";
const json = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const config = (baseUrl: string) => braveConfigSchema.parse({ apiKey: TOKEN, baseUrl });
const request = serpRequest({ engine: "brave", query: "northwind bank reviews", region: { code: "us" }, lang: "en", depth: 20 });

describe("brave: web search", () => {
  it("one call for a top-20 with the token in its header; web results numbered 1..20", async () => {
    server = await startReplayServer(() => ({ body: json("web-search.json") }));
    const response = await brave.search(testProviderContext(), config(server.baseUrl), request);

    const [req] = server.requests;
    expect(req?.path).toBe("/res/v1/web/search");
    expect(req?.headers["x-subscription-token"]).toBe(TOKEN);
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      q: "northwind bank reviews",
      count: "20",
      offset: "0",
      country: "US",
      safesearch: "off",
      result_filter: "web",
      text_decorations: "false",
      spellcheck: "false",
      search_lang: "en",
    });
    expect(response.results).toHaveLength(20);
    expect(response.results[2]).toEqual({
      position: 3,
      url: "https://www.reddit.com/r/personalfinance/comments/1qx7ab/northwind_bank_froze_my_account_after_a/",
      title: "Northwind Bank froze my account after a wire transfer : r/personalfinance",
      snippet: "Sent $4,000 to my landlord and Northwind Bank froze the whole account. Support says 5-7 business days.",
    });
    expect(response).toMatchObject({ coverage: { status: "complete" }, requests: 1 });
    expect(JSON.parse(response.raw[0] ?? "{}")).toEqual(json("web-search.json"));
  });

  it("fewer results and no more available: exhausted; no web section: empty", async () => {
    server = await startReplayServer(() => ({ body: json("web-search.sparse.json") }));
    const sparse = await brave.search(testProviderContext(), config(server.baseUrl), request);
    expect(sparse.results.map((r) => r.url)).toEqual([
      "https://www.northwindbank.com/",
      "https://www.trustpilot.com/review/northwindbank.com",
      "https://en.wikipedia.org/wiki/Northwind_Bank",
    ]);
    expect(sparse.coverage).toEqual({ status: "exhausted" });
    await server.close();
    server = await startReplayServer(() => ({ body: json("web-search.empty.json") }));
    const empty = await brave.search(testProviderContext(), config(server.baseUrl), request);
    expect(empty).toMatchObject({ results: [], coverage: { status: "exhausted" } });
  });

  it("serves its own engine, on desktop only", async () => {
    server = await startReplayServer(() => ({ body: json("web-search.json") }));
    expect(await providerError(brave.search(testProviderContext(), config(server.baseUrl), { ...request, engine: "google" }))).toMatchObject({ field: "engine" });
    expect(await providerError(brave.search(testProviderContext(), config(server.baseUrl), { ...request, device: "mobile" }))).toMatchObject({ field: "device" });
    expect(await providerError(brave.search(testProviderContext(), config(server.baseUrl), { ...request, region: { code: "213" } }))).toMatchObject({ field: "region" });
    expect(server.requests).toEqual([]);
  });
});

describe("brave: errors", () => {
  async function failsWith(answer: TReplayResponse) {
    server = await startReplayServer(() => answer);
    return providerError(brave.search(testProviderContext(), config(server.baseUrl), request), [TOKEN]);
  }

  it("422 SUBSCRIPTION_TOKEN_INVALID, or a validation error on the token header, is auth", async () => {
    expect(await failsWith({ status: 422, body: json("error.subscription-token-invalid.json") })).toMatchObject({ kind: "auth", providerCode: "SUBSCRIPTION_TOKEN_INVALID" });
    await server?.close();
    const missing = json("error.validation.json");
    const error = missing.error as Record<string, unknown>;
    const onHeader = { ...missing, error: { ...error, meta: { errors: [{ type: "missing", loc: ["header", "x-subscription-token"], msg: "Field required" }] } } };
    expect(await failsWith({ status: 422, body: onHeader })).toMatchObject({ kind: "auth", field: "apiKey" });
  });

  it("422 VALIDATION names the parameter's field", async () => {
    expect(await failsWith({ status: 422, body: json("error.validation.json") })).toMatchObject({ kind: "bad_request", field: "depth", providerCode: "VALIDATION" });
  });

  it("429: the per-second window is rate_limited, the monthly window is quota until it resets", async () => {
    const perSecond = await failsWith({
      status: 429,
      headers: { "x-ratelimit-limit": "50, 20000", "x-ratelimit-remaining": "0, 18157", "x-ratelimit-reset": "1, 1036800" },
      body: json("error.rate-limited.json"),
    });
    expect(perSecond).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 1 });
    await server?.close();
    const monthly = await failsWith({
      status: 429,
      headers: { "x-ratelimit-limit": "50, 20000", "x-ratelimit-remaining": "49, 0", "x-ratelimit-reset": "1, 1036800" },
      body: json("error.quota-limited.json"),
    });
    expect(monthly).toMatchObject({ kind: "quota", retryAfterSeconds: 1036800 });
    expect(monthly.retryable).toBe(true);
    await server?.close();
    expect(await failsWith({ status: 429, body: json("error.quota-limited.json") })).toMatchObject({ kind: "quota", retryAfterSeconds: undefined });
  });

  it("5xx is upstream; an answer of another shape is markup_changed", async () => {
    expect((await failsWith({ status: 502, body: "<html>502 Bad Gateway</html>" })).kind).toBe("upstream");
    await server?.close();
    expect((await failsWith({ body: { type: "news", results: [] } })).kind).toBe("markup_changed");
    await server?.close();
    const page = json("web-search.json");
    expect((await failsWith({ body: { ...page, web: { type: "search", results: [{ title: "no url" }] } } })).kind).toBe("markup_changed");
  });
});

describe("brave: definition", () => {
  it("the token is secret; one call per search", () => {
    const cfg = braveConfigSchema.parse({ apiKey: "t" });
    expect(cfg).toEqual({ apiKey: "t", safesearch: "off", baseUrl: "https://api.search.brave.com" });
    expect(braveProviderDefinition).toMatchObject({ id: "brave", engines: ["brave"], devices: ["desktop"], secretFields: ["apiKey"] });
    expect(braveProviderDefinition.requestsFor(cfg, { engine: "brave", depth: 20 })).toBe(1);
  });
});
