import { afterEach, describe, expect, it } from "vitest";
import { type TReplayServer, startReplayServer } from "../../../../connectors/test-kit.ts";
import { firstGroups, providerError, serpRequest, testProviderContext } from "../serp-test-kit.ts";
import { YANDEX_MOBILE_USER_AGENT } from "./yandex-cloud.request.ts";
import { yandexCloudProvider as yandex } from "./yandex-cloud.provider.ts";
import { API_KEY, FOLDER_ID, OPERATION_ID, bodyOf, fixture, operation, searchAnswer, yandexConfig } from "./yandex-cloud.test-support.ts";

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("yandex cloud: synchronous search", () => {
  it("asks for the whole top-20 in one call and numbers the groups 1..20", async () => {
    server = await startReplayServer(() => searchAnswer(fixture("brand-query.xml")));
    const response = await yandex.search(testProviderContext(), yandexConfig(server.baseUrl), serpRequest({ depth: 20 }));

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe("/v2/web/search");
    expect(req?.headers.authorization).toBe(`Api-Key ${API_KEY}`);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(bodyOf(req)).toEqual({
      query: { searchType: "SEARCH_TYPE_RU", queryText: "нортвинд банк отзывы", familyMode: "FAMILY_MODE_NONE", page: "0", fixTypoMode: "FIX_TYPO_MODE_OFF" },
      groupSpec: { groupMode: "GROUP_MODE_DEEP", groupsOnPage: "20", docsInGroup: "1" },
      maxPassages: "2",
      region: "213",
      folderId: FOLDER_ID,
      responseFormat: "FORMAT_XML",
    });

    expect(response.results.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(response.results[0]).toEqual({
      position: 1,
      url: "https://www.banki.ru/services/responses/bank/northwind/",
      title: "Отзывы о Нортвинд Банке — Банки.ру",
      snippet: "Реальные отзывы клиентов о Нортвинд Банке: 1 284 отзыва, рейтинг 3,4 из 5. Вклады, кредиты, обслуживание в отделениях.",
    });
    expect(response.results[19]?.url).toBe("https://www.google.com/maps/place/Northwind+Bank");
    expect(response).toMatchObject({
      coverage: { status: "complete" },
      requests: 1,
      totalFound: 48213,
      requestId: "1795176003118452-9281734401772836151-balancer-l7leveler-kubr-yp-sas-112-BAL",
    });
    expect(response.html).toBeUndefined();
    expect(response.cost).toBeUndefined();
    // The decoded XML is kept as received, for the archive.
    expect(response.raw).toEqual([fixture("brand-query.xml")]);
  });

  it("a top-10 is ten groups on the page", async () => {
    server = await startReplayServer((req) => {
      const groups = Number((bodyOf(req).groupSpec as { groupsOnPage: string }).groupsOnPage);
      return searchAnswer(firstGroups(fixture("brand-query.xml"), groups));
    });
    const response = await yandex.search(testProviderContext(), yandexConfig(server.baseUrl), serpRequest({ depth: 10 }));
    expect(response.results).toHaveLength(10);
    expect(response.coverage).toEqual({ status: "complete" });
  });

  it("fewer groups than asked for means the engine has no more: exhausted", async () => {
    server = await startReplayServer(() => searchAnswer(fixture("rare-query.xml")));
    const response = await yandex.search(testProviderContext(), yandexConfig(server.baseUrl), serpRequest({ depth: 20 }));
    expect(response.results.map((r) => r.url)).toEqual([
      "https://northwind-bank.ru/",
      "https://www.banki.ru/services/responses/bank/northwind/",
      "https://vk.com/northwindbank",
      "https://2gis.ru/moscow/firm/70000001029384756",
    ]);
    expect(response.coverage).toEqual({ status: "exhausted" });
    expect(response.totalFound).toBe(4);
  });

  it("error 15 is an empty result page, not a failure", async () => {
    server = await startReplayServer(() => searchAnswer(fixture("no-results.xml")));
    const response = await yandex.search(testProviderContext(), yandexConfig(server.baseUrl), serpRequest());
    expect(response).toMatchObject({ results: [], coverage: { status: "exhausted" }, totalFound: 0, requests: 1 });
    expect(response.requestId).toMatch(/^1795176011002938-/);
  });

  it("mobile results through a phone's User-Agent, the language as l10n, an IAM token as Bearer", async () => {
    server = await startReplayServer(() => searchAnswer(fixture("rare-query.xml")));
    const config = yandexConfig(server.baseUrl, { authType: "iam_token", apiKey: "t1.northwind-iam-token", searchType: "SEARCH_TYPE_COM" });
    await yandex.search(testProviderContext(), config, serpRequest({ device: "mobile", lang: "en", region: { code: "84" } }));
    const [req] = server.requests;
    expect(req?.headers.authorization).toBe("Bearer t1.northwind-iam-token");
    expect(bodyOf(req)).toMatchObject({ userAgent: YANDEX_MOBILE_USER_AGENT, l10n: "LOCALIZATION_EN", region: "84", query: { searchType: "SEARCH_TYPE_COM" } });
  });
});

describe("yandex cloud: deferred (async) search", () => {
  it("submits, polls the operation until done and reads its rawData", async () => {
    let polls = 0;
    server = await startReplayServer((req) => {
      if (req.method === "POST" && req.path === "/v2/web/searchAsync") return operation(false);
      if (req.method === "GET" && req.path === `/operations/${OPERATION_ID}`) return ++polls < 3 ? operation(false) : operation(true, fixture("brand-query.xml"));
      return { status: 404, body: { code: 5, message: "Not found" } };
    });
    const ctx = testProviderContext();
    const config = yandexConfig(server.baseUrl, { mode: "async", pollIntervalSeconds: 90 });
    const response = await yandex.search(ctx, config, serpRequest({ depth: 20 }));

    expect(response.results).toHaveLength(20);
    expect(response).toMatchObject({ coverage: { status: "complete" }, requests: 1, requestId: OPERATION_ID });
    expect(ctx.sleeps).toEqual([90_000, 90_000, 90_000]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/web/searchAsync",
      `GET /operations/${OPERATION_ID}`,
      `GET /operations/${OPERATION_ID}`,
      `GET /operations/${OPERATION_ID}`,
    ]);
    for (const req of server.requests) expect(req.headers.authorization).toBe(`Api-Key ${API_KEY}`);
  });

  it("gives up after the longest wait with an upstream error that names the operation", async () => {
    server = await startReplayServer((req) => operation(false, req.path));
    const ctx = testProviderContext();
    const config = yandexConfig(server.baseUrl, { mode: "async", pollIntervalSeconds: 60, maxWaitMinutes: 5 });
    const e = await providerError(yandex.search(ctx, config, serpRequest()), [API_KEY]);
    expect(e).toMatchObject({ kind: "upstream", providerCode: "not_ready" });
    expect(e.message).toContain(OPERATION_ID);
    expect(ctx.sleeps).toHaveLength(5);
  });
});

describe("yandex cloud: HTML results", () => {
  const html = "<!DOCTYPE html><html><body><li class=\"serp-item\">…</li></body></html>";

  it("reads the page with the injected parser and keeps it for the snapshot", async () => {
    server = await startReplayServer(() => searchAnswer(html));
    const ctx = testProviderContext({
      parseHtml: (engine, page) => {
        expect(engine).toBe("yandex");
        expect(page).toBe(html);
        return {
          ok: true,
          empty: false,
          results: [
            { position: 1, url: "https://www.banki.ru/services/responses/bank/northwind/", title: "Отзывы о Нортвинд Банке", snippet: "", rating: { value: 3.4, scale: 5, count: 1284 } },
            { position: 2, url: "https://northwind-bank.ru/", title: "Нортвинд Банк", snippet: "Вклады и карты" },
          ],
        };
      },
    });
    const response = await yandex.search(ctx, yandexConfig(server.baseUrl, { format: "html" }), serpRequest());
    expect(bodyOf(server.requests[0])).toMatchObject({ responseFormat: "FORMAT_HTML" });
    expect(response.html).toBe(html);
    expect(response.results).toEqual([
      { position: 1, url: "https://www.banki.ru/services/responses/bank/northwind/", title: "Отзывы о Нортвинд Банке", snippet: "", rating: { value: 3.4, scale: 5, count: 1284 } },
      { position: 2, url: "https://northwind-bank.ru/", title: "Нортвинд Банк", snippet: "Вклады и карты" },
    ]);
    expect(response.coverage).toEqual({ status: "complete" });
  });

  it("a page that says nothing was found is an empty SERP", async () => {
    server = await startReplayServer(() => searchAnswer(html));
    const ctx = testProviderContext({ parseHtml: () => ({ ok: true, empty: true, results: [] }) });
    const response = await yandex.search(ctx, yandexConfig(server.baseUrl, { format: "html" }), serpRequest());
    expect(response).toMatchObject({ results: [], coverage: { status: "exhausted" }, html });
  });

  it("without a parser it is a configuration error; a page the parser cannot read is markup_changed, a captcha upstream", async () => {
    server = await startReplayServer(() => searchAnswer(html));
    const config = yandexConfig(server.baseUrl, { format: "html" });
    expect(await providerError(yandex.search(testProviderContext(), config, serpRequest()))).toMatchObject({ kind: "bad_request", field: "format" });
    const unknown = testProviderContext({ parseHtml: () => ({ ok: false, error: "unknown_layout", message: "no known yandex result-page layout matches this page" }) });
    const e = await providerError(yandex.search(unknown, config, serpRequest()));
    expect(e).toMatchObject({ kind: "markup_changed", providerCode: "unknown_layout" });
    expect(e.message).toContain("no known yandex result-page layout");
    const captcha = testProviderContext({ parseHtml: () => ({ ok: false, error: "captcha", message: "the engine asked for a captcha" }) });
    expect(await providerError(yandex.search(captcha, config, serpRequest()))).toMatchObject({ kind: "upstream", providerCode: "captcha" });
  });
});
