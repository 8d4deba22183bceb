import type { TSermDevice, TSermEngine, TSermRegion, TScanCoverage } from "../../../db/schema/serm.ts";
import { nextRetryDelay } from "../../../lib/backoff.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { SerpProviderError, type TSerpCost, type TSerpProvider, type TSerpProviderContext, type TSerpRequest, type TSerpResult } from "../providers/provider.ts";

/**
 * One query on one engine through the brand's provider, with retries: a retryable failure
 * (rate limited, upstream, a later page failed) waits with full-jitter backoff — or as long as
 * the provider asked, up to the cap — and tries again, up to MAX_ATTEMPTS. What it ends with is
 * stored as it is: complete, partial (the pages before the failure; their positions are real)
 * or failed (a gap, never positions of zero).
 */
export const MAX_ATTEMPTS = 3;
export const RETRY_BASE_SECONDS = 5;
export const RETRY_MAX_SECONDS = 120;

export type TItemRequest = { engine: TSermEngine; query: string; region: TSermRegion; device: TSermDevice; depth: number };

export type TSearchOutcome = {
  status: "complete" | "partial" | "failed";
  coverage: TScanCoverage | null;
  results: TSerpResult[];
  raw: string[];
  html: string | undefined;
  requests: number;
  cost: TSerpCost | undefined;
  totalFound: number | undefined;
  requestId: string | undefined;
  attempts: number;
  errorKind: string | null;
  error: string | null;
};

export type TSearchDeps = {
  ctx: TSerpProviderContext;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  jitter: () => number;
};

export function serpRequestOf(item: TItemRequest): TSerpRequest {
  const region = item.engine === "yandex" ? { code: item.region.yandex } : { code: item.region.country, ...(item.region.location ? { location: item.region.location } : {}) };
  return { engine: item.engine, query: item.query, region, device: item.device, depth: item.depth === 20 ? 20 : 10, lang: item.region.lang };
}

const failed = (attempts: number, requests: number, errorKind: string, error: string): TSearchOutcome => ({
  status: "failed",
  coverage: null,
  results: [],
  raw: [],
  html: undefined,
  requests,
  cost: undefined,
  totalFound: undefined,
  requestId: undefined,
  attempts,
  errorKind,
  error,
});

export async function searchItem(deps: TSearchDeps, provider: TSerpProvider, config: unknown, item: TItemRequest): Promise<TSearchOutcome> {
  const request = serpRequestOf(item);
  let requests = 0;
  for (let attempt = 1; ; attempt++) {
    let retryAfterSeconds: number | undefined;
    let lastError: { kind: string; message: string };
    let partial: TSearchOutcome | undefined;
    try {
      const response = await provider.search(deps.ctx, config, request);
      requests += response.requests;
      const coverage = response.coverage;
      const outcome: TSearchOutcome = {
        status: coverage.status === "page_failed" ? "partial" : "complete",
        coverage: coverage.status,
        results: response.results,
        raw: response.raw,
        html: response.html,
        requests,
        cost: response.cost,
        totalFound: response.totalFound,
        requestId: response.requestId,
        attempts: attempt,
        errorKind: coverage.status === "page_failed" ? coverage.error.kind : null,
        error: coverage.status === "page_failed" ? `page ${coverage.page + 1}: ${coverage.error.message}` : null,
      };
      if (coverage.status !== "page_failed") return outcome;
      partial = outcome;
      retryAfterSeconds = coverage.error.retryAfterSeconds;
      lastError = { kind: coverage.error.kind, message: outcome.error ?? "" };
      const retryable = new SerpProviderError(coverage.error.kind, coverage.error.message, { retryAfterSeconds }).retryable;
      if (!retryable || attempt >= MAX_ATTEMPTS) return partial;
    } catch (error) {
      if (deps.ctx.signal.aborted) throw error;
      if (!(error instanceof SerpProviderError)) return failed(attempt, requests, "internal", `internal error: ${errorMessage(error)}`);
      requests += 1;
      lastError = { kind: error.kind, message: error.message };
      retryAfterSeconds = error.retryAfterSeconds;
      if (!error.retryable || attempt >= MAX_ATTEMPTS) return failed(attempt, requests, error.kind, error.message);
    }
    const delay = nextRetryDelay({ consecutiveFailures: attempt, baseSeconds: RETRY_BASE_SECONDS, maxSeconds: RETRY_MAX_SECONDS, retryAfterSeconds, jitter: deps.jitter });
    deps.ctx.logger.info({ engine: item.engine, attempt, kind: lastError.kind, retryInSeconds: delay }, "SERM search will be retried");
    await deps.sleep(delay * 1000, deps.ctx.signal);
  }
}
