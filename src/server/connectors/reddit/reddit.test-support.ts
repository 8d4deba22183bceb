import type { TReplayRequest, TReplayResponse } from "../test-kit.ts";
import { type TRedditConfig, redditConfigSchema } from "./reddit.config.ts";

/** Shared by the Reddit tests. */
export const CLIENT_ID = "northwind-client-id";
export const CLIENT_SECRET = "northwind-client-secret-9f8e7d6c";
export const APP_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vcnRod2luZCJ9.app-only-northwind-token";
/** testConnectorContext's clock, 2026-11-20T12:00:00Z, in unix seconds. */
export const NOW = 1795176000;

export function oauthConfig(baseUrl: string, extra: Partial<TRedditConfig> = {}): TRedditConfig {
  return redditConfigSchema.parse({
    query: "Northwind Bank",
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    userAgentContact: "northwind_team",
    baseUrl,
    authUrl: baseUrl,
    ...extra,
  });
}

export function keylessConfig(baseUrl: string, extra: Partial<TRedditConfig> = {}): TRedditConfig {
  return redditConfigSchema.parse({ query: "Northwind Bank", baseUrl, ...extra });
}

export const tokenAnswer: TReplayResponse = {
  body: { access_token: APP_TOKEN, token_type: "bearer", expires_in: 86400, scope: "*" },
};

/** Routes by "METHOD /path"; the token endpoint answers with a token unless overridden. */
export function redditRoutes(routes: Record<string, (req: TReplayRequest) => TReplayResponse>) {
  return (req: TReplayRequest): TReplayResponse => {
    const route = routes[`${req.method} ${req.path}`] ?? (req.path === "/api/v1/access_token" ? () => tokenAnswer : undefined);
    return route ? route(req) : { status: 404, body: { message: "Not Found", error: 404 } };
  };
}

/** Every request but the token's: what the search asked. */
export const searches = (requests: readonly TReplayRequest[]) => requests.filter((r) => r.path !== "/api/v1/access_token");
export const tokenRequests = (requests: readonly TReplayRequest[]) => requests.filter((r) => r.path === "/api/v1/access_token");
