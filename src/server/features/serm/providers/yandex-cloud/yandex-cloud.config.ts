import { z } from "zod";

/**
 * Yandex Search API v2 (Yandex Cloud): a service account's API key (or an IAM token) with the
 * `search-api.webSearch.user` role on the folder. Synchronous search answers at once (10 000
 * requests an hour at 10 a second); deferred (async) search is cheaper and takes five minutes or
 * more. XML is read here; HTML is a renderable page for the snapshot, read by the SERP parser.
 */
export const YANDEX_CLOUD_SEARCH_URL = "https://searchapi.api.cloud.yandex.net";
export const YANDEX_CLOUD_OPERATION_URL = "https://operation.api.cloud.yandex.net";

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const yandexCloudConfigSchema = z.strictObject({
  /** The API key (`Authorization: Api-Key …`) or an IAM token (`Bearer …`), per `authType`. */
  apiKey: z.string().trim().min(1, "the API key is required"),
  authType: z.enum(["api_key", "iam_token"]).default("api_key"),
  folderId: z.string().trim().min(1, "the folder id is required").max(50),
  mode: z.enum(["sync", "async"]).default("sync"),
  format: z.enum(["xml", "html"]).default("xml"),
  searchType: z
    .enum(["SEARCH_TYPE_RU", "SEARCH_TYPE_TR", "SEARCH_TYPE_COM", "SEARCH_TYPE_KK", "SEARCH_TYPE_BE", "SEARCH_TYPE_UZ"])
    .default("SEARCH_TYPE_RU"),
  /** Reputation work needs to see everything the engine shows: no family filter by default. */
  familyMode: z.enum(["FAMILY_MODE_NONE", "FAMILY_MODE_MODERATE", "FAMILY_MODE_STRICT"]).default("FAMILY_MODE_NONE"),
  /** The query exactly as written, not Yandex's correction of it. */
  fixTypoMode: z.enum(["FIX_TYPO_MODE_OFF", "FIX_TYPO_MODE_ON"]).default("FIX_TYPO_MODE_OFF"),
  maxPassages: z.number().int().min(1).max(5).default(2),
  /** Deferred mode: how often the operation is checked, and for how long at most. */
  pollIntervalSeconds: z.number().int().min(1).max(3600).default(60),
  maxWaitMinutes: z.number().int().min(1).max(24 * 60).default(30),
  baseUrl: httpUrl.default(YANDEX_CLOUD_SEARCH_URL),
  operationBaseUrl: httpUrl.default(YANDEX_CLOUD_OPERATION_URL),
});

export type TYandexCloudConfig = z.infer<typeof yandexCloudConfigSchema>;
