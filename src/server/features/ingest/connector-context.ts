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

function limiterFor(connector: TConnector): TRateLimiter {
  const key = `${connector.id}:${connector.rateLimit.limit}/${connector.rateLimit.intervalMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = createRateLimiter({ limit: connector.rateLimit.limit, intervalMs: connector.rateLimit.intervalMs, burst: 1 });
    limiters.set(key, limiter);
  }
  return limiter;
}

export function connectorContext(
  config: Pick<TConfig, "fetchContactUrl" | "fetchAllowLoopback">,
  connector: TConnector,
  sourceId: string,
  logger: TLogger,
  signal: AbortSignal,
  now: () => Date = () => new Date(),
): TConnectorContext {
  const limiter = limiterFor(connector);
  return {
    async fetch(url, options) {
      const wait = limiter.take(sourceId);
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
