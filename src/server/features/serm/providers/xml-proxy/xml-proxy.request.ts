import { SerpProviderError, type TSerpRequest } from "../provider.ts";
import type { TXmlProxyConfig } from "./xml-proxy.config.ts";

/**
 * `GET <endpoint>?user=&key=&query=&lr=&l10n=&filter=&groupby=attr=d.mode=deep.groups-on-page=N.
 * docs-in-group=1&page=&device=` (xmlstock.com/?do=help-yaxml-params). The key travels in the
 * query string, as these services require: the URL is never logged or put in a message.
 */
export const XML_PROXY_PAGE_SIZE = 10;
const QUERY_MAX_CHARS = 400;
const QUERY_MAX_WORDS = 40;
const L10N = new Set(["ru", "uk", "be", "kk", "tr", "en"]);

export function groupsPerCall(config: TXmlProxyConfig, depth: number): number {
  return config.pagination === "groupby" ? depth : XML_PROXY_PAGE_SIZE;
}

export function xmlProxyUrl(config: TXmlProxyConfig, request: TSerpRequest, page: number): string {
  const query = request.query.trim();
  if (query.length > QUERY_MAX_CHARS || query.split(/\s+/).length > QUERY_MAX_WORDS) {
    throw new SerpProviderError("bad_request", `Yandex XML accepts up to ${QUERY_MAX_WORDS} words and ${QUERY_MAX_CHARS} characters`, { field: "query" });
  }
  const region = request.region.code.trim();
  if (!/^\d+$/.test(region)) throw new SerpProviderError("bad_request", "a Yandex region is a numeric lr id, such as 213 for Moscow", { field: "region" });
  const url = new URL(config.endpoint);
  const groups = groupsPerCall(config, request.depth);
  const params = url.searchParams;
  params.set("user", config.user);
  params.set("key", config.key);
  params.set("query", query);
  params.set("lr", region);
  if (request.lang) {
    const lang = request.lang.toLowerCase();
    if (!L10N.has(lang)) throw new SerpProviderError("bad_request", `Yandex has no interface language "${request.lang}"`, { field: "lang" });
    params.set("l10n", lang);
  }
  params.set("filter", config.filter);
  params.set("groupby", `attr=d.mode=deep.groups-on-page=${groups}.docs-in-group=1`);
  if (config.pagination === "pages") params.set("page", String(page + config.firstPage));
  params.set("device", request.device);
  return url.toString();
}
