import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type TReplayResponse, type TReplayServer, startReplayServer } from "../../../../connectors/test-kit.ts";
import { providerError, serpRequest, testProviderContext } from "../serp-test-kit.ts";
import { type TDataForSeoConfig, dataForSeoConfigSchema } from "./dataforseo.config.ts";
import { dataForSeoProvider as dataforseo, dataForSeoProviderDefinition } from "./dataforseo.provider.ts";

const LOGIN = "serm@northwind.example";
const PASSWORD = "d4f5e6a7b8c9northwind";
const TASK_ID = "11201200-1535-0139-0000-4e7a2c9d1b30";
const json = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const config = (baseUrl: string, extra: Partial<TDataForSeoConfig> = {}) =>
  dataForSeoConfigSchema.parse({ login: LOGIN, password: PASSWORD, baseUrl, ...extra });
const google = serpRequest({ engine: "google", query: "northwind bank reviews", region: { code: "us", location: "United States" }, lang: "en", depth: 20 });
const yandexMoscow = serpRequest({ region: { code: "213", location: "Moscow,Moscow,Russia" }, lang: "ru", depth: 20 });
const taskOf = (body: string | undefined) => (JSON.parse(body ?? "[]") as Record<string, unknown>[])[0];

describe("dataforseo: live advanced", () => {
  it("posts one task with Basic auth and keeps organic items only, ranked by rank_group", async () => {
    server = await startReplayServer(() => ({ body: json("google.live-advanced.json") }));
    const response = await dataforseo.search(testProviderContext(), config(server.baseUrl), google);

    const [req] = server.requests;
    expect(`${req?.method} ${req?.path}`).toBe("POST /v3/serp/google/organic/live/advanced");
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString("base64")}`);
    expect(JSON.parse(req?.body ?? "")).toEqual([
      { keyword: "northwind bank reviews", location_name: "United States", language_code: "en", device: "desktop", depth: 20 },
    ]);

    expect(response.results).toHaveLength(20);
    expect(response.results[0]).toEqual({
      position: 1,
      url: "https://www.trustpilot.com/review/northwindbank.com",
      title: "Northwind Bank Reviews | Read Customer Service Reviews of ...",
      snippet: "Northwind Bank has a TrustScore of 2.1 out of 5 based on 1,204 reviews. Customers complain about frozen accounts and slow wire transfers.",
      rating: { value: 2.1, scale: 5, count: 1204 },
      absolutePosition: 2,
    });
    // The ad and the "People also ask" block take absolute places, not organic ones.
    expect(response.results[4]).toMatchObject({ position: 5, absolutePosition: 7 });
    expect(response.results.some((r) => r.url.includes("chimebank-example"))).toBe(false);
    expect(response).toMatchObject({
      coverage: { status: "complete" },
      requests: 1,
      totalFound: 1870000,
      requestId: TASK_ID,
      cost: { amount: 0.004, currency: "USD" },
    });
  });

  it("a numeric Google location code and mobile pass through", async () => {
    server = await startReplayServer(() => ({ body: json("google.live-advanced.json") }));
    await dataforseo.search(testProviderContext(), config(server.baseUrl), { ...google, region: { code: "2643" }, device: "mobile", depth: 10 });
    expect(taskOf(server.requests[0]?.body)).toEqual({ keyword: "northwind bank reviews", location_code: 2643, language_code: "en", device: "mobile", depth: 10 });
  });

  it("40102 No Search Results is an empty SERP", async () => {
    server = await startReplayServer(() => ({ body: json("no-search-results.json") }));
    const response = await dataforseo.search(testProviderContext(), config(server.baseUrl), google);
    expect(response).toMatchObject({ results: [], coverage: { status: "exhausted" }, totalFound: 0, cost: { amount: 0.002, currency: "USD" } });
  });
});

describe("dataforseo: standard queue (task_post → task_get)", () => {
  it("posts with priority, polls until the task is ready, and reports what the post cost", async () => {
    let gets = 0;
    server = await startReplayServer((req) => {
      if (req.method === "POST" && req.path === "/v3/serp/yandex/organic/task_post") return { body: json("yandex.task-post.json") };
      if (req.method === "GET" && req.path === `/v3/serp/yandex/organic/task_get/advanced/${TASK_ID}`) {
        return { body: json(++gets < 2 ? "task-in-queue.json" : "yandex.task-get-advanced.json") };
      }
      return { status: 404, body: "Not Found" };
    });
    const ctx = testProviderContext();
    const response = await dataforseo.search(ctx, config(server.baseUrl, { mode: "standard", priority: "high" }), yandexMoscow);

    expect(taskOf(server.requests[0]?.body)).toEqual({
      keyword: "нортвинд банк отзывы",
      location_name: "Moscow,Moscow,Russia",
      language_code: "ru",
      device: "desktop",
      depth: 20,
      priority: 2,
    });
    expect(ctx.sleeps).toEqual([30_000, 30_000]);
    expect(response.results.map((r) => r.url)).toEqual([
      "https://www.banki.ru/services/responses/bank/northwind/",
      "https://northwind-bank.ru/",
      "https://www.sravni.ru/bank/northwind/otzyvy/",
      "https://otzovik.com/reviews/northwind_bank/",
      "https://irecommend.ru/content/northwind-bank",
      "https://vk.com/northwindbank",
    ]);
    // One page read for a top-20: the engine has no more.
    expect(response).toMatchObject({ coverage: { status: "exhausted" }, requests: 1, requestId: TASK_ID, cost: { amount: 0.0012, currency: "USD" } });
    // The archive keeps the answer that held the results, not the "queued" ones.
    expect(response.raw).toHaveLength(1);
    expect(JSON.parse(response.raw[0] ?? "{}")).toEqual(json("yandex.task-get-advanced.json"));
  });

  it("a task still queued after the longest wait is upstream, naming the task", async () => {
    server = await startReplayServer((req) => ({ body: json(req.method === "POST" ? "yandex.task-post.json" : "task-in-queue.json") }));
    const ctx = testProviderContext();
    const e = await providerError(dataforseo.search(ctx, config(server.baseUrl, { mode: "standard", maxWaitMinutes: 2 }), yandexMoscow), [PASSWORD]);
    expect(e.kind).toBe("upstream");
    expect(e.message).toContain(TASK_ID);
    expect(ctx.sleeps).toHaveLength(4);
  });
});

describe("dataforseo: errors", () => {
  async function failsWith(answer: TReplayResponse) {
    server = await startReplayServer(() => answer);
    return providerError(dataforseo.search(testProviderContext(), config(server.baseUrl), google), [PASSWORD, LOGIN]);
  }

  it("HTTP 401 and status 40100 are auth; HTTP 402 and 40200 are quota", async () => {
    expect((await failsWith({ status: 401, body: json("unauthorized.json") })).kind).toBe("auth");
    await server?.close();
    expect(await failsWith({ body: json("unauthorized.json") })).toMatchObject({ kind: "auth", providerCode: "40100" });
    await server?.close();
    expect((await failsWith({ status: 402, body: json("payment-required.json") })).kind).toBe("quota");
    await server?.close();
    expect(await failsWith({ body: json("payment-required.json") })).toMatchObject({ kind: "quota", providerCode: "40200" });
  });

  it("40202 is rate_limited for the minute; 40203 (the daily cost limit) is quota until 00:00 UTC", async () => {
    expect(await failsWith({ body: json("rate-limit.json") })).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 60 });
    await server?.close();
    const limit = { ...json("rate-limit.json"), status_code: 40203, status_message: "The cost limit has been exceeded." };
    // The test clock is 2026-11-20T12:00:00Z: twelve hours to go.
    expect(await failsWith({ body: limit })).toMatchObject({ kind: "quota", retryAfterSeconds: 12 * 3600 });
  });

  it("40501 Invalid Field is bad_request naming the field", async () => {
    expect(await failsWith({ body: json("invalid-field.json") })).toMatchObject({ kind: "bad_request", field: "region", providerCode: "40501" });
  });

  it("500 and 50000 are upstream", async () => {
    expect((await failsWith({ status: 500, body: "<html>Internal Server Error</html>" })).kind).toBe("upstream");
    await server?.close();
    const internal = { ...json("rate-limit.json"), status_code: 50000, status_message: "Internal Error." };
    expect((await failsWith({ body: internal })).kind).toBe("upstream");
  });

  it("malformed answers are markup_changed", async () => {
    expect((await failsWith({ body: "not json at all" })).kind).toBe("markup_changed");
    await server?.close();
    expect((await failsWith({ body: { status_code: 20000, tasks: [] } })).kind).toBe("markup_changed");
    await server?.close();
    const live = json("google.live-advanced.json");
    const tasks = live.tasks as Record<string, unknown>[];
    const noResult = { ...live, tasks: [{ ...tasks[0], result: null }] };
    expect((await failsWith({ body: noResult })).kind).toBe("markup_changed");
  });

  it("a request without a DataForSEO location or language is refused before any call", async () => {
    server = await startReplayServer(() => ({ body: json("google.live-advanced.json") }));
    const cfg = config(server.baseUrl);
    const refused = (request: Parameters<typeof dataforseo.search>[2]) => providerError(dataforseo.search(testProviderContext(), cfg, request));
    expect(await refused({ ...google, region: { code: "us" } })).toMatchObject({ kind: "bad_request", field: "region" });
    expect(await refused(serpRequest({ lang: "ru" }))).toMatchObject({ kind: "bad_request", field: "region" });
    expect(await refused({ ...google, lang: undefined })).toMatchObject({ kind: "bad_request", field: "lang" });
    expect(server.requests).toEqual([]);
    await dataforseo.search(testProviderContext(), config(server.baseUrl, { languageCode: "en" }), { ...google, lang: undefined });
    expect(taskOf(server.requests[0]?.body)).toMatchObject({ language_code: "en" });
  });
});

describe("dataforseo: definition", () => {
  it("one call per search, the password is secret", () => {
    const cfg = dataForSeoConfigSchema.parse({ login: "l", password: "p" });
    expect(cfg).toEqual({ login: "l", password: "p", mode: "live", priority: "normal", pollIntervalSeconds: 30, maxWaitMinutes: 20, baseUrl: "https://api.dataforseo.com" });
    expect(dataForSeoProviderDefinition.requestsFor(cfg, { engine: "google", depth: 20 })).toBe(1);
    expect(dataForSeoProviderDefinition.secretFields).toEqual(["password"]);
  });
});
