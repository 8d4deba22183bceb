import { FetchRefusedError } from "../../../lib/guarded-fetch.ts";
import { scrub } from "./provider-http.ts";
import { SERP_DEPTHS, SerpProviderError, type TSerpProvider, type TSerpRequest } from "./provider.ts";

/**
 * Wraps a provider so every search is checked the same way before it costs anything (engine,
 * device, depth, query), and so a fetch that never got an answer surfaces as a classified
 * SerpProviderError rather than as a bare network error.
 */
export function defineSerpProvider<C>(provider: TSerpProvider<C>): TSerpProvider {
  const wrapped: TSerpProvider<C> = {
    ...provider,
    search: async (ctx, config, request) => {
      assertSupported(provider, request);
      try {
        const response = await provider.search(ctx, config, request);
        const coverage = response.coverage;
        if (coverage.status === "page_failed") {
          coverage.error.message = scrub(coverage.error.message, secretsOf(config, provider.secretFields));
        }
        return response;
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        throw withoutSecrets(asSerpProviderError(error, provider.title.en), secretsOf(config, provider.secretFields));
      }
    },
  };
  // The registry holds providers of mixed configs; each config is parsed by its own schema first.
  return wrapped as unknown as TSerpProvider;
}

/** The configured values of the secret fields, to keep them out of every message. */
function secretsOf(config: unknown, fields: readonly string[]): string[] {
  const record = typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {};
  return fields.map((f) => record[f]).filter((v): v is string => typeof v === "string" && v.length >= 4);
}

/** A provider may echo a key in its error text; the message people see never carries it. */
function withoutSecrets(error: SerpProviderError, secrets: readonly string[]): SerpProviderError {
  const message = scrub(error.message, secrets);
  if (message === error.message) return error;
  const { retryAfterSeconds, field, providerCode } = error;
  return new SerpProviderError(error.kind, message, { retryAfterSeconds, field, providerCode }, { cause: error.cause });
}

/** A request this provider cannot serve is refused before any call is made. */
export function assertSupported(provider: Pick<TSerpProvider, "title" | "engines" | "devices">, request: TSerpRequest): void {
  const name = provider.title.en;
  if (!provider.engines.includes(request.engine)) {
    throw new SerpProviderError("bad_request", `${name} does not return ${request.engine} results`, { field: "engine" });
  }
  if (!provider.devices.includes(request.device)) {
    throw new SerpProviderError("bad_request", `${name} does not return ${request.device} results`, { field: "device" });
  }
  if (!(SERP_DEPTHS as readonly number[]).includes(request.depth)) {
    throw new SerpProviderError("bad_request", `depth must be one of ${SERP_DEPTHS.join(", ")}`, { field: "depth" });
  }
  if (request.query.trim() === "") throw new SerpProviderError("bad_request", "the query is empty", { field: "query" });
  if (request.region.code.trim() === "") throw new SerpProviderError("bad_request", "the region is empty", { field: "region" });
}

/**
 * A provider's error as is; a refused or failed fetch as `upstream` (timeouts, resets, DNS)
 * unless the address itself was refused, which is the configured base URL's fault. Anything else
 * is a bug of ours and is rethrown unchanged rather than dressed up as the provider's failure.
 */
export function asSerpProviderError(error: unknown, providerName: string): SerpProviderError {
  if (error instanceof SerpProviderError) return error;
  if (!(error instanceof FetchRefusedError)) throw error;
  if (error.code === "blocked_address" || error.code === "bad_scheme") {
    return new SerpProviderError("bad_request", `${providerName}: ${error.message}`, { field: "baseUrl" }, { cause: error });
  }
  if (error.code === "too_large") return new SerpProviderError("markup_changed", `${providerName}: ${error.message}`, {}, { cause: error });
  return new SerpProviderError("upstream", `${providerName}: ${error.message}`, {}, { cause: error });
}
