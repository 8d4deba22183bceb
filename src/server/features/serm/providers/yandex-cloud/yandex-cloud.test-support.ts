import { readFileSync } from "node:fs";
import type { TReplayRequest, TReplayResponse } from "../../../../connectors/test-kit.ts";
import { type TYandexCloudConfig, yandexCloudConfigSchema } from "./yandex-cloud.config.ts";

/** Shared by the Yandex Search API tests. */
export const API_KEY = "AQVNyandex-cloud-service-account-key-7f3e";
export const FOLDER_ID = "b1gnorthwind0folder42";
export const OPERATION_ID = "sppq8m3rs1northwind4op";

export const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

export function yandexConfig(baseUrl: string, extra: Partial<TYandexCloudConfig> = {}): TYandexCloudConfig {
  return yandexCloudConfigSchema.parse({ apiKey: API_KEY, folderId: FOLDER_ID, baseUrl, operationBaseUrl: baseUrl, ...extra });
}

/** `{"rawData": base64(xml)}`, the WebSearchResponse of a synchronous search. */
export const searchAnswer = (raw: string): TReplayResponse => ({ body: { rawData: Buffer.from(raw, "utf8").toString("base64") } });

export function operation(done: boolean, raw?: string): TReplayResponse {
  const base = {
    id: OPERATION_ID,
    description: "WEB search async",
    createdAt: "2026-11-20T12:00:00Z",
    createdBy: "ajenorthwindserviceacc",
    modifiedAt: done ? "2026-11-20T12:06:12Z" : "2026-11-20T12:00:01Z",
    done,
  };
  if (!done || raw === undefined) return { body: base };
  const response = { "@type": "type.googleapis.com/yandex.cloud.searchapi.v2.WebSearchResponse", rawData: Buffer.from(raw, "utf8").toString("base64") };
  return { body: { ...base, response } };
}

/** A google.rpc.Status error body with the HTTP status of its code. */
export function rpcStatus(status: number, code: number, message: string, headers: Record<string, string> = {}): TReplayResponse {
  return {
    status,
    headers,
    body: { code, message, details: [{ "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId: "e38e71c3-adc6-4584-98a4-b0f103d55f61" }] },
  };
}

export const bodyOf = (req: TReplayRequest | undefined): Record<string, unknown> => JSON.parse(req?.body ?? "{}") as Record<string, unknown>;
