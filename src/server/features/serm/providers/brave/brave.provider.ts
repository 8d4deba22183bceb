import { collectPages } from "../collect-pages.ts";
import { defineSerpProvider } from "../define-provider.ts";
import type { TSerpProvider, TSerpProviderContext, TSerpRequest, TSerpResponse } from "../provider.ts";
import { type TBraveConfig, braveConfigSchema } from "./brave.config.ts";
import { braveHeaders, braveUrl } from "./brave.request.ts";
import { BRAVE, readBravePage } from "./brave.response.ts";

/** Brave Search API web results (SERM.md §5): up to 20 in one call, Brave's own ranking. */
export async function searchBrave(ctx: TSerpProviderContext, config: TBraveConfig, request: TSerpRequest): Promise<TSerpResponse> {
  return collectPages({
    providerName: BRAVE,
    depth: request.depth,
    pages: 1,
    signal: ctx.signal,
    fetchPage: async () => {
      const res = await ctx.fetch(braveUrl(config, request), { headers: braveHeaders(config), signal: ctx.signal });
      return { ...readBravePage(res, ctx.now), raw: res.text() };
    },
  });
}

export const braveProviderDefinition: TSerpProvider<TBraveConfig> = {
  id: "brave",
  title: { en: "Brave Search API", ru: "Brave Search API" },
  engines: ["brave"],
  // The API has no device parameter: its results are the desktop ones.
  devices: ["desktop"],
  configSchema: braveConfigSchema,
  secretFields: ["apiKey"],
  // The old free plan allowed one request a second; paid plans allow 50.
  rateLimit: { limit: 1, intervalMs: 1000 },
  requestsFor: () => 1,
  search: searchBrave,
};

export const braveProvider = defineSerpProvider(braveProviderDefinition);
