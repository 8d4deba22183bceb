import type { z } from "zod";
import type { TConnectorFetch } from "../../../connectors/connector.ts";
import type { TLogger } from "../../../lib/logger.ts";

/**
 * The contract every search-results provider implements (SERM.md §5). A provider knows one
 * service that answers "what does <engine> show for <query> in <region> on <device>": how to ask
 * it with the user's keys and how to read its answer into organic results ranked 1..N. It never
 * touches the database and never retries: it classifies what went wrong (SerpProviderError) and
 * the scheduler decides what to do about it.
 */

/**
 * Search engines whose results a provider can return. `brave` is Brave Search's own index: the
 * Brave Search API does not return Google's or Bing's results, so it is an engine of its own.
 */
export const SERP_ENGINES = ["yandex", "google", "bing", "brave"] as const;
export type TSerpEngine = (typeof SERP_ENGINES)[number];

export const SERP_DEVICES = ["desktop", "mobile"] as const;
export type TSerpDevice = (typeof SERP_DEVICES)[number];

/** How many positions are tracked: the first one or two result pages. */
export const SERP_DEPTHS = [10, 20] as const;
export type TSerpDepth = (typeof SERP_DEPTHS)[number];

/**
 * Where the search is made from. What `code` means depends on the engine: Yandex's region id
 * (`lr`, "213" = Moscow), otherwise an ISO 3166-1 alpha-2 country ("ru", "us": Google `gl`,
 * Bing `cc`, Brave `country`). `location` narrows it where a provider supports that: SerpApi's
 * canonical location ("Moscow,Moscow,Russia"), DataForSEO's `location_name`.
 */
export type TSerpRegion = { code: string; location?: string };

export type TSerpRequest = {
  engine: TSerpEngine;
  query: string;
  region: TSerpRegion;
  device: TSerpDevice;
  depth: TSerpDepth;
  /** Interface / results language, ISO 639-1 ("ru", "en"). */
  lang?: string;
};

/** Review stars in the snippet: `value` of `scale` (4.5 of 5) from `count` votes; as in TConnectorItem. */
export type TSerpRating = { value: number; scale: number; count?: number };

/** One organic result. `position` is 1..N over organic results only, across pages. */
export type TSerpResult = {
  position: number;
  url: string;
  title: string;
  snippet: string;
  rating?: TSerpRating;
  /** Position counting ads and SERP features too, when the provider reports it (DataForSEO). */
  absolutePosition?: number;
};

/**
 * Why there are as many results as there are:
 * - `complete`: every page needed for the depth was read (a page may hold fewer than 10 organic
 *   results when ads and features take places; that is still the whole top-N);
 * - `exhausted`: the engine has no more results than these (a rare query, or none at all);
 * - `page_failed`: a later page failed; the results are those of the pages before it, and the
 *   error says why (the scheduler may retry the run; positions it has are real).
 * A failure of the first page is not a coverage: `search` throws.
 */
export type TSerpCoverage =
  | { status: "complete" }
  | { status: "exhausted" }
  | { status: "page_failed"; page: number; error: TSerpErrorInfo };

export type TSerpCost = { amount: number; currency: string };

export type TSerpResponse = {
  results: TSerpResult[];
  coverage: TSerpCoverage;
  /** Billable calls made to the provider for this search (failed pages included). */
  requests: number;
  /**
   * The provider's answers as received, one per page read (Yandex: the XML or HTML inside
   * `rawData`), for SERM.md's "store the raw payload first": a parser fix can re-read them.
   */
  raw: string[];
  /** The rendered result page when the provider returns one (Yandex FORMAT_HTML, SerpApi's archived HTML). */
  html?: string;
  /** The engine's estimate of how many documents match. */
  totalFound?: number;
  /** The provider's id(s) of this search, comma-separated when it took several calls. */
  requestId?: string;
  /** What the provider says it charged, when it says (DataForSEO). */
  cost?: TSerpCost;
};

/**
 * A rendered result page read into organic results: the shape of `parseSerp` in
 * `features/serm/parsers`, injected through the context so providers do not depend on it.
 * `empty` means the page itself says nothing was found; a page no layout can read is `ok: false`.
 */
export type THtmlSerpOutcome =
  | { ok: true; empty: boolean; results: readonly { url: string; title: string; snippet: string; rating?: TSerpRating }[] }
  | { ok: false; error: string; message: string };
export type THtmlSerpParser = (engine: "yandex" | "google" | "bing", html: string) => THtmlSerpOutcome;

export type TSerpProviderContext = {
  /** Guarded fetch (SSRF checks, limits); the only way a provider reaches the network. */
  fetch: TConnectorFetch;
  now: Date;
  signal: AbortSignal;
  logger: TLogger;
  /** Waits between polls of a deferred search (Yandex async, DataForSEO task queue). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Reads a rendered result page; required only by providers configured to return HTML. */
  parseHtml?: THtmlSerpParser;
};

export type TSerpProvider<C = unknown> = {
  id: string;
  title: { en: string; ru: string };
  engines: readonly TSerpEngine[];
  devices: readonly TSerpDevice[];
  configSchema: z.ZodType<C>;
  /** Config keys holding credentials: the UI masks them, the API never returns them, logs never carry them. */
  secretFields: readonly string[];
  /** Requests per interval one key may make; the scheduler paces searches by it. */
  rateLimit: { limit: number; intervalMs: number };
  /** Billable calls one search makes at most, for the budget (Google top-20 = 2, Yandex v2 top-20 = 1). */
  requestsFor: (config: C, request: Pick<TSerpRequest, "engine" | "depth">) => number;
  /** `config` has been parsed by `configSchema`; throws SerpProviderError, never retries. */
  search: (ctx: TSerpProviderContext, config: C, request: TSerpRequest) => Promise<TSerpResponse>;
};

export type TSerpErrorKind =
  /** The key was refused, expired or lacks a role: a person must act. */
  | "auth"
  /** The account is out of money, searches or its daily/monthly allowance. */
  | "quota"
  /** Too many requests right now; `retryAfterSeconds` when the provider said how long. */
  | "rate_limited"
  /** The provider refused the request as made; `field` names the request or config field. */
  | "bad_request"
  /** The provider (or the engine behind it) failed, or did not answer in time. */
  | "upstream"
  /** The answer is not in the shape this code reads: fail loudly, never return []. */
  | "markup_changed";

export type TSerpErrorInfo = { kind: TSerpErrorKind; message: string; retryAfterSeconds?: number; field?: string };

/** What a provider throws. The message is shown to people: no URLs, no keys. */
export class SerpProviderError extends Error {
  readonly retryAfterSeconds?: number;
  readonly field?: string;
  /** The provider's own code ("42", "40501", "SUBSCRIPTION_TOKEN_INVALID"), for the log. */
  readonly providerCode?: string;

  constructor(
    readonly kind: TSerpErrorKind,
    message: string,
    details: { retryAfterSeconds?: number; field?: string; providerCode?: string } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "SerpProviderError";
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.field = details.field;
    this.providerCode = details.providerCode;
  }

  /** Whether the same request may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "upstream" || (this.kind === "quota" && this.retryAfterSeconds !== undefined);
  }

  info(): TSerpErrorInfo {
    const info: TSerpErrorInfo = { kind: this.kind, message: this.message };
    if (this.retryAfterSeconds !== undefined) info.retryAfterSeconds = this.retryAfterSeconds;
    if (this.field !== undefined) info.field = this.field;
    return info;
  }
}
