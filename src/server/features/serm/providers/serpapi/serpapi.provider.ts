import { type TSerpPage, collectPages } from "../collect-pages.ts";
import { defineSerpProvider } from "../define-provider.ts";
import type { TSerpProvider, TSerpProviderContext, TSerpRequest, TSerpResponse } from "../provider.ts";
import { type TSerpApiConfig, serpApiConfigSchema } from "./serpapi.config.ts";
import { SERPAPI_PAGE_SIZE, serpApiUrl } from "./serpapi.request.ts";
import { SERPAPI, readSerpApiPage } from "./serpapi.response.ts";

/**
 * SerpApi (SERM.md §5): Google, Bing and Yandex, ten results a call, so a top-20 is two calls.
 * With `keepHtml`, the first page's archived HTML (`raw_html_file`, free to download) comes back
 * for the snapshot; failing to get it does not fail the search.
 */
export async function searchSerpApi(ctx: TSerpProviderContext, config: TSerpApiConfig, request: TSerpRequest): Promise<TSerpResponse> {
  return collectPages({
    providerName: SERPAPI,
    depth: request.depth,
    pages: Math.ceil(request.depth / SERPAPI_PAGE_SIZE),
    signal: ctx.signal,
    fetchPage: async (index) => {
      const res = await ctx.fetch(serpApiUrl(config, request, index), { headers: { accept: "application/json" }, signal: ctx.signal });
      ctx.logger.debug({ provider: "serpapi", engine: request.engine, page: index, status: res.status }, "serpapi page");
      const { rawHtmlFile, ...read } = readSerpApiPage(res, ctx.now);
      const page = { ...read, raw: res.text() };
      if (index === 0 && config.keepHtml && rawHtmlFile) return withHtml(ctx, page, rawHtmlFile);
      return page;
    },
  });
}

async function withHtml(ctx: TSerpProviderContext, page: TSerpPage, url: string): Promise<TSerpPage> {
  try {
    const res = await ctx.fetch(url, { headers: { accept: "text/html" }, signal: ctx.signal });
    if (res.status === 200) return { ...page, html: res.text() };
    ctx.logger.warn({ provider: "serpapi", status: res.status }, "serpapi: the archived HTML could not be downloaded");
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    ctx.logger.warn({ provider: "serpapi", err: error }, "serpapi: the archived HTML could not be downloaded");
  }
  return page;
}

export const serpApiProviderDefinition: TSerpProvider<TSerpApiConfig> = {
  id: "serpapi",
  title: { en: "SerpApi", ru: "SerpApi" },
  engines: ["google", "bing", "yandex"],
  devices: ["desktop", "mobile"],
  configSchema: serpApiConfigSchema,
  secretFields: ["apiKey"],
  // Plans allow from 1 to 15+ searches a second; one a second suits every plan.
  rateLimit: { limit: 1, intervalMs: 1000 },
  requestsFor: (_config, request) => Math.ceil(request.depth / SERPAPI_PAGE_SIZE),
  search: searchSerpApi,
};

export const serpApiProvider = defineSerpProvider(serpApiProviderDefinition);
