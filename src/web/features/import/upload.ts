import { ApiError, toApiError } from "../../api/api-error.ts";
import { seg } from "../../api/client.ts";
import { getCsrfToken, setCsrfToken } from "../../api/csrf.ts";
import type { TSession } from "../../api/types.ts";
import type { TImportOptions, TImportSummary, TInspection } from "./types.ts";

/**
 * The import routes take the file itself as the body (application/octet-stream), not JSON, so
 * they get their own small fetch: same cookie, same CSRF header, one retry with a fresh token.
 */
function importUrl(brandId: string, step: "preview" | "import", file: File, options: TImportOptions): string {
  const params = new URLSearchParams({ filename: file.name });
  if (options.preset) params.set("preset", options.preset);
  if (options.tz) params.set("tz", options.tz);
  if (options.mapping) params.set("mapping", JSON.stringify(options.mapping));
  if (options.dryRun) params.set("dryRun", "true");
  return `/api/brands/${seg(brandId)}/import${step === "preview" ? "/preview" : ""}?${params.toString()}`;
}

async function send(url: string, file: File): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/octet-stream" };
  const csrf = getCsrfToken();
  if (csrf) headers["X-CSRF-Token"] = csrf;
  try {
    return await fetch(url, { method: "POST", headers, credentials: "same-origin", body: file });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
}

async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function refreshCsrf(): Promise<boolean> {
  const response = await fetch("/api/auth/session", { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok) return false;
  const body = (await json(response)) as TSession | undefined;
  setCsrfToken(body?.csrfToken ?? null);
  return Boolean(body?.csrfToken);
}

async function upload<T>(url: string, file: File): Promise<T> {
  let response = await send(url, file);
  let body = await json(response);
  if (response.status === 403 && toApiError(response, body).code === "csrf_failed" && (await refreshCsrf())) {
    response = await send(url, file);
    body = await json(response);
  }
  if (!response.ok) throw toApiError(response, body);
  return body as T;
}

export const previewImport = (brandId: string, file: File, options: TImportOptions = {}) =>
  upload<TInspection>(importUrl(brandId, "preview", file, options), file);

export const runImport = (brandId: string, file: File, options: TImportOptions = {}) =>
  upload<TImportSummary>(importUrl(brandId, "import", file, options), file);
