import { setTimeout as sleep } from "node:timers/promises";
import type { TConfig } from "../../../config.ts";
import { guardedFetch } from "../../../lib/guarded-fetch.ts";
import type { TLogger } from "../../../lib/logger.ts";
import { type TRateLimiter, createRateLimiter } from "../../../lib/rate-limiter.ts";
import { parseSerp } from "../parsers/parse-serp.ts";
import type { TSerpProvider, TSerpProviderContext } from "../providers/provider.ts";

/**
 * The network a SERP provider sees during a scan: the one guarded fetch (the deployment's SSRF
 * policy and User-Agent), paced by the provider's allowance per brand — one key per brand, so
 * two brands with two keys have two allowances — and the HTML result-page parser.
 */
const limiters = new Map<string, TRateLimiter>();

export type TRate = { limit: number; intervalMs: number };

/** The brand's own allowance for the provider when set, else the provider's. */
export function providerRate(provider: Pick<TSerpProvider, "rateLimit">, perMinute: number | undefined): TRate {
  return perMinute && perMinute > 0 ? { limit: perMinute, intervalMs: 60_000 } : provider.rateLimit;
}

function limiterFor(rate: TRate): TRateLimiter {
  const key = `${rate.limit}/${rate.intervalMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createRateLimiter({ limit: rate.limit, intervalMs: rate.intervalMs, burst: 1 });
    limiters.set(key, limiter);
  }
  return limiter;
}

/** Waits that a signal can cut short (an aborted scan stops waiting at once). */
export async function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  await sleep(ms, undefined, { signal });
}

export function providerContext(
  config: Pick<TConfig, "fetchContactUrl" | "fetchAllowLoopback">,
  provider: Pick<TSerpProvider, "id" | "rateLimit">,
  brandId: string,
  perMinute: number | undefined,
  logger: TLogger,
  signal: AbortSignal,
  options: { now?: Date; sleep?: TSerpProviderContext["sleep"] } = {},
): TSerpProviderContext {
  const limiter = limiterFor(providerRate(provider, perMinute));
  const key = `${provider.id}:${brandId}`;
  return {
    async fetch(url, fetchOptions) {
      const wait = limiter.take(key);
      if (wait > 0) await sleep(wait, undefined, { signal });
      return guardedFetch(url, {
        ...fetchOptions,
        signal: fetchOptions?.signal ? AbortSignal.any([fetchOptions.signal, signal]) : signal,
        contactUrl: config.fetchContactUrl,
        allowLoopback: config.fetchAllowLoopback,
      });
    },
    now: options.now ?? new Date(),
    signal,
    logger,
    sleep: options.sleep ?? abortableSleep,
    parseHtml: (engine, html) => parseSerp(engine, html),
  };
}
