import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { type TReplayResponse, type TReplayServer, startReplayServer } from "../../../../connectors/test-kit.ts";
import { providerError, serpRequest, testProviderContext } from "../serp-test-kit.ts";
import { type TXmlProxyConfig, xmlProxyConfigSchema } from "./xml-proxy.config.ts";
import { xmlProxyProvider as proxy, xmlProxyProviderDefinition } from "./xml-proxy.provider.ts";
import { classifyProxyError } from "./xml-proxy.response.ts";

const USER = "48213";
const KEY = "c0ffee4b1d2e3f405162738495a6b7c8";
const xml = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const asXml = (body: string): TReplayResponse => ({ body, headers: { "content-type": "text/xml; charset=utf-8" } });

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const config = (endpoint: string, extra: Partial<TXmlProxyConfig> = {}) => xmlProxyConfigSchema.parse({ endpoint, user: USER, key: KEY, ...extra });
const params = (q: URLSearchParams | undefined) => Object.fromEntries(q ?? []);

describe("xml proxy: live SERP a page at a time (XMLRiver)", () => {
  it("reads two pages of ten, skips the video block, drops the repeat, numbers organic results 1..N", async () => {
    server = await startReplayServer((req) => asXml(xml(req.query.get("page") === "1" ? "xmlriver.page2.xml" : "xmlriver.page1.xml")));
    const endpoint = `${server.baseUrl}/search_yandex/xml`;
    const response = await proxy.search(testProviderContext(), config(endpoint), serpRequest({ depth: 20, device: "mobile", lang: "ru" }));

    expect(server.requests.map((r) => r.path)).toEqual(["/search_yandex/xml", "/search_yandex/xml"]);
    const groupby = "attr=d.mode=deep.groups-on-page=10.docs-in-group=1";
    const common = { user: USER, key: KEY, query: "нортвинд банк отзывы", lr: "213", l10n: "ru", filter: "none", groupby, device: "mobile" };
    expect(server.requests.map((r) => params(r.query))).toEqual([
      { ...common, page: "0" },
      { ...common, page: "1" },
    ]);
    // 9 organic results on page 1 (a video block took a place), 9 new ones on page 2.
    expect(response.results).toHaveLength(18);
    expect(response.results.some((r) => r.url.startsWith("https://dzen.ru/video/"))).toBe(false);
    expect(response.results[3]).toMatchObject({ position: 4, url: "https://otzovik.com/reviews/northwind_bank/", title: "Отзывы о Нортвинд Банк — Отзовик" });
    expect(new Set(response.results.map((r) => r.url)).size).toBe(18);
    expect(response).toMatchObject({ coverage: { status: "complete" }, requests: 2, totalFound: 48000, requestId: "1795176021-XMLRIVER-p0,1795176022-XMLRIVER-p1" });
    expect(response.raw).toEqual([xml("xmlriver.page1.xml"), xml("xmlriver.page2.xml")]);
  });

  it("a service that counts pages from one gets page=1 first", async () => {
    server = await startReplayServer(() => asXml(xml("xmlriver.page1.xml")));
    await proxy.search(testProviderContext(), config(`${server.baseUrl}/search_yandex/xml`, { firstPage: 1 }), serpRequest());
    expect(server.requests[0]?.query.get("page")).toBe("1");
  });

  it("a second page that fails leaves the first page's results, flagged", async () => {
    server = await startReplayServer((req) => (req.query.get("page") === "1" ? asXml(xml("error-balance.xml")) : asXml(xml("xmlriver.page1.xml"))));
    const response = await proxy.search(testProviderContext(), config(`${server.baseUrl}/search_yandex/xml`), serpRequest({ depth: 20 }));
    expect(response.results).toHaveLength(9);
    expect(response.coverage).toMatchObject({ status: "page_failed", page: 2, error: { kind: "quota" } });
  });
});

describe("xml proxy: the whole depth through groupby (xmlstock, Search API)", () => {
  it("one call with groups-on-page = 20 and no page", async () => {
    server = await startReplayServer(() => asXml(xml("xmlstock.top20.xml")));
    const response = await proxy.search(testProviderContext(), config(`${server.baseUrl}/yandex/xml/`, { pagination: "groupby" }), serpRequest({ depth: 20 }));
    expect(params(server.requests[0]?.query)).toEqual({
      user: USER,
      key: KEY,
      query: "нортвинд банк отзывы",
      lr: "213",
      filter: "none",
      groupby: "attr=d.mode=deep.groups-on-page=20.docs-in-group=1",
      device: "desktop",
    });
    expect(response.results).toHaveLength(20);
    expect(response).toMatchObject({ coverage: { status: "complete" }, requests: 1 });
  });

  it("error 15 is an empty SERP", async () => {
    server = await startReplayServer(() => asXml(xml("error-empty.xml")));
    const response = await proxy.search(testProviderContext(), config(`${server.baseUrl}/yandex/xml/`), serpRequest());
    expect(response).toMatchObject({ results: [], coverage: { status: "exhausted" }, requests: 1 });
  });
});

describe("xml proxy: errors", () => {
  async function failsWith(answer: TReplayResponse) {
    server = await startReplayServer(() => answer);
    return providerError(proxy.search(testProviderContext(), config(`${server.baseUrl}/yandex/xml/`), serpRequest()), [KEY]);
  }

  it("42 is auth; the proxy's balance error is quota by its wording", async () => {
    expect(await failsWith(asXml(xml("error-key.xml")))).toMatchObject({ kind: "auth", providerCode: "42" });
    await server?.close();
    const balance = await failsWith(asXml(xml("error-balance.xml")));
    expect(balance).toMatchObject({ kind: "quota", providerCode: "200" });
    expect(balance.message).toContain("Недостаточно средств");
  });

  it("HTTP errors by status", async () => {
    expect((await failsWith({ status: 403, body: "Forbidden" })).kind).toBe("auth");
    await server?.close();
    expect(await failsWith({ status: 429, headers: { "retry-after": "5" }, body: "Too Many Requests" })).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 5 });
    await server?.close();
    expect((await failsWith({ status: 502, body: "<html>Bad Gateway</html>" })).kind).toBe("upstream");
  });

  it("an HTML page, JSON or truncated XML with 200 is markup_changed", async () => {
    expect((await failsWith({ body: "<!DOCTYPE html><html><body>Captcha</body></html>", headers: { "content-type": "text/html" } })).kind).toBe("markup_changed");
    await server?.close();
    expect((await failsWith({ body: { error: "unknown" } })).kind).toBe("markup_changed");
    await server?.close();
    expect((await failsWith(asXml(xml("xmlriver.page1.xml").slice(0, 4000)))).kind).toBe("markup_changed");
  });

  it("refuses queries over 40 words and regions that are not lr ids, before any call", async () => {
    server = await startReplayServer(() => asXml(xml("error-empty.xml")));
    const cfg = config(`${server.baseUrl}/yandex/xml/`);
    const words = Array.from({ length: 41 }, (_, i) => `слово${i}`).join(" ");
    expect(await providerError(proxy.search(testProviderContext(), cfg, serpRequest({ query: words })))).toMatchObject({ field: "query" });
    expect(await providerError(proxy.search(testProviderContext(), cfg, serpRequest({ region: { code: "ru" } })))).toMatchObject({ field: "region" });
    expect(await providerError(proxy.search(testProviderContext(), cfg, serpRequest({ engine: "google", region: { code: "ru" } })))).toMatchObject({ field: "engine" });
    expect(server.requests).toEqual([]);
  });

  it("wording rules do not take an outage for a key problem", () => {
    expect(classifyProxyError("500", "Сервис временно недоступен")).toBeUndefined();
    expect(classifyProxyError("101", "Превышен лимит запросов в минуту")).toBe("rate_limited");
    expect(classifyProxyError("31", "Пользователь не найден")).toBe("auth");
  });
});

describe("xml proxy: definition", () => {
  it("calls per search follow the pagination; the key is secret", () => {
    const pages = xmlProxyConfigSchema.parse({ user: "u", key: "k" });
    expect(pages).toEqual({ endpoint: "https://xmlstock.com/yandex/xml/", user: "u", key: "k", pagination: "pages", firstPage: 0, filter: "none" });
    expect(xmlProxyProviderDefinition.requestsFor(pages, { engine: "yandex", depth: 20 })).toBe(2);
    expect(xmlProxyProviderDefinition.requestsFor({ ...pages, pagination: "groupby" }, { engine: "yandex", depth: 20 })).toBe(1);
    expect(xmlProxyProviderDefinition.secretFields).toEqual(["key"]);
    expect(xmlProxyConfigSchema.safeParse({ user: "u", key: "k", firstPage: 2 }).error?.issues[0]?.path).toEqual(["firstPage"]);
  });
});
