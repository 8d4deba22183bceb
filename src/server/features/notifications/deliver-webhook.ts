import { randomUUID } from "node:crypto";
import { nextRetryDelay, parseRetryAfter } from "../../lib/backoff.ts";
import { FetchRefusedError, type TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { type THttpDeliveryDeps, defaultFetch, defaultSleep, describeError, isTransientFetchError } from "./delivery-deps.ts";
import type { TNotificationEvent } from "./notification-event.ts";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "./webhook-signature.ts";

/**
 * Outgoing webhooks: a JSON POST `{ id, type, data }` to a URL a user typed in, so through
 * guardedFetch (public addresses only) and without following redirects (a redirected POST
 * would lose its body). Each attempt is signed afresh (see webhook-signature.ts) and carries
 * the same X-Repute-Delivery id, so a receiver can drop repeats.
 *
 * Retried, with full-jitter exponential backoff: 5xx, 408, 429 (after Retry-After, capped),
 * timeouts and network errors. Not retried: any other answer, refused addresses, redirects.
 * Every attempt is reported to `sink` as it ends; the caller stores the log.
 */
export type TWebhookEndpoint = { url: string; secret: string };

export type TWebhookAttemptLog = {
  deliveryId: string;
  /** 1-based. */
  attempt: number;
  startedAt: Date;
  durationMs: number;
  /** delivered: 2xx; retrying: another attempt follows; failed: the last attempt, unsuccessful. */
  outcome: "delivered" | "retrying" | "failed";
  /** The HTTP status, or null when no answer came. */
  responseCode: number | null;
  /** Why the attempt failed; null when delivered. */
  error: string | null;
  /** The start of the answer's body (500 characters at most), for the admin looking at the log. */
  responseExcerpt: string | null;
  /** retrying: how long until the next attempt. */
  nextAttemptInMs: number | null;
};

/** Awaited after every attempt; an error it throws ends the delivery with that error. */
export type TWebhookLogSink = (entry: TWebhookAttemptLog) => void | Promise<void>;

export type TWebhookDeliveryResult = {
  deliveryId: string;
  ok: boolean;
  attempts: number;
  responseCode: number | null;
  error: string | null;
  /** Failed in a way more attempts would not fix (a 4xx, a refused address, a redirect). */
  permanent: boolean;
};

export type TWebhookOptions = THttpDeliveryDeps & {
  sink: TWebhookLogSink;
  /** Stable across the caller's own retries (a stored delivery's id), so receivers can dedupe; default a new UUID. */
  deliveryId?: string;
  /** Attempts in all; default 5. */
  maxAttempts?: number;
  /** Backoff: ceiling of the first wait 2·base, doubling; default base 2 s, cap 300 s. */
  baseDelaySeconds?: number;
  maxDelaySeconds?: number;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  now?: () => Date;
};

export const WEBHOOK_RESPONSE_MAX_BYTES = 256 * 1024;

/** The body sent: the delivery id, the event kind and the event itself. */
export function webhookBody(deliveryId: string, event: TNotificationEvent): string {
  return JSON.stringify({ id: deliveryId, type: event.kind, data: event });
}

export async function deliverWebhook(endpoint: TWebhookEndpoint, event: TNotificationEvent, options: TWebhookOptions): Promise<TWebhookDeliveryResult> {
  if (!endpoint.secret) throw new Error("A webhook endpoint needs a secret to sign with");
  const fetch = options.fetch ?? defaultFetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const deliveryId = options.deliveryId ?? randomUUID();
  const body = webhookBody(deliveryId, event);

  for (let attempt = 1; ; attempt++) {
    const startedAt = now();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    const clock = performance.now();
    const result = await attemptDelivery(() =>
      fetch(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          accept: "*/*",
          [EVENT_HEADER]: event.kind,
          [DELIVERY_HEADER]: deliveryId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, timestamp, body),
        },
        body: Buffer.from(body, "utf8"),
        maxRedirects: 0,
        maxBytes: WEBHOOK_RESPONSE_MAX_BYTES,
        timeoutMs: options.timeoutMs ?? 10_000,
        signal: options.signal,
        contactUrl: options.contactUrl,
      }),
    );
    const durationMs = Math.round(performance.now() - clock);
    const retry = result.kind === "retry" && attempt < maxAttempts;
    const waitMs = retry
      ? Math.round(
          1000 *
            nextRetryDelay({
              consecutiveFailures: attempt,
              baseSeconds: options.baseDelaySeconds ?? 2,
              maxSeconds: options.maxDelaySeconds ?? 300,
              retryAfterSeconds: result.kind === "retry" ? result.retryAfterSeconds : undefined,
              jitter: random,
            }),
        )
      : null;
    const outcome = result.kind === "delivered" ? "delivered" : retry ? "retrying" : "failed";
    await options.sink({
      deliveryId,
      attempt,
      startedAt,
      durationMs,
      outcome,
      responseCode: result.responseCode,
      error: result.kind === "delivered" ? null : result.error,
      responseExcerpt: result.responseExcerpt,
      nextAttemptInMs: waitMs,
    });
    if (waitMs === null) {
      return {
        deliveryId,
        ok: result.kind === "delivered",
        attempts: attempt,
        responseCode: result.responseCode,
        error: result.kind === "delivered" ? null : result.error,
        permanent: result.kind === "failed",
      };
    }
    await sleep(waitMs, options.signal);
  }
}

type TAttempt =
  | { kind: "delivered"; responseCode: number; responseExcerpt: string | null }
  | { kind: "retry"; responseCode: number | null; responseExcerpt: string | null; error: string; retryAfterSeconds?: number }
  | { kind: "failed"; responseCode: number | null; responseExcerpt: string | null; error: string };

async function attemptDelivery(send: () => Promise<TGuardedResponse>): Promise<TAttempt> {
  let res: TGuardedResponse;
  try {
    res = await send();
  } catch (error) {
    if (isTransientFetchError(error)) return { kind: "retry", responseCode: null, responseExcerpt: null, error: describeError(error) };
    if (error instanceof FetchRefusedError) {
      const message = error.code === "too_many_redirects" ? `${error.host} answered with a redirect; webhooks do not follow redirects` : describeError(error);
      return { kind: "failed", responseCode: null, responseExcerpt: null, error: message };
    }
    throw error; // the caller's own cancellation, or a bug
  }
  const responseCode = res.status;
  const responseExcerpt = excerpt(res);
  if (responseCode >= 200 && responseCode < 300) return { kind: "delivered", responseCode, responseExcerpt };
  const error = `HTTP ${responseCode}`;
  if (responseCode >= 500 || responseCode === 408 || responseCode === 429) {
    const retryAfterSeconds = parseRetryAfter(res.headers.get("retry-after"), new Date());
    return { kind: "retry", responseCode, responseExcerpt, error, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
  }
  return { kind: "failed", responseCode, responseExcerpt, error };
}

function excerpt(res: TGuardedResponse): string | null {
  if (res.body.length === 0) return null;
  const text = res.text().replace(/\s+/g, " ").trim();
  return text ? Array.from(text).slice(0, 500).join("") : null;
}
