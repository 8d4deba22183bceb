import { parseRetryAfter } from "../../../lib/backoff.ts";
import type { TGuardedResponse } from "../../../lib/guarded-fetch.ts";
import { SerpProviderError } from "./provider.ts";

/** Small pieces every provider's answer reader needs. */
export type TAnswer = Pick<TGuardedResponse, "status" | "headers" | "text">;

/** The JSON body, or undefined when there is none or it is not JSON (an HTML error page). */
export function jsonOf(res: Pick<TGuardedResponse, "text">): unknown {
  try {
    return JSON.parse(res.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** The JSON body of an answer that must be JSON: anything else means the provider changed. */
export function requireJson(res: Pick<TGuardedResponse, "text">, providerName: string): unknown {
  const body = jsonOf(res);
  if (body === undefined) throw new SerpProviderError("markup_changed", `${providerName}: the answer is not JSON`);
  return body;
}

/** Seconds from `Retry-After` (delay or HTTP date), if the provider sent it. */
export function retryAfterOf(res: Pick<TGuardedResponse, "headers">, now: Date): number | undefined {
  return parseRetryAfter(res.headers.get("retry-after"), now);
}

export function basicAuthorization(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`, "utf8").toString("base64")}`;
}

/** A field of an object, when the value is an object. */
export function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A provider message cut to a readable length, so a whole HTML page never becomes a message. */
export function shortText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Removes every secret from a text that is about to be shown or logged (belt and braces). */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out;
}

/** The base URL without its trailing slashes, ready for `${base}/path`. */
export const trimBase = (url: string): string => url.replace(/\/+$/, "");
