import { setTimeout as delay } from "node:timers/promises";
import { FetchRefusedError, type TGuardedFetchOptions, type TGuardedResponse, guardedFetch } from "../../lib/guarded-fetch.ts";

/**
 * What the HTTP channels (Telegram, webhooks) take from outside, so tests can open loopback,
 * skip real waiting and fix the randomness.
 */
export type TFetch = (url: string, options: TGuardedFetchOptions) => Promise<TGuardedResponse>;
export type TSleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export type THttpDeliveryDeps = {
  /** Default guardedFetch; tests pass one with allowLoopback. */
  fetch?: TFetch;
  /** Default a real timer; tests record the waits instead. */
  sleep?: TSleep;
  /** A uniform draw from [0, 1) for backoff jitter; default Math.random. */
  random?: () => number;
  signal?: AbortSignal;
  /** Goes into the User-Agent (FETCH_CONTACT_URL). */
  contactUrl?: string;
};

export const defaultFetch: TFetch = (url, options) => guardedFetch(url, options);
export const defaultSleep: TSleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/** A refused or failed fetch that another attempt may fix: timeouts and network errors only. */
export function isTransientFetchError(error: unknown): error is FetchRefusedError {
  return error instanceof FetchRefusedError && (error.code === "timeout" || error.code === "network");
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
