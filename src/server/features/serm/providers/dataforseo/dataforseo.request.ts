import { SerpProviderError, type TSerpRequest } from "../provider.ts";
import { basicAuthorization, trimBase } from "../provider-http.ts";
import type { TDataForSeoConfig } from "./dataforseo.config.ts";

/**
 * One task per call: `[{keyword, location_name | location_code, language_code, device, depth}]`
 * POSTed to `/v3/serp/{engine}/organic/live/advanced`, or to `…/task_post` (with `priority`) and
 * collected from `…/task_get/advanced/{id}`. The location is DataForSEO's own: its name
 * ("Moscow,Moscow,Russia") from `region.location`, or its numeric code for Google and Bing. A
 * Yandex `lr` is not a DataForSEO location code, so Yandex needs the name.
 */
export const DATAFORSEO_KEYWORD_MAX_CHARS = 700;

export type TDataForSeoTask = {
  keyword: string;
  location_name?: string;
  location_code?: number;
  language_code: string;
  device: "desktop" | "mobile";
  depth: number;
  priority?: 1 | 2;
};

export function buildDataForSeoTask(config: TDataForSeoConfig, request: TSerpRequest): TDataForSeoTask {
  const keyword = request.query.trim();
  if (keyword.length > DATAFORSEO_KEYWORD_MAX_CHARS) {
    throw new SerpProviderError("bad_request", `DataForSEO accepts keywords of up to ${DATAFORSEO_KEYWORD_MAX_CHARS} characters`, { field: "query" });
  }
  const language = request.lang ?? config.languageCode;
  if (!language) throw new SerpProviderError("bad_request", "DataForSEO needs the results language", { field: "lang" });
  const task: TDataForSeoTask = { keyword, language_code: language.toLowerCase(), device: request.device, depth: request.depth };
  const location = request.region.location?.trim();
  const code = request.region.code.trim();
  if (location) task.location_name = location;
  else if (/^\d+$/.test(code) && request.engine !== "yandex") task.location_code = Number(code);
  else {
    throw new SerpProviderError("bad_request", "DataForSEO needs its location name (such as Moscow,Moscow,Russia) or location code", {
      field: "region",
    });
  }
  if (config.mode === "standard") task.priority = config.priority === "high" ? 2 : 1;
  return task;
}

export function dataForSeoHeaders(config: TDataForSeoConfig): Record<string, string> {
  return { authorization: basicAuthorization(config.login, config.password), "content-type": "application/json", accept: "application/json" };
}

const serpPath = (config: TDataForSeoConfig, request: TSerpRequest) => `${trimBase(config.baseUrl)}/v3/serp/${request.engine}/organic`;

export const liveUrl = (config: TDataForSeoConfig, request: TSerpRequest) => `${serpPath(config, request)}/live/advanced`;
export const taskPostUrl = (config: TDataForSeoConfig, request: TSerpRequest) => `${serpPath(config, request)}/task_post`;
export const taskGetUrl = (config: TDataForSeoConfig, request: TSerpRequest, id: string) =>
  `${serpPath(config, request)}/task_get/advanced/${encodeURIComponent(id)}`;

/** DataForSEO's field names in "Invalid Field: '…'" → the field a person can change. */
export const DATAFORSEO_FIELDS: Readonly<Record<string, string>> = {
  keyword: "query",
  location_name: "region",
  location_code: "region",
  location_coordinate: "region",
  se_domain: "region",
  language_code: "lang",
  language_name: "lang",
  device: "device",
  os: "device",
  depth: "depth",
  priority: "priority",
};
