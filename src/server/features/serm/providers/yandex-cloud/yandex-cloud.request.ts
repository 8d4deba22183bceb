import { SerpProviderError, type TSerpRequest } from "../provider.ts";
import { trimBase } from "../provider-http.ts";
import type { TYandexCloudConfig } from "./yandex-cloud.config.ts";

/**
 * The WebSearchRequest body (REST, camelCase; numbers travel as strings, as int64 does in
 * proto JSON). The whole depth comes back in one call: `groupsOnPage` = depth, one document per
 * group (a group is one place in the results), page 0.
 */
export const YANDEX_QUERY_MAX_CHARS = 400;

/** Yandex ranks for the device named by the User-Agent (operations/v2-mobile.md). */
export const YANDEX_MOBILE_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const LOCALIZATIONS: Readonly<Record<string, string>> = {
  ru: "LOCALIZATION_RU",
  uk: "LOCALIZATION_UK",
  be: "LOCALIZATION_BE",
  kk: "LOCALIZATION_KK",
  tr: "LOCALIZATION_TR",
  en: "LOCALIZATION_EN",
};

export type TYandexCloudBody = {
  query: { searchType: string; queryText: string; familyMode: string; page: string; fixTypoMode: string };
  groupSpec: { groupMode: "GROUP_MODE_DEEP"; groupsOnPage: string; docsInGroup: "1" };
  maxPassages: string;
  region: string;
  l10n?: string;
  folderId: string;
  responseFormat: "FORMAT_XML" | "FORMAT_HTML";
  userAgent?: string;
};

export function buildYandexCloudBody(config: TYandexCloudConfig, request: TSerpRequest): TYandexCloudBody {
  const queryText = request.query.trim();
  if (queryText.length > YANDEX_QUERY_MAX_CHARS) {
    throw new SerpProviderError("bad_request", `Yandex accepts queries of up to ${YANDEX_QUERY_MAX_CHARS} characters`, { field: "query" });
  }
  const region = request.region.code.trim();
  if (!/^\d+$/.test(region)) throw new SerpProviderError("bad_request", "a Yandex region is a numeric lr id, such as 213 for Moscow", { field: "region" });
  const body: TYandexCloudBody = {
    query: { searchType: config.searchType, queryText, familyMode: config.familyMode, page: "0", fixTypoMode: config.fixTypoMode },
    groupSpec: { groupMode: "GROUP_MODE_DEEP", groupsOnPage: String(request.depth), docsInGroup: "1" },
    maxPassages: String(config.maxPassages),
    region,
    folderId: config.folderId,
    responseFormat: config.format === "html" ? "FORMAT_HTML" : "FORMAT_XML",
  };
  if (request.lang) {
    const l10n = LOCALIZATIONS[request.lang.toLowerCase()];
    if (!l10n) throw new SerpProviderError("bad_request", `Yandex has no interface language "${request.lang}"`, { field: "lang" });
    body.l10n = l10n;
  }
  if (request.device === "mobile") body.userAgent = YANDEX_MOBILE_USER_AGENT;
  return body;
}

export function yandexCloudHeaders(config: TYandexCloudConfig): Record<string, string> {
  const scheme = config.authType === "iam_token" ? "Bearer" : "Api-Key";
  return { authorization: `${scheme} ${config.apiKey}`, "content-type": "application/json", accept: "application/json" };
}

export const yandexSearchUrl = (config: TYandexCloudConfig) =>
  `${trimBase(config.baseUrl)}/v2/web/${config.mode === "async" ? "searchAsync" : "search"}`;

export const yandexOperationUrl = (config: TYandexCloudConfig, operationId: string) =>
  `${trimBase(config.operationBaseUrl)}/operations/${encodeURIComponent(operationId)}`;
