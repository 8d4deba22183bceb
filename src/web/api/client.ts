import { ApiError, toApiError } from "./api-error.ts";
import { getCsrfToken, setCsrfToken } from "./csrf.ts";
import type { TSession } from "./types.ts";

type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type TRequestOptions = {
  body?: unknown;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
};

function buildUrl(path: string, query: TRequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== "") params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send(method: TMethod, path: string, options: TRequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const csrf = getCsrfToken();
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
}

/** Fetches a fresh CSRF token from the session; false when there is no session any more. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send("GET", "/api/auth/session", {});
  if (!response.ok) return false;
  const body = (await readJson(response)) as TSession | undefined;
  setCsrfToken(body?.csrfToken ?? null);
  return Boolean(body?.csrfToken);
}

/**
 * One call to the API. Same-origin cookies, the CSRF header on mutations, errors parsed once
 * into ApiError. A mutation refused for a stale CSRF token is retried once with a fresh one.
 */
export async function apiRequest<T>(method: TMethod, path: string, options: TRequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (!response.ok && response.status === 403 && method !== "GET") {
    const body = await readJson(response.clone());
    const error = toApiError(response, body);
    if (error.code === "csrf_failed" && (await refreshCsrfToken())) response = await send(method, path, options);
  }
  const body = await readJson(response);
  if (!response.ok) throw toApiError(response, body);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: TRequestOptions["query"], signal?: AbortSignal) =>
    apiRequest<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, { body }),
  delete: (path: string) => apiRequest<void>("DELETE", path),
};

/** Path segment escaping for ids and tokens. */
export const seg = (value: string): string => encodeURIComponent(value);
