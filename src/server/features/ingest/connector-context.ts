import { setTimeout as sleep } from "node:timers/promises";
import type { TConfig } from "../../config.ts";
import type { TConnector, TConnectorContext } from "../../connectors/connector.ts";
import { guardedFetch } from "../../lib/guarded-fetch.ts";
import type { TLogger } from "../../lib/logger.ts";
import { type TRateLimiter, createRateLimiter } from "../../lib/rate-limiter.ts";

/**
 * The network a connector sees: the one guarded fetch, with the deployment's SSRF policy and
 * User-Agent, paced by the platform's rate limit per source (a token is per source, and two
 * sources with two tokens have two allowances).
 */
const limiters = new Map<string, TRateLimiter>();

/** The source's own allowance when set, else the platform's. */
export function rateOf(connector: TConnector, perMinute: number | null): { limit: number; intervalMs: number } {
  return perMinute && perMinute > 0 ? { limit: perMinute, intervalMs: 60_000 } : connector.rateLimit;
}

function limiterFor(rate: { limit: number; intervalMs: number }): TRateLimiter {
  const key = `${rate.limit}/${rate.intervalMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createRateLimiter({ limit: rate.limit, intervalMs: rate.intervalMs, burst: 1 });
    limiters.set(key, limiter);
  }
  return limiter;
}

export function connectorContext(
  config: Pick<TConfig, "fetchContactUrl" | "fetchAllowLoopback">,
  connector: TConnector,
  source: { id: string; rateLimitPerMinute: number | null },
  logger: TLogger,
  signal: AbortSignal,
  now: () => Date = () => new Date(),
): TConnectorContext {
  const limiter = limiterFor(rateOf(connector, source.rateLimitPerMinute));
  return {
    async fetch(url, options) {
      const wait = limiter.take(source.id);
      if (wait > 0) await sleep(wait, undefined, { signal });
      return guardedFetch(url, {
        ...options,
        signal: options?.signal ? AbortSignal.any([options.signal, signal]) : signal,
        contactUrl: config.fetchContactUrl,
        allowLoopback: config.fetchAllowLoopback,
      });
    },
    now: now(),
    signal,
    logger,
  };
}
