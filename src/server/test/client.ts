import type { THttpApp } from "../http/app.ts";

export type TResponse<T = unknown> = { status: number; body: T; headers: Headers };

/** A signed-in API caller for tests: keeps its cookie and CSRF token like the browser would. */
export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(private readonly http: THttpApp) {}

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<TResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers["content-type"] ??= "application/json";
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== "GET") headers["x-csrf-token"] ??= this.csrfToken;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const response = await this.http.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    const session = setCookie?.match(/repute_session=([^;]*)/)?.[1];
    if (session !== undefined) this.cookie = session ? `repute_session=${session}` : undefined;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    if (parsed && typeof parsed === "object" && "csrfToken" in parsed && typeof parsed.csrfToken === "string")
      this.csrfToken = parsed.csrfToken;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body);
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("PUT", path, body);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>("DELETE", path);
  }
}
