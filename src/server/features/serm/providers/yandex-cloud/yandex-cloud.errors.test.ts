import { afterEach, describe, expect, it } from "vitest";
import { type TReplayResponse, type TReplayServer, startReplayServer } from "../../../../connectors/test-kit.ts";
import { providerError, serpRequest, testProviderContext } from "../serp-test-kit.ts";
import { yandexCloudConfigSchema } from "./yandex-cloud.config.ts";
import { yandexCloudProvider as yandex, yandexCloudProviderDefinition } from "./yandex-cloud.provider.ts";
import { API_KEY, OPERATION_ID, fixture, operation, rpcStatus, searchAnswer, yandexConfig } from "./yandex-cloud.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failsWith(answer: TReplayResponse, extra: Parameters<typeof yandexConfig>[1] = {}) {
  server = await startReplayServer(() => answer);
  return providerError(yandex.search(testProviderContext(), yandexConfig(server.baseUrl, extra), serpRequest()), [API_KEY]);
}

const xmlError = (code: string, text: string) =>
  searchAnswer(`<?xml version="1.0" encoding="utf-8"?><yandexsearch version="1.0"><response date="20261120T120000"><error code="${code}">${text}</error></response></yandexsearch>`);

describe("yandex cloud: HTTP errors (google.rpc.Status)", () => {
  it("401 UNAUTHENTICATED and 403 PERMISSION_DENIED are auth", async () => {
    expect(await failsWith(rpcStatus(401, 16, "Unknown api key"))).toMatchObject({ kind: "auth", providerCode: "16" });
    await server?.close();
    const denied = await failsWith(rpcStatus(403, 7, "Permission to [resource-manager.folder b1gnorthwind0folder42] denied"));
    expect(denied.kind).toBe("auth");
    expect(denied.retryable).toBe(false);
  });

  it("a key the service echoes back never reaches the message", async () => {
    const e = await failsWith(rpcStatus(401, 16, `The API key ${API_KEY} is not valid`));
    expect(e.kind).toBe("auth");
    expect(e.message).toContain("[redacted]");
  });

  it("429 RESOURCE_EXHAUSTED is rate_limited with Retry-After", async () => {
    const e = await failsWith(rpcStatus(429, 8, "Quota limit searchapi.webSearch.requestsPerHour exceeded", { "retry-after": "30" }));
    expect(e).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 30 });
    expect(e.retryable).toBe(true);
  });

  it("400 INVALID_ARGUMENT is bad_request naming the field", async () => {
    const e = await failsWith(rpcStatus(400, 3, "Invalid region: unsupported for SEARCH_TYPE_COM"));
    expect(e).toMatchObject({ kind: "bad_request", field: "region" });
    await server?.close();
    const violation = await failsWith({
      status: 400,
      body: {
        code: 3,
        message: "Request validation error",
        details: [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field: "folder_id", description: "must not be empty" }] }],
      },
    });
    expect(violation).toMatchObject({ kind: "bad_request", field: "folderId" });
  });

  it("5xx, even as an HTML page, is upstream", async () => {
    expect((await failsWith({ status: 503, body: "<html><body>503 Service Temporarily Unavailable</body></html>" })).kind).toBe("upstream");
    await server?.close();
    expect((await failsWith(rpcStatus(500, 13, "Internal error"))).kind).toBe("upstream");
  });

  it("an unreachable service is upstream", async () => {
    server = await startReplayServer(() => ({ body: {} }));
    const baseUrl = server.baseUrl;
    await server.close();
    server = undefined;
    const e = await providerError(yandex.search(testProviderContext(), yandexConfig(baseUrl), serpRequest()));
    expect(e.kind).toBe("upstream");
  });
});

describe("yandex cloud: malformed answers are markup_changed, never an empty result", () => {
  it("not JSON, no rawData, rawData that is not XML, XML that is not a search answer", async () => {
    expect((await failsWith({ body: "<html>captcha</html>", headers: { "content-type": "text/html" } })).kind).toBe("markup_changed");
    await server?.close();
    expect((await failsWith({ body: { result: "ok" } })).kind).toBe("markup_changed");
    await server?.close();
    expect((await failsWith(searchAnswer("<!DOCTYPE html><html><body><form action=\"/checkcaptcha\"></form></body></html>"))).kind).toBe(
      "markup_changed",
    );
    await server?.close();
    expect((await failsWith(searchAnswer('<?xml version="1.0"?><rss><channel/></rss>'))).kind).toBe("markup_changed");
    await server?.close();
    const broken = fixture("brand-query.xml").replace("</grouping>", "");
    expect((await failsWith(searchAnswer(broken))).kind).toBe("markup_changed");
    await server?.close();
    const noUrl = fixture("rare-query.xml").replace(/<url>[^<]*<\/url>/, "");
    const e = await failsWith(searchAnswer(noUrl));
    expect(e.kind).toBe("markup_changed");
    expect(e.message).toContain("<url>");
  });
});

describe("yandex cloud: errors inside the XML", () => {
  it("are classified by Yandex's code", async () => {
    expect(await failsWith(xmlError("32", "Превышен суточный лимит запросов"))).toMatchObject({ kind: "quota", providerCode: "32" });
    await server?.close();
    expect(await failsWith(xmlError("55", "Превышено количество запросов в секунду"))).toMatchObject({ kind: "rate_limited" });
    await server?.close();
    expect(await failsWith(xmlError("42", "Ключ не прошёл проверку"))).toMatchObject({ kind: "auth" });
    await server?.close();
    expect(await failsWith(xmlError("2", "Задан пустой поисковый запрос"))).toMatchObject({ kind: "bad_request", field: "query" });
    await server?.close();
    expect(await failsWith(xmlError("99", "Что-то новое"))).toMatchObject({ kind: "upstream", providerCode: "99" });
  });

  it("a deferred operation that failed carries its status", async () => {
    server = await startReplayServer((req) =>
      req.method === "POST"
        ? operation(false)
        : { body: { id: OPERATION_ID, done: true, error: { code: 8, message: "Quota exceeded", details: [] } } },
    );
    const e = await providerError(yandex.search(testProviderContext(), yandexConfig(server.baseUrl, { mode: "async" }), serpRequest()));
    expect(e).toMatchObject({ kind: "rate_limited", providerCode: "8" });
    expect(e.message).toContain(OPERATION_ID);
  });
});

describe("yandex cloud: requests refused before they cost anything", () => {
  it("names the field", async () => {
    server = await startReplayServer(() => searchAnswer(fixture("rare-query.xml")));
    const config = yandexConfig(server.baseUrl);
    const refused = async (overrides: Parameters<typeof serpRequest>[0]) => providerError(yandex.search(testProviderContext(), config, serpRequest(overrides)));
    expect(await refused({ query: "н".repeat(401) })).toMatchObject({ kind: "bad_request", field: "query" });
    expect(await refused({ query: "   " })).toMatchObject({ kind: "bad_request", field: "query" });
    expect(await refused({ region: { code: "moscow" } })).toMatchObject({ kind: "bad_request", field: "region" });
    expect(await refused({ lang: "de" })).toMatchObject({ kind: "bad_request", field: "lang" });
    expect(await refused({ engine: "google" })).toMatchObject({ kind: "bad_request", field: "engine" });
    expect(server.requests).toEqual([]);
  });
});

describe("yandex cloud: config and definition", () => {
  const issuePaths = (input: unknown) => {
    const result = yandexCloudConfigSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
  };

  it("fills the defaults and names what is missing or wrong", () => {
    expect(yandexCloudConfigSchema.parse({ apiKey: "k", folderId: "f" })).toEqual({
      apiKey: "k",
      authType: "api_key",
      folderId: "f",
      mode: "sync",
      format: "xml",
      searchType: "SEARCH_TYPE_RU",
      familyMode: "FAMILY_MODE_NONE",
      fixTypoMode: "FIX_TYPO_MODE_OFF",
      maxPassages: 2,
      pollIntervalSeconds: 60,
      maxWaitMinutes: 30,
      baseUrl: "https://searchapi.api.cloud.yandex.net",
      operationBaseUrl: "https://operation.api.cloud.yandex.net",
    });
    expect(issuePaths({})).toEqual(["apiKey", "folderId"]);
    expect(issuePaths({ apiKey: "k", folderId: "f", maxPassages: 9 })).toEqual(["maxPassages"]);
    expect(issuePaths({ apiKey: "k", folderId: "f", baseUrl: "ftp://x" })).toEqual(["baseUrl"]);
    expect(issuePaths({ apiKey: "k", folderId: "f", password: "x" })).toEqual([""]);
  });

  it("declares its key secret and one call per search", () => {
    expect(yandexCloudProviderDefinition).toMatchObject({ id: "yandex_cloud", engines: ["yandex"], secretFields: ["apiKey"] });
    const config = yandexCloudConfigSchema.parse({ apiKey: "k", folderId: "f" });
    expect(yandexCloudProviderDefinition.requestsFor(config, { engine: "yandex", depth: 20 })).toBe(1);
  });
});
