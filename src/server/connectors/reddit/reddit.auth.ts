import { createHash } from "node:crypto";
import { ConnectorError, type TConnectorContext } from "../connector.ts";
import { assertRedditOk, redditJson } from "./reddit.api.ts";
import { type TRedditConfig, redditUserAgent } from "./reddit.config.ts";
import { redditTokenSchema } from "./reddit.types.ts";

/**
 * App-only OAuth (client_credentials): a bearer token for reading, asked for with the app's id
 * and secret. Tokens live in this process's memory only — never in the cursor, which is stored —
 * until a minute before they expire, or until Reddit refuses one.
 */
type TCached = { token: string; expiresAt: number };
const cache = new Map<string, TCached>();

/** Without expires_in, Reddit's usual day. */
const DEFAULT_LIFETIME_SECONDS = 24 * 60 * 60;
const MARGIN_MS = 60_000;

type TCredentials = Pick<TRedditConfig, "authUrl" | "userAgentContact"> & { clientId: string; clientSecret: string };

const cacheKey = (c: TCredentials): string => createHash("sha256").update(`${c.authUrl}\n${c.clientId}\n${c.clientSecret}`).digest("hex");

export async function redditAppToken(ctx: TConnectorContext, credentials: TCredentials): Promise<string> {
  const key = cacheKey(credentials);
  const cached = cache.get(key);
  if (cached && cached.expiresAt > ctx.now.getTime()) return cached.token;

  const url = `${credentials.authUrl.replace(/\/+$/, "")}/api/v1/access_token`;
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64");
  const res = await ctx.fetch(url, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "user-agent": redditUserAgent(credentials.userAgentContact), accept: "application/json" },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
    signal: ctx.signal,
  });
  assertRedditOk(res, "token", ctx.now);
  const parsed = redditTokenSchema.safeParse(redditJson(res, "token"));
  // Reddit answers a wrong secret or grant with 200 and {"error": "invalid_grant"} at times.
  if (!parsed.success) throw new ConnectorError("auth", "Reddit token: the app's client id or secret was refused");
  const lifetime = (parsed.data.expires_in ?? DEFAULT_LIFETIME_SECONDS) * 1000;
  cache.set(key, { token: parsed.data.access_token, expiresAt: ctx.now.getTime() + lifetime - MARGIN_MS });
  return parsed.data.access_token;
}

/** Drops a token Reddit refused, so the next call asks for a new one. */
export function forgetRedditAppToken(credentials: TCredentials): void {
  cache.delete(cacheKey(credentials));
}
