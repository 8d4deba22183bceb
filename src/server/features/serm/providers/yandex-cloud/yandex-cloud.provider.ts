import { type TSerpPage, collectPages } from "../collect-pages.ts";
import { defineSerpProvider } from "../define-provider.ts";
import { itemsFromHtml } from "../html-page.ts";
import { pollUntilReady } from "../poll-until-ready.ts";
import type { TSerpProvider, TSerpProviderContext, TSerpRequest, TSerpResponse } from "../provider.ts";
import { requireJson } from "../provider-http.ts";
import { readYandexXml } from "../yandex-xml.ts";
import { type TYandexCloudConfig, yandexCloudConfigSchema } from "./yandex-cloud.config.ts";
import { buildYandexCloudBody, yandexCloudHeaders, yandexOperationUrl, yandexSearchUrl } from "./yandex-cloud.request.ts";
import { YANDEX_CLOUD, assertYandexCloudOk, rawDataOf, readOperation } from "./yandex-cloud.response.ts";

/**
 * Yandex Search API v2 (SERM.md §5): `POST /v2/web/search` answers with the results at once;
 * `POST /v2/web/searchAsync` returns an Operation that `GET operation…/operations/{id}` reports
 * on until `done`. Either way the whole top-N is one billable call.
 */
export async function searchYandexCloud(ctx: TSerpProviderContext, config: TYandexCloudConfig, request: TSerpRequest): Promise<TSerpResponse> {
  const body = buildYandexCloudBody(config, request);
  return collectPages({
    providerName: YANDEX_CLOUD,
    depth: request.depth,
    pages: 1,
    signal: ctx.signal,
    fetchPage: async () => {
      const res = await ctx.fetch(yandexSearchUrl(config), {
        method: "POST",
        headers: yandexCloudHeaders(config),
        body: JSON.stringify(body),
        signal: ctx.signal,
      });
      assertYandexCloudOk(res, ctx.now);
      if (config.mode === "sync") return readPage(ctx, config, request, rawDataOf(requireJson(res, YANDEX_CLOUD)));
      const submitted = readOperation(res);
      const rawData = submitted.done ? submitted.rawData : await waitForOperation(ctx, config, submitted.id);
      return { ...readPage(ctx, config, request, rawData), requestId: submitted.id };
    },
  });
}

async function waitForOperation(ctx: TSerpProviderContext, config: TYandexCloudConfig, id: string): Promise<string> {
  const options = { providerName: YANDEX_CLOUD, id: `operation ${id}`, intervalMs: config.pollIntervalSeconds * 1000, maxWaitMs: config.maxWaitMinutes * 60_000 };
  return pollUntilReady(ctx, options, async () => {
    const res = await ctx.fetch(yandexOperationUrl(config, id), { headers: yandexCloudHeaders(config), signal: ctx.signal });
    assertYandexCloudOk(res, ctx.now);
    const operation = readOperation(res);
    return operation.done ? operation.rawData : undefined;
  });
}

function readPage(ctx: TSerpProviderContext, config: TYandexCloudConfig, request: TSerpRequest, raw: string): TSerpPage {
  if (config.format === "xml") return { ...readYandexXml(raw, { providerName: YANDEX_CLOUD, groupsOnPage: request.depth }), raw };
  const { items, empty } = itemsFromHtml(ctx, "yandex", raw, YANDEX_CLOUD);
  // A rendered page does not say whether the engine has more; only a page saying "nothing found" does.
  return { items, isLast: empty, html: raw, raw };
}

export const yandexCloudProviderDefinition: TSerpProvider<TYandexCloudConfig> = {
  id: "yandex_cloud",
  title: { en: "Yandex Search API (Yandex Cloud)", ru: "Yandex Search API (Yandex Cloud)" },
  engines: ["yandex"],
  devices: ["desktop", "mobile"],
  configSchema: yandexCloudConfigSchema,
  secretFields: ["apiKey"],
  // 10 synchronous requests a second (search-api-limits.md).
  rateLimit: { limit: 10, intervalMs: 1000 },
  requestsFor: () => 1,
  search: searchYandexCloud,
};

export const yandexCloudProvider = defineSerpProvider(yandexCloudProviderDefinition);
