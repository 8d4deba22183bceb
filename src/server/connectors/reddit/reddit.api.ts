import { parseRetryAfter } from "../../lib/backoff.ts";
import type { TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { ConnectorError } from "../connector.ts";

/**
 * Reddit's HTTP answers → ConnectorErrors, and its rate-limit headers. Tokens travel in the
 * Authorization header only, and no message carries a URL.
 */
export type TRedditRateLimit = { remaining?: number; resetSeconds?: number };

/** `X-Ratelimit-Remaining` (requests left, a float) and `X-Ratelimit-Reset` (seconds to the next window). */
export function readRateLimit(headers: Headers): TRedditRateLimit {
  const number = (name: string) => {
    const value = headers.get(name);
    const n = value === null || value.trim() === "" ? Number.NaN : Number(value);
    return Number.isFinite(n) ? n : undefined;
  };
  const reset = number("x-ratelimit-reset");
  return { remaining: number("x-ratelimit-remaining"), resetSeconds: reset === undefined ? undefined : Math.max(0, Math.ceil(reset)) };
}

/** Subreddits that exist but cannot be read: 403 with one of these `reason`s. */
const UNREADABLE_REASONS = new Set(["private", "banned", "quarantined", "gated"]);

/** Throws the ConnectorError for a non-200 answer; returns nothing when the answer is fine. */
export function assertRedditOk(res: Pick<TGuardedResponse, "status" | "headers" | "text">, what: string, now: Date): void {
  const status = res.status;
  if (status === 200) return;
  if (status === 429) {
    const wait = parseRetryAfter(res.headers.get("retry-after"), now) ?? readRateLimit(res.headers).resetSeconds;
    throw new ConnectorError("rate_limited", `Reddit ${what}: too many requests (HTTP 429)`, wait);
  }
  if (status === 403) {
    const reason = reasonOf(res);
    if (reason && UNREADABLE_REASONS.has(reason)) throw new ConnectorError("not_found", `Reddit ${what}: the subreddit is ${reason}`);
    throw new ConnectorError("auth", `Reddit ${what}: access refused (HTTP 403)`);
  }
  if (status === 401) throw new ConnectorError("auth", `Reddit ${what}: the credentials were refused (HTTP 401)`);
  if (status === 404) throw new ConnectorError("not_found", `Reddit ${what}: not found (HTTP 404)`);
  throw new ConnectorError("upstream", `Reddit ${what}: HTTP ${status}`);
}

/** The JSON body of a 200 answer; anything else (an HTML block page) means Reddit changed what it sends. */
export function redditJson(res: Pick<TGuardedResponse, "json">, what: string): unknown {
  try {
    return res.json();
  } catch {
    throw new ConnectorError("markup_changed", `Reddit ${what}: the answer is not JSON`);
  }
}

function reasonOf(res: Pick<TGuardedResponse, "text">): string | undefined {
  try {
    const body: unknown = JSON.parse(res.text());
    if (typeof body === "object" && body !== null && "reason" in body && typeof body.reason === "string") return body.reason;
  } catch {
    // not JSON: no reason given
  }
  return undefined;
}
