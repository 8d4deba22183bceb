/**
 * One error type for everything a client may be told. Anything else becomes `internal` and
 * its details stay in the log.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;
export type TFieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly extra: { fields?: TFieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): (typeof ERROR_STATUS)[TErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Not found"): AppError => new AppError("not_found", what);
export const forbidden = (what = "Not allowed"): AppError => new AppError("forbidden", what);
export const conflict = (what: string): AppError => new AppError("conflict", what);
export const invalid = (path: string, message: string): AppError =>
  new AppError("validation_failed", `${path}: ${message}`, { fields: [{ path, message }] });

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
