import type { CheerioAPI } from "cheerio";

/** Engines whose saved HTML result pages we can read. */
export const HTML_SERP_ENGINES = ["google", "yandex", "bing"] as const;
export type THtmlSerpEngine = (typeof HTML_SERP_ENGINES)[number];

/** A star rating as the snippet shows it: 8.7 of 10 from 1,947,320 votes; 88 of 100 ("88%"). */
export type TSerpRating = { value: number; scale: number; count?: number };

/** One organic result; `position` is 1-based among organic results only (ads and blocks skipped). */
export type TSerpResult = { position: number; url: string; title: string; snippet: string; rating?: TSerpRating };

export type TSerpParseOptions = {
  /**
   * Yandex's own object cards among the results (a Maps organisation or map, a Market product,
   * a Realty listing), which the page shows as blocks rather than as web results: `exclude`
   * (default) skips them like the other blocks; `keep` ranks them as organic, as yandex-parser's
   * `exclude_market_yandex=False` does.
   */
  yandexServiceCards?: "exclude" | "keep";
};

/**
 * A page read by a known layout. `empty` is true only when the page itself says nothing was
 * found; a layout that finds no results on a page that does not say so is a failure instead.
 */
export type TSerpPage = { ok: true; engine: THtmlSerpEngine; layout: string; empty: boolean; results: TSerpResult[]; warnings: string[] };

/**
 * Why a page gave no results: `unknown_layout` (no layout recognises it, or the one that does
 * found nothing it could read), `captcha` (the engine asked for a captcha), `not_a_results_page`
 * (an engine page of another kind, e.g. Yandex's ads-only search).
 */
export type TSerpFailureCode = "unknown_layout" | "captcha" | "not_a_results_page";
export type TSerpFailure = { ok: false; engine: THtmlSerpEngine; error: TSerpFailureCode; message: string; layoutsTried: string[] };

export type TSerpParseOutcome = TSerpPage | TSerpFailure;

/** A result before positions are assigned. */
export type TSerpRawResult = Omit<TSerpResult, "position">;

/** One generation of an engine's markup: tried in order, the first whose `detect` holds reads the page. */
export type TSerpLayout = {
  id: string;
  detect($: CheerioAPI): boolean;
  /** The page states that nothing was found (no organic results expected). */
  saysNoResults($: CheerioAPI): boolean;
  read($: CheerioAPI, options: TSerpParseOptions): { results: TSerpRawResult[]; warnings: string[] };
};

/** Pages an engine serves instead of results (captcha, ads-only search), checked before layouts. */
export type TSerpPageCheck = ($: CheerioAPI) => { error: Exclude<TSerpFailureCode, "unknown_layout">; message: string } | undefined;
