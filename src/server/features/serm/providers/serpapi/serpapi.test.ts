import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type TReplayRequest, type TReplayResponse, type TReplayServer, startReplayServer } from "../../../../connectors/test-kit.ts";
import { providerError, serpRequest, testProviderContext } from "../serp-test-kit.ts";
import { type TSerpApiConfig, serpApiConfigSchema } from "./serpapi.config.ts";
import { serpApiProvider as serpapi, serpApiProviderDefinition } from "./serpapi.provider.ts";

const API_KEY = "5f0c9e1b7a2d4c68e3f1a9b0c7d2e4f6a8b1c3d5e7f9a0b2c4d6e8f0a1b3c5d7";
const json = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const config = (baseUrl: string, extra: Partial<TSerpApiConfig> = {}) => serpApiConfigSchema.parse({ apiKey: API_KEY, baseUrl, ...extra });
const google = serpRequest({ engine: "google", query: "northwind bank reviews", region: { code: "us" }, lang: "en" });

/** Pages by engine and offset, the way SerpApi pages. */
function pages(req: TReplayRequest): TReplayResponse {
  const q = req.query;
  if (req.path !== "/search.json") return { status: 404, body: { error: "The requested resource doesn't exist." } };
  if (q.get("engine") === "google") return { body: json(q.get("start") === "10" ? "google.page2.json" : "google.page1.json") };
  if (q.get("engine") === "yandex") return { body: json(q.get("p") === "1" ? "yandex.page2.json" : "yandex.page1.json") };
  return { body: json("bing.page1.json") };
}

const params = (req: TReplayRequest | undefined) => Object.fromEntries(req?.query ?? []);

describe("serpapi: google", () => {
  it("reads two pages of ten for a top-20, keeps organic results only, drops a repeat, numbers them 1..N", async () => {
    server = await startReplayServer(pages);
    const response = await serpapi.search(testProviderContext(), config(server.baseUrl), { ...google, depth: 20 });

    expect(server.requests.map(params)).toEqual([
      { engine: "google", q: "northwind bank reviews", gl: "us", hl: "en", device: "desktop", api_key: API_KEY },
      { engine: "google", q: "northwind bank reviews", gl: "us", hl: "en", start: "10", device: "desktop", api_key: API_KEY },
    ]);
    // Google showed 9 organic results on page 1 and repeated one of them on page 2.
    expect(response.results).toHaveLength(18);
    expect(response.results.map((r) => r.position)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(new Set(response.results.map((r) => r.url)).size).toBe(18);
    expect(response.results[0]).toEqual({
      position: 1,
      url: "https://www.trustpilot.com/review/northwindbank.com",
      title: "Northwind Bank Reviews | Read Customer Service Reviews of ...",
      snippet: "Northwind Bank has a TrustScore of 2.1 out of 5 based on 1,204 reviews. Customers complain about frozen accounts and slow wire transfers.",
      rating: { value: 2.1, scale: 5, count: 1204 },
    });
    expect(response.results[5]?.rating).toEqual({ value: 2.4, scale: 5, count: 214 });
    expect(response.results[9]?.url).toBe("https://www.indeed.com/cmp/Northwind-Bank/reviews");
    expect(response).toMatchObject({
      coverage: { status: "complete" },
      requests: 2,
      totalFound: 1870000,
      requestId: "674a1b2c3d4e5f6a7b8c9d0e,674a1b2d5e6f7a8b9c0d1e2f",
    });
    expect(response.cost).toBeUndefined();
    expect(response.raw.map((body) => (JSON.parse(body) as { search_metadata: { id: string } }).search_metadata.id)).toEqual([
      "674a1b2c3d4e5f6a7b8c9d0e",
      "674a1b2d5e6f7a8b9c0d1e2f",
    ]);
  });

  it("a top-10 is one call; location, domain, mobile and no_cache pass through", async () => {
    server = await startReplayServer(pages);
    const cfg = config(server.baseUrl, { googleDomain: "google.ru", noCache: true });
    const response = await serpapi.search(testProviderContext(), cfg, { ...google, region: { code: "RU", location: "Moscow,Moscow,Russia" }, device: "mobile" });
    expect(server.requests.map(params)).toEqual([
      {
        engine: "google",
        q: "northwind bank reviews",
        location: "Moscow,Moscow,Russia",
        gl: "ru",
        hl: "en",
        google_domain: "google.ru",
        device: "mobile",
        no_cache: "true",
        api_key: API_KEY,
      },
    ]);
    expect(response.results).toHaveLength(9);
    expect(response.coverage).toEqual({ status: "complete" });
  });

  it("'Google hasn't returned any results' is an empty SERP, not a failure", async () => {
    server = await startReplayServer(() => ({ body: json("google.no-results.json") }));
    const response = await serpapi.search(testProviderContext(), config(server.baseUrl), { ...google, depth: 20 });
    expect(response).toMatchObject({ results: [], coverage: { status: "exhausted" }, requests: 1 });
  });

  it("keeps the first page's archived HTML when asked", async () => {
    server = await startReplayServer((req) => {
      if (req.path === "/searches/674a1b2c3d4e5f6a7b8c9d0e.html") return { body: "<!doctype html><title>northwind bank reviews - Google Search</title>", headers: { "content-type": "text/html" } };
      const page = json("google.page1.json");
      const meta = page.search_metadata as Record<string, unknown>;
      return { body: { ...page, search_metadata: { ...meta, raw_html_file: `${base}/searches/674a1b2c3d4e5f6a7b8c9d0e.html` } } };
    });
    const base = server.baseUrl;
    const response = await serpapi.search(testProviderContext(), config(base, { keepHtml: true }), google);
    expect(response.html).toContain("northwind bank reviews - Google Search");
    expect(server.requests.at(-1)?.query.get("api_key")).toBeNull();
  });

  it("an archived HTML that cannot be had does not fail the search", async () => {
    server = await startReplayServer((req) => {
      if (req.path.endsWith(".html")) return { status: 410, body: { error: "The search expired and has been deleted from the archive." } };
      const page = json("google.page1.json");
      return { body: { ...page, search_metadata: { ...(page.search_metadata as object), raw_html_file: `${base}/searches/x.html` } } };
    });
    const base = server.baseUrl;
    const response = await serpapi.search(testProviderContext(), config(base, { keepHtml: true }), google);
    expect(response.html).toBeUndefined();
    expect(response.results).toHaveLength(9);
  });
});

describe("serpapi: yandex and bing", () => {
  it("yandex: text, lr, yandex_domain, p; a short second page means the engine has no more", async () => {
    server = await startReplayServer(pages);
    const response = await serpapi.search(testProviderContext(), config(server.baseUrl), serpRequest({ depth: 20, lang: "ru" }));
    expect(server.requests.map(params)).toEqual([
      { engine: "yandex", text: "нортвинд банк отзывы", lr: "213", yandex_domain: "yandex.ru", lang: "ru", device: "desktop", api_key: API_KEY },
      { engine: "yandex", text: "нортвинд банк отзывы", lr: "213", yandex_domain: "yandex.ru", lang: "ru", p: "1", device: "desktop", api_key: API_KEY },
    ]);
    expect(response.results).toHaveLength(14);
    expect(response.results[13]).toMatchObject({ position: 14, url: "https://www.rbc.ru/finances/12/11/2026/northwind" });
    expect(response.coverage).toEqual({ status: "exhausted" });
  });

  it("bing: q, cc, count; no next page stops after one call", async () => {
    server = await startReplayServer(pages);
    const response = await serpapi.search(testProviderContext(), config(server.baseUrl), { ...google, engine: "bing", depth: 20 });
    expect(server.requests.map(params)).toEqual([{ engine: "bing", q: "northwind bank reviews", cc: "us", count: "10", device: "desktop", api_key: API_KEY }]);
    expect(response.results.map((r) => r.url).slice(0, 2)).toEqual(["https://www.northwindbank.com/", "https://www.trustpilot.com/review/northwindbank.com"]);
    expect(response).toMatchObject({ coverage: { status: "exhausted" }, requests: 1 });
  });
});

describe("serpapi: errors", () => {
  async function failsWith(answer: TReplayResponse) {
    server = await startReplayServer(() => answer);
    return providerError(serpapi.search(testProviderContext(), config(server.baseUrl), google), [API_KEY]);
  }

  it("401 is auth; 429 is quota when the searches ran out and rate_limited otherwise", async () => {
    expect((await failsWith({ status: 401, body: { error: "Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key" } })).kind).toBe("auth");
    await server?.close();
    expect(await failsWith({ status: 429, body: { error: "Your account has run out of searches." } })).toMatchObject({ kind: "quota" });
    await server?.close();
    const limited = await failsWith({ status: 429, headers: { "retry-after": "120" }, body: { error: "You have exceeded the hourly throughput limit." } });
    expect(limited).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 120 });
  });

  it("400 names the field from SerpApi's message", async () => {
    expect(await failsWith({ status: 400, body: { error: "Missing query `q` parameter." } })).toMatchObject({ kind: "bad_request", field: "query" });
    await server?.close();
    expect(await failsWith({ status: 400, body: { error: "Unsupported `location` - `Zelenograd` parameter." } })).toMatchObject({ kind: "bad_request", field: "region" });
  });

  it("5xx and a search that failed on SerpApi's side are upstream", async () => {
    const failed = { search_metadata: { id: "674a1b2f", status: "Error" }, error: "We couldn't get valid results for this search. Please try again later." };
    expect((await failsWith({ status: 503, body: failed })).kind).toBe("upstream");
    await server?.close();
    expect((await failsWith({ body: failed })).kind).toBe("upstream");
  });

  it("malformed answers are markup_changed: not JSON, no organic_results and no reason, a result without a link", async () => {
    expect((await failsWith({ body: "<html>Bad gateway</html>", headers: { "content-type": "text/html" } })).kind).toBe("markup_changed");
    await server?.close();
    const page = json("google.page1.json");
    const { organic_results: _dropped, ...noOrganic } = page;
    expect((await failsWith({ body: noOrganic })).kind).toBe("markup_changed");
    await server?.close();
    const linkless = { ...page, organic_results: [{ position: 1, title: "Northwind Bank" }] };
    expect((await failsWith({ body: linkless })).kind).toBe("markup_changed");
  });

  it("a failed second page leaves the first page's results, flagged page_failed", async () => {
    server = await startReplayServer((req) =>
      req.query.get("start") === "10" ? { status: 429, headers: { "retry-after": "60" }, body: { error: "Hourly throughput limit reached." } } : pages(req),
    );
    const response = await serpapi.search(testProviderContext(), config(server.baseUrl), { ...google, depth: 20 });
    expect(response.results).toHaveLength(9);
    expect(response.coverage).toEqual({
      status: "page_failed",
      page: 2,
      error: { kind: "rate_limited", message: "SerpApi: HTTP 429 (Hourly throughput limit reached.)", retryAfterSeconds: 60 },
    });
    expect(response.requests).toBe(2);
  });

  it("refuses a country that is not a country, an lr that is not a number, before any call", async () => {
    server = await startReplayServer(pages);
    const cfg = config(server.baseUrl);
    expect(await providerError(serpapi.search(testProviderContext(), cfg, { ...google, region: { code: "Moscow" } }))).toMatchObject({ field: "region" });
    expect(await providerError(serpapi.search(testProviderContext(), cfg, serpRequest({ region: { code: "ru" } })))).toMatchObject({ field: "region" });
    expect(await providerError(serpapi.search(testProviderContext(), cfg, { ...google, engine: "brave" }))).toMatchObject({ field: "engine" });
    expect(server.requests).toEqual([]);
  });
});

describe("serpapi: definition", () => {
  it("two calls for a top-20, one for a top-10; the key is secret", () => {
    const cfg = serpApiConfigSchema.parse({ apiKey: "k" });
    expect(serpApiProviderDefinition.requestsFor(cfg, { engine: "google", depth: 20 })).toBe(2);
    expect(serpApiProviderDefinition.requestsFor(cfg, { engine: "yandex", depth: 10 })).toBe(1);
    expect(serpApiProviderDefinition.secretFields).toEqual(["apiKey"]);
    expect(cfg).toEqual({ apiKey: "k", yandexDomain: "yandex.ru", noCache: false, keepHtml: false, baseUrl: "https://serpapi.com" });
    expect(serpApiConfigSchema.safeParse({ apiKey: "k", googleDomain: "bing.com" }).error?.issues[0]?.path).toEqual(["googleDomain"]);
  });
});
