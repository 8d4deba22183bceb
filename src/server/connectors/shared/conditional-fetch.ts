import { parseRetryAfter } from "../../lib/backoff.ts";
import type { TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { ConnectorError, type TConnectorContext } from "../connector.ts";

/**
 * One GET of a polled document with If-None-Match / If-Modified-Since, and the HTTP status
 * mapped to what the pipeline acts on. Shared by the feed and web-page connectors.
 */
export type TValidators = { etag?: string; lastModified?: string };

export type TConditionalResult =
  | { notModified: true; validators: TValidators }
  | { notModified: false; response: TGuardedResponse; validators: TValidators };

export async function fetchConditional(
  ctx: TConnectorContext,
  url: string,
  validators: TValidators,
  accept: string,
): Promise<TConditionalResult> {
  const headers: Record<string, string> = { accept };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  const response = await ctx.fetch(url, { headers, signal: ctx.signal });
  const fresh = validatorsOf(response);
  if (response.status === 304) {
    return { notModified: true, validators: { etag: fresh.etag ?? validators.etag, lastModified: fresh.lastModified ?? validators.lastModified } };
  }
  if (response.status < 200 || response.status > 299) throw errorForStatus(response, ctx.now);
  return { notModified: false, response, validators: fresh };
}

function validatorsOf(response: TGuardedResponse): TValidators {
  const out: TValidators = {};
  const etag = response.headers.get("etag");
  const lastModified = response.headers.get("last-modified");
  if (etag) out.etag = etag;
  if (lastModified) out.lastModified = lastModified;
  return out;
}

/** 429/503 → rate_limited (with Retry-After), 401/403 → auth, 404/410 → not_found, else upstream. */
export function errorForStatus(response: Pick<TGuardedResponse, "status" | "headers" | "url">, now: Date): ConnectorError {
  const { status } = response;
  const host = hostOf(response.url);
  if (status === 429 || status === 503) {
    const seconds = parseRetryAfter(response.headers.get("retry-after"), now);
    const wait = seconds === undefined ? "" : `; it asked to wait ${seconds} s`;
    return new ConnectorError("rate_limited", `${host} answered HTTP ${status}${wait}`, seconds);
  }
  if (status === 401 || status === 403) {
    return new ConnectorError("auth", `${host} refused access (HTTP ${status}): the page may need a login, or it blocks bots`);
  }
  if (status === 404 || status === 410) {
    return new ConnectorError("not_found", `${host} answered HTTP ${status}: the address no longer exists; check the URL`);
  }
  return new ConnectorError("upstream", `${host} answered HTTP ${status}`);
}

/** Host only: the message is shown to people and a URL may carry a token. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the site";
  }
}
