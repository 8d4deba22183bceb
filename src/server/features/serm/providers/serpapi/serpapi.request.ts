import { SerpProviderError, type TSerpRequest } from "../provider.ts";
import { trimBase } from "../provider-http.ts";
import type { TSerpApiConfig } from "./serpapi.config.ts";

/**
 * `GET /search.json?engine=…&api_key=…`, one page of ten per call:
 * - google: `q`, `gl` (country), `hl`, `location`, `google_domain`, `start` = 10·page;
 * - bing: `q`, `cc` (country), `location`, `count` = 10, `first` = 10·page + 1;
 * - yandex: `text`, `lr` (region id), `lang`, `yandex_domain`, `p` = page.
 * `device` is common to all engines. The key travels in the query string, as SerpApi requires:
 * the URL is never logged or put in a message.
 */
export const SERPAPI_PAGE_SIZE = 10;

export function serpApiUrl(config: TSerpApiConfig, request: TSerpRequest, page: number): string {
  const params = new URLSearchParams({ engine: request.engine });
  const region = request.region.code.trim();
  const location = request.region.location?.trim();
  if (request.engine === "yandex") {
    if (!/^\d+$/.test(region)) throw new SerpProviderError("bad_request", "a Yandex region is a numeric lr id, such as 213 for Moscow", { field: "region" });
    params.set("text", request.query.trim());
    params.set("lr", region);
    params.set("yandex_domain", config.yandexDomain);
    if (request.lang) params.set("lang", request.lang.toLowerCase());
    if (page > 0) params.set("p", String(page));
  } else {
    if (!/^[a-z]{2}$/i.test(region)) {
      throw new SerpProviderError("bad_request", `a ${request.engine} region is a two-letter country code, such as ru or us`, { field: "region" });
    }
    params.set("q", request.query.trim());
    if (location) params.set("location", location);
    if (request.engine === "google") {
      params.set("gl", region.toLowerCase());
      if (request.lang) params.set("hl", request.lang.toLowerCase());
      if (config.googleDomain) params.set("google_domain", config.googleDomain);
      if (page > 0) params.set("start", String(page * SERPAPI_PAGE_SIZE));
    } else {
      params.set("cc", region.toLowerCase());
      params.set("count", String(SERPAPI_PAGE_SIZE));
      if (page > 0) params.set("first", String(page * SERPAPI_PAGE_SIZE + 1));
    }
  }
  params.set("device", request.device);
  if (config.noCache) params.set("no_cache", "true");
  params.set("api_key", config.apiKey);
  return `${trimBase(config.baseUrl)}/search.json?${params.toString()}`;
}

/** SerpApi's parameter names → the request field a person can change. */
export const SERPAPI_FIELDS: Readonly<Record<string, string>> = {
  q: "query",
  text: "query",
  gl: "region",
  cc: "region",
  lr: "region",
  location: "region",
  hl: "lang",
  lang: "lang",
  device: "device",
  start: "depth",
  first: "depth",
  count: "depth",
  p: "depth",
  api_key: "apiKey",
  google_domain: "googleDomain",
  yandex_domain: "yandexDomain",
};
