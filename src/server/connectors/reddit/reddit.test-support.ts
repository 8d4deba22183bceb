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

/**
 * Every JSON path of a value with the types seen there (`a.b[].c` → {"number"}), to hold our
 * invented fixtures to the shape of real recordings.
 */
export function jsonShape(value: unknown, path = "", out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  if (path) out.set(path, (out.get(path) ?? new Set()).add(type));
  if (Array.isArray(value)) for (const v of value) jsonShape(v, `${path}[]`, out);
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) jsonShape(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** Paths present in both whose types never agree (null aside): what our fixture gets wrong. */
export function shapeConflicts(ours: unknown, real: unknown): string[] {
  const a = jsonShape(ours);
  const b = jsonShape(real);
  const conflicts: string[] = [];
  for (const [path, types] of a) {
    const theirs = b.get(path);
    if (!theirs) continue;
    const mine = [...types].filter((t) => t !== "null");
    const known = [...theirs].filter((t) => t !== "null");
    if (mine.length > 0 && known.length > 0 && !mine.some((t) => known.includes(t))) conflicts.push(`${path}: ours ${mine.join("|")}, real ${known.join("|")}`);
  }
  return conflicts;
}
