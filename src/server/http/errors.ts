import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, type TErrorCode } from "../lib/errors.ts";
import type { THonoEnv } from "./env.ts";

export type TErrorBody = { error: { code: TErrorCode; message: string; fields?: { path: string; message: string }[] } };

const HTTP_CODES: Partial<Record<number, TErrorCode>> = {
  400: "validation_failed",
  401: "unauthenticated",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/** The single mapping from errors to responses; stack traces stay in the log. */
export const onError: ErrorHandler<THonoEnv> = (error, c) => {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof HTTPException && HTTP_CODES[error.status])
    appError = new AppError(HTTP_CODES[error.status] ?? "internal", error.message || "Bad request");
  else {
    c.get("logger")?.error({ err: error }, "unhandled error");
    appError = new AppError("internal", "Internal error; it has been logged");
  }
  if (appError.extra.retryAfterSeconds) c.header("Retry-After", String(appError.extra.retryAfterSeconds));
  const body: TErrorBody = {
    error: { code: appError.code, message: appError.message, ...(appError.extra.fields ? { fields: appError.extra.fields } : {}) },
  };
  return c.json(body, appError.status);
};
