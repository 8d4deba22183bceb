export type TApiErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "csrf_failed"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "internal"
  | "unavailable"
  | "network";

export type TFieldError = { path: string; message: string };

const KNOWN_CODES: ReadonlySet<string> = new Set<TApiErrorCode>([
  "validation_failed",
  "unauthenticated",
  "csrf_failed",
  "not_found",
  "forbidden",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "unsupported_media_type",
  "internal",
  "unavailable",
  "network",
]);

/** A failed API call, parsed once from `{error: {code, message, fields}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TApiErrorCode,
    message: string,
    readonly fields: readonly TFieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The server's message for one body field (`email`, `scope.brandId`, …), if any. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseFields(value: unknown): TFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const path = item["path"];
    const message = item["message"];
    if (typeof message !== "string") return [];
    const joined = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : "";
    return [{ path: joined, message }];
  });
}

function codeFromStatus(status: number): TApiErrorCode {
  if (status === 400) return "validation_failed";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status === 503) return "unavailable";
  return "internal";
}

function parseRetryAfter(header: string | null, body: unknown): number | null {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return typeof body === "number" && Number.isFinite(body) ? Math.ceil(body) : null;
}

/** Builds the ApiError for a non-2xx response; `body` is the parsed JSON or undefined. */
export function toApiError(response: Response, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body["error"]) ? body["error"] : undefined;
  const rawCode = error?.["code"];
  const code = typeof rawCode === "string" && KNOWN_CODES.has(rawCode) ? (rawCode as TApiErrorCode) : codeFromStatus(response.status);
  const message = typeof error?.["message"] === "string" ? error["message"] : response.statusText || `HTTP ${response.status}`;
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"), error?.["retryAfterSeconds"]);
  return new ApiError(response.status, code, message, parseFields(error?.["fields"]), retryAfter);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
