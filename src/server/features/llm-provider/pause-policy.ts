import type { LlmProviderError } from "./llm-provider-error.ts";

/**
 * How long an endpoint is left alone after a failure, in ms (null: not paused). While paused,
 * classification goes straight to the built-in model and drafts fail fast, instead of every
 * batch waiting for the same refusal:
 * - 429: the provider's Retry-After (at least 1 s, at most 15 min), 30 s without one;
 * - an exhausted quota or a rejected key: 10 min — a person has to act, and a new key (or
 *   endpoint, or model) is a different gate entry, so fixing the config ends the pause at once;
 * - timeouts, 5xx and network errors: only from the second in a row, 60 s.
 */
export const PAUSES = {
  rateLimitDefaultMs: 30_000,
  rateLimitMaxMs: 15 * 60_000,
  needsPersonMs: 10 * 60_000,
  outageMs: 60_000,
  outageAfterFailures: 2,
} as const;

export function pauseAfter(error: LlmProviderError, failuresInARow: number): number | null {
  switch (error.kind) {
    case "rate_limited": {
      const wish = error.details.retryAfterSeconds;
      return wish === undefined ? PAUSES.rateLimitDefaultMs : Math.min(PAUSES.rateLimitMaxMs, Math.max(1_000, wish * 1_000));
    }
    case "quota":
    case "auth":
      return PAUSES.needsPersonMs;
    case "timeout":
    case "upstream":
    case "network":
      return failuresInARow >= PAUSES.outageAfterFailures ? PAUSES.outageMs : null;
    default:
      return null;
  }
}

/** Kinds that count toward an outage (and that a success clears). */
export const isOutage = (error: LlmProviderError): boolean => error.kind === "timeout" || error.kind === "upstream" || error.kind === "network";
