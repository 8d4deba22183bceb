import { SerpProviderError, type TSerpRequest } from "../provider.ts";
import { trimBase } from "../provider-http.ts";
import type { TBraveConfig } from "./brave.config.ts";

/**
 * `GET /res/v1/web/search?q=&count=&offset=0&country=&search_lang=&safesearch=&result_filter=web
 * &text_decorations=false&spellcheck=false`: web results only, no highlighting markup in the
 * snippets, and the query exactly as written.
 */
export const BRAVE_MAX_COUNT = 20;

export function braveUrl(config: TBraveConfig, request: TSerpRequest): string {
  const country = request.region.code.trim();
  if (!/^[a-z]{2}$/i.test(country)) throw new SerpProviderError("bad_request", "a Brave region is a two-letter country code, such as ru or us", { field: "region" });
  const params = new URLSearchParams({
    q: request.query.trim(),
    count: String(Math.min(request.depth, BRAVE_MAX_COUNT)),
    offset: "0",
    country: country.toUpperCase(),
    safesearch: config.safesearch,
    result_filter: "web",
    text_decorations: "false",
    spellcheck: "false",
  });
  if (request.lang) params.set("search_lang", request.lang.toLowerCase());
  return `${trimBase(config.baseUrl)}/res/v1/web/search?${params.toString()}`;
}

export const braveHeaders = (config: TBraveConfig): Record<string, string> => ({ accept: "application/json", "x-subscription-token": config.apiKey });

/** Brave's parameter names (validation `loc`) → the field a person can change. */
export const BRAVE_FIELDS: Readonly<Record<string, string>> = {
  q: "query",
  count: "depth",
  offset: "depth",
  country: "region",
  search_lang: "lang",
  ui_lang: "lang",
  safesearch: "safesearch",
  "x-subscription-token": "apiKey",
};
