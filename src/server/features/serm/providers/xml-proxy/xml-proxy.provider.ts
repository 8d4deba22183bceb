import { collectPages } from "../collect-pages.ts";
import { defineSerpProvider } from "../define-provider.ts";
import type { TSerpProvider, TSerpProviderContext, TSerpRequest, TSerpResponse } from "../provider.ts";
import { type TXmlProxyConfig, xmlProxyConfigSchema } from "./xml-proxy.config.ts";
import { groupsPerCall, xmlProxyUrl } from "./xml-proxy.request.ts";
import { XML_PROXY, readXmlProxyPage } from "./xml-proxy.response.ts";

/**
 * Yandex results through an XML proxy (SERM.md §5, "Russian XML proxies"): pages of ten for a
 * live SERP, or the whole depth in one call through `groupby`. XMLRiver's non-organic blocks
 * (`<contenttype>video</contenttype>`) are not results and take no position.
 */
export async function searchXmlProxy(ctx: TSerpProviderContext, config: TXmlProxyConfig, request: TSerpRequest): Promise<TSerpResponse> {
  const groups = groupsPerCall(config, request.depth);
  return collectPages({
    providerName: XML_PROXY,
    depth: request.depth,
    pages: Math.ceil(request.depth / groups),
    signal: ctx.signal,
    fetchPage: async (index) => {
      const res = await ctx.fetch(xmlProxyUrl(config, request, index), { headers: { accept: "application/xml, text/xml" }, signal: ctx.signal });
      return { ...readXmlProxyPage(res, ctx.now, groups), raw: res.text() };
    },
  });
}

export const xmlProxyProviderDefinition: TSerpProvider<TXmlProxyConfig> = {
  id: "yandex_xml_proxy",
  title: { en: "Yandex XML proxy (xmlstock, XMLRiver)", ru: "Прокси Яндекс XML (xmlstock, XMLRiver)" },
  engines: ["yandex"],
  devices: ["desktop", "mobile"],
  configSchema: xmlProxyConfigSchema,
  secretFields: ["key"],
  // The services publish no per-second figure; a few calls a second is what their clients use.
  rateLimit: { limit: 5, intervalMs: 1000 },
  requestsFor: (config, request) => Math.ceil(request.depth / groupsPerCall(config, request.depth)),
  search: searchXmlProxy,
};

export const xmlProxyProvider = defineSerpProvider(xmlProxyProviderDefinition);
