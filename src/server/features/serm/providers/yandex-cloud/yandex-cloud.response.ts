import { SerpProviderError, type TSerpErrorKind } from "../provider.ts";
import { type TAnswer, jsonOf, recordOf, requireJson, retryAfterOf, shortText } from "../provider-http.ts";

/**
 * Yandex Cloud answers: `{"rawData": "<base64>"}` for a search, an Operation for a deferred one
 * (`{"id", "done", "response": {"@type": "…WebSearchResponse", "rawData"}}` or `{"done", "error"}`),
 * and errors as google.rpc.Status (`{"code": 16, "message": "…", "details": […]}`) with the HTTP
 * status of the gRPC code (api-design-guide/concepts/errors.md).
 */
export const YANDEX_CLOUD = "Yandex Search API";

/** gRPC status codes → kinds. */
const GRPC_KINDS: Readonly<Record<number, TSerpErrorKind>> = {
  1: "upstream", // CANCELLED
  2: "upstream", // UNKNOWN
  3: "bad_request", // INVALID_ARGUMENT
  4: "upstream", // DEADLINE_EXCEEDED
  5: "bad_request", // NOT_FOUND (a folder or operation that does not exist)
  7: "auth", // PERMISSION_DENIED (no search-api.webSearch.user role)
  8: "rate_limited", // RESOURCE_EXHAUSTED
  9: "bad_request", // FAILED_PRECONDITION
  11: "bad_request", // OUT_OF_RANGE
  12: "bad_request", // UNIMPLEMENTED
  13: "upstream", // INTERNAL
  14: "upstream", // UNAVAILABLE
  16: "auth", // UNAUTHENTICATED
};

const HTTP_KINDS: Readonly<Record<number, TSerpErrorKind>> = { 400: "bad_request", 401: "auth", 403: "auth", 404: "bad_request", 429: "rate_limited" };

/** Request fields as Yandex names them in messages and field violations → ours. */
const FIELD_HINTS: readonly [RegExp, string][] = [
  [/query[_.]?text|querytext/i, "query"],
  [/folder/i, "folderId"],
  [/region/i, "region"],
  [/l10n/i, "lang"],
  [/user[_.]?agent/i, "device"],
  [/groups[_.]?on[_.]?page/i, "depth"],
  [/search[_.]?type/i, "searchType"],
];

/** Throws the classified error of any answer but 200. */
export function assertYandexCloudOk(res: TAnswer, now: Date): void {
  if (res.status === 200) return;
  const status = recordOf(jsonOf(res));
  const code = typeof status?.code === "number" ? status.code : undefined;
  const message = typeof status?.message === "string" ? status.message : "";
  const kind = (code !== undefined ? GRPC_KINDS[code] : undefined) ?? HTTP_KINDS[res.status] ?? "upstream";
  throw rpcError(kind, `HTTP ${res.status}`, message, { code, details: status?.details, retryAfterSeconds: retryAfterOf(res, now) });
}

/** The decoded `rawData` of a WebSearchResponse (XML or HTML, UTF-8). */
export function rawDataOf(response: unknown): string {
  const rawData = recordOf(response)?.rawData;
  if (typeof rawData !== "string" || rawData === "") throw new SerpProviderError("markup_changed", `${YANDEX_CLOUD}: the answer has no rawData`);
  return Buffer.from(rawData, "base64").toString("utf8");
}

export type TYandexOperation = { id: string } & ({ done: false } | { done: true; rawData: string });

/** An Operation; a finished one with an `error` throws it. */
export function readOperation(res: TAnswer): TYandexOperation {
  const operation = recordOf(requireJson(res, YANDEX_CLOUD));
  const id = operation?.id;
  if (!operation || typeof id !== "string" || id === "") throw new SerpProviderError("markup_changed", `${YANDEX_CLOUD}: the answer is not an Operation`);
  const error = recordOf(operation.error);
  if (error) {
    const code = typeof error.code === "number" ? error.code : undefined;
    const kind = (code !== undefined ? GRPC_KINDS[code] : undefined) ?? "upstream";
    throw rpcError(kind, `operation ${id} failed`, typeof error.message === "string" ? error.message : "", { code, details: error.details });
  }
  if (operation.done !== true) return { id, done: false };
  return { id, done: true, rawData: rawDataOf(operation.response) };
}

function rpcError(
  kind: TSerpErrorKind,
  what: string,
  message: string,
  extra: { code?: number; details?: unknown; retryAfterSeconds?: number },
): SerpProviderError {
  const field = kind === "bad_request" ? fieldOf(message, extra.details) : undefined;
  const text = `${YANDEX_CLOUD}: ${what}${message ? ` (${shortText(message)})` : ""}`;
  return new SerpProviderError(kind, text, {
    field,
    providerCode: extra.code !== undefined ? String(extra.code) : undefined,
    retryAfterSeconds: kind === "rate_limited" ? extra.retryAfterSeconds : undefined,
  });
}

/** google.rpc.BadRequest field violations first, then the message's wording. */
function fieldOf(message: string, details: unknown): string | undefined {
  const names: string[] = [];
  for (const detail of Array.isArray(details) ? details : []) {
    const violations = recordOf(detail)?.fieldViolations;
    for (const v of Array.isArray(violations) ? violations : []) {
      const name = recordOf(v)?.field;
      if (typeof name === "string") names.push(name);
    }
  }
  for (const text of [...names, message]) {
    const hit = FIELD_HINTS.find(([pattern]) => pattern.test(text));
    if (hit) return hit[1];
  }
  return undefined;
}
