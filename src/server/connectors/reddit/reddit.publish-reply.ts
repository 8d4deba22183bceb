import { createHash } from "node:crypto";
import { parseRetryAfter } from "../../lib/backoff.ts";
import { FetchRefusedError, type TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { ConnectorError, ReplyError, type TConnectorContext, type TReplyResult, type TReplyTarget } from "../connector.ts";
import { type TRedditConfig, redditUserAgent } from "./reddit.config.ts";
import { buildRedditReplyRequest, parseRedditReplyResponse } from "./reddit.reply.ts";
import { redditTokenSchema } from "./reddit.types.ts";

/**
 * The Reddit side of publishing: the brand's account answers a post or comment through
 * `POST /api/comment`. The source keeps a refresh token of that account (`replyRefreshToken`,
 * scope `submit`); an access token is asked for with it (`grant_type=refresh_token`, the app's
 * id and secret as Basic auth) and kept in memory until shortly before it expires. A 401 on the
 * comment drops the token and asks once more; a refused refresh token (`invalid_grant`) is
 * `auth`. Reddit's own errors: RATELIMIT is `rate_limited` with its wait, TOO_LONG and other
 * refusals of the text `text_rejected`, a locked, archived or deleted target `target_gone`.
 */
export const REDDIT_REPLY_MAX_LENGTH = 10_000;

const TEXT_CODES = new Set(["TOO_LONG", "NO_TEXT", "BAD_STRING", "SPAM", "RESTRICTED_DOMAIN", "NO_LINKS"]);
const GONE_CODES = new Set(["THREAD_LOCKED", "DELETED_COMMENT", "DELETED_LINK", "TOO_OLD", "NOT_AUTHOR", "SUBREDDIT_NOTALLOWED", "USER_BLOCKED", "BANNED_FROM_SUBREDDIT"]);

type TCached = { token: string; expiresAt: number };
const tokens = new Map<string, TCached>();
const MARGIN_MS = 60_000;

export async function publishRedditReply(ctx: TConnectorContext, config: TRedditConfig, target: TReplyTarget, text: string): Promise<TReplyResult> {
  const { clientId, clientSecret, replyRefreshToken } = config;
  if (!clientId || !clientSecret || !replyRefreshToken) {
    throw new ReplyError("not_configured", "Reddit: answering needs the app's client id and secret and a refresh token of the brand's account");
  }
  const thingId = target.ref.thing_id;
  if (!thingId || !/^t[13]_[a-z0-9]+$/i.test(thingId)) throw new ReplyError("target_gone", "Reddit: the mention has no post or comment to answer");
  const credentials = { clientId, clientSecret, refreshToken: replyRefreshToken, authUrl: config.authUrl, contact: config.userAgentContact };

  for (let attempt = 1; ; attempt++) {
    const accessToken = await userToken(ctx, credentials);
    const request = buildRedditReplyRequest({ thingId, text, accessToken, baseUrl: config.baseUrl, userAgentContact: config.userAgentContact });
    let res: TGuardedResponse;
    try {
      res = await ctx.fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: ctx.signal, maxRedirects: 0 });
    } catch (error) {
      const message = error instanceof Error ? error.message : "network error";
      if (error instanceof FetchRefusedError && error.code !== "timeout" && error.code !== "network") throw new ReplyError("upstream", `Reddit comment: ${message}`);
      throw new ReplyError("unknown_outcome", `Reddit comment: no answer (${message}); the comment may be out — look before retrying`);
    }
    if (res.status === 401 && attempt === 1) {
      tokens.delete(cacheKey(credentials));
      continue;
    }
    if (res.status === 429) {
      throw new ReplyError("rate_limited", "Reddit comment: too many requests (HTTP 429)", parseRetryAfter(res.headers.get("retry-after"), ctx.now));
    }
    if (res.status >= 500) throw new ReplyError("unknown_outcome", `Reddit comment: HTTP ${res.status}`);
    let body: unknown = null;
    try {
      body = res.json();
    } catch {
      if (res.status === 200) throw new ReplyError("unknown_outcome", "Reddit comment: the answer is not JSON");
    }
    try {
      const created = parseRedditReplyResponse(body, res.status);
      return { externalId: created.name, url: created.permalink };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      throw toReplyError(error, firstErrorCode(body));
    }
  }
}

type TCredentials = { clientId: string; clientSecret: string; refreshToken: string; authUrl: string; contact: string | undefined };

const cacheKey = (c: TCredentials): string => createHash("sha256").update(`${c.authUrl}\n${c.clientId}\n${c.refreshToken}`).digest("hex");

async function userToken(ctx: TConnectorContext, credentials: TCredentials): Promise<string> {
  const key = cacheKey(credentials);
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > ctx.now.getTime()) return cached.token;
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64");
  let res: TGuardedResponse;
  try {
    res = await ctx.fetch(`${credentials.authUrl.replace(/\/+$/, "")}/api/v1/access_token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "user-agent": redditUserAgent(credentials.contact), accept: "application/json" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: credentials.refreshToken }),
      signal: ctx.signal,
      maxRedirects: 0,
    });
  } catch (error) {
    throw new ReplyError("upstream", `Reddit token: ${error instanceof Error ? error.message : "network error"}`);
  }
  if (res.status === 429) throw new ReplyError("rate_limited", "Reddit token: too many requests (HTTP 429)", parseRetryAfter(res.headers.get("retry-after"), ctx.now));
  if (res.status === 401 || res.status === 403) throw new ReplyError("auth", "Reddit token: the app's client id or secret was refused");
  let body: unknown = null;
  try {
    body = res.json();
  } catch {
    // an HTML error page: handled below
  }
  const parsed = redditTokenSchema.safeParse(body);
  if (res.status === 200 && parsed.success) {
    const lifetime = (parsed.data.expires_in ?? 3600) * 1000;
    tokens.set(key, { token: parsed.data.access_token, expiresAt: ctx.now.getTime() + lifetime - MARGIN_MS });
    return parsed.data.access_token;
  }
  // Reddit answers an expired or revoked refresh token with 400 {"error": "invalid_grant"}.
  if (res.status === 400 || (typeof body === "object" && body !== null && "error" in body)) {
    throw new ReplyError("auth", "Reddit token: the refresh token expired or was revoked; connect the brand's Reddit account again");
  }
  throw new ReplyError("upstream", `Reddit token: HTTP ${res.status}`);
}

function toReplyError(error: ConnectorError, code: string | undefined): ReplyError {
  if (code && TEXT_CODES.has(code)) return new ReplyError("text_rejected", error.message);
  if (code && GONE_CODES.has(code)) return new ReplyError("target_gone", error.message);
  switch (error.kind) {
    case "auth":
      return new ReplyError("auth", error.message);
    case "rate_limited":
      return new ReplyError("rate_limited", error.message, error.retryAfterSeconds);
    case "not_found":
      return new ReplyError("target_gone", error.message);
    case "markup_changed":
      return new ReplyError("unknown_outcome", error.message);
    case "upstream":
      return new ReplyError("upstream", error.message);
  }
}

/** `{"json":{"errors":[["TOO_LONG", "…", "text"]]}}` → "TOO_LONG". */
function firstErrorCode(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("json" in body)) return undefined;
  const json = (body as { json: unknown }).json;
  if (typeof json !== "object" || json === null || !("errors" in json)) return undefined;
  const errors = (json as { errors: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const first: unknown = errors[0];
  return Array.isArray(first) && typeof first[0] === "string" ? first[0] : undefined;
}

/** Test support: forget cached tokens. */
export function forgetRedditUserTokens(): void {
  tokens.clear();
}
