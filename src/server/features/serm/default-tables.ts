/**
 * Default tables of docs SERM.md §3, each with its source and year. Defaults only: every table
 * is meant to be overridden per brand, engine and device.
 */

/** The engines an audit may name; the keys of engine weights and per-engine CTR tables. */
export const SEARCH_ENGINES = ["yandex", "google", "bing", "mailru", "rambler", "duckduckgo", "brave"] as const;
export type TSearchEngine = (typeof SEARCH_ENGINES)[number];

export function isSearchEngine(value: string): value is TSearchEngine {
  return (SEARCH_ENGINES as readonly string[]).includes(value);
}

/** Click-through rate P(n) by organic position, in %: `values[0]` is position 1. */
export type TCtrTable = {
  label: string;
  source: string;
  values: readonly number[];
  /** Positions whose figure SERM.md could not check ([F]): defaults to verify before relying on them. */
  unverifiedPositions?: readonly number[];
};

export const CTR_TABLES = {
  // AWR (Advanced Web Ranking), Jun–Oct 2020, desktop; via analytics.cmlabs.co/reference/ctr-management [V].
  // The page-2 bump (pos 11 > pos 10) is kept on purpose: it measures exposure; see monotoneCtr.
  "awr-2020-desktop": {
    label: "AWR 2020 desktop",
    source: "Advanced Web Ranking, Jun–Oct 2020 (analytics.cmlabs.co/reference/ctr-management)",
    values: [33.77, 12.94, 6.94, 4.8, 3.17, 2.27, 1.72, 1.31, 1.23, 1.17, 2.53, 1.7, 1.04, 0.89, 0.8, 0.79, 0.68, 0.53, 0.5, 0.38],
  },
  // AWR, Jun–Oct 2020, mobile; same source [V].
  "awr-2020-mobile": {
    label: "AWR 2020 mobile",
    source: "Advanced Web Ranking, Jun–Oct 2020 (analytics.cmlabs.co/reference/ctr-management)",
    values: [48.76, 14.22, 7.75, 7.56, 4.93, 3.14, 2.42, 1.85, 1.56, 1.16, 1.15, 1.3, 1.5, 2.13, 2.33, 2.46, 2.54, 2.67, 2.46, 1.49],
  },
  // Sistrix 2020, 80 M keywords; searchenginejournal.com/google-first-page-clicks/374516, purecontent.com.
  // Positions 11–20 are only "<1 each" there, so the table stops at 10.
  "sistrix-2020": {
    label: "Sistrix 2020",
    source: "Sistrix 2020, 80 M keywords (searchenginejournal.com/google-first-page-clicks/374516)",
    values: [28.5, 15.7, 11.0, 8.0, 7.2, 5.1, 4.0, 3.2, 2.8, 2.5],
    unverifiedPositions: [5, 6, 7, 8, 9],
  },
  // Backlinko 2023, 4 M results; seoprocheck.com summary. Positions 8–10 are approximate (~).
  "backlinko-2023": {
    label: "Backlinko 2023",
    source: "Backlinko 2023, 4 M results (seoprocheck.com summary)",
    values: [27.6, 15.8, 11.0, 8.4, 6.3, 4.9, 3.9, 3.2, 2.7, 2.4],
    unverifiedPositions: [8, 9, 10],
  },
  // FirstPageSage; unmiss.com, simplelifeinfo.com (year not given in SERM.md).
  firstpagesage: {
    label: "FirstPageSage",
    source: "FirstPageSage (unmiss.com, simplelifeinfo.com)",
    values: [39.8, 18.7, 10.2, 7.2, 5.1, 4.4, 3.0, 2.1, 1.9, 1.6],
    unverifiedPositions: [4, 5, 6, 7, 8, 9],
  },
  // AOL search log, 2006; decenttools.com/aol/top-clicked-positions [V].
  "aol-2006": {
    label: "AOL 2006",
    source: "AOL search log 2006 (decenttools.com/aol/top-clicked-positions)",
    values: [42.3, 11.92, 8.44, 6.03, 4.86, 3.99, 3.36, 2.98, 2.83, 2.97, 0.66, 0.56, 0.52, 0.48, 0.47, 0.39, 0.36, 0.34, 0.32, 0.3],
  },
} as const satisfies Record<string, TCtrTable>;

export type TCtrTableId = keyof typeof CTR_TABLES;
export const DEFAULT_CTR_TABLE: TCtrTableId = "awr-2020-desktop";

export function isCtrTableId(value: string): value is TCtrTableId {
  return Object.hasOwn(CTR_TABLES, value);
}

/** Option `monotone`: P(n) capped at P(n−1), which removes AWR's page-2 bump. */
export function monotoneCtr(values: readonly number[]): number[] {
  const capped: number[] = [];
  for (const value of values) capped.push(Math.min(value, capped.at(-1) ?? Infinity));
  return capped;
}

/** Market shares F(S), renormalized over the engines actually tracked (see ex-index.ts). */
export type TEngineWeightProfile = { label: string; asOf: string; source: string; weights: Readonly<Partial<Record<TSearchEngine, number>>> };

export const ENGINE_WEIGHT_PROFILES = {
  // Yandex 62.6% per Yandex.Radar, Q3 2023: Yandex Q3-2023 release, SEC Exhibit 99.1
  // (sec.gov …/yndx-20230930xex99d1.htm) [V]. Google = the complement, an assumption; Mail.ru 0
  // unless configured (no recent sourced figure).
  ru: { label: "Russia", asOf: "2023-Q3", source: "Yandex.Radar via Yandex Q3-2023 release (SEC Exhibit 99.1); Google = complement", weights: { yandex: 0.626, google: 0.374 } },
  // StatCounter, Jun 2024–Jun 2025, via macronepal.com summary [V].
  world: { label: "World", asOf: "2025-06", source: "StatCounter Jun 2024–Jun 2025 (macronepal.com summary)", weights: { google: 0.899, bing: 0.039, yandex: 0.022 } },
  // The 2014 table of the Exiterra Ex-index article [V].
  "ru-2014": {
    label: "Russia 2014",
    asOf: "2014-07",
    source: "Exiterra Ex-index article, July 2014",
    weights: { yandex: 0.527, google: 0.376, mailru: 0.077, rambler: 0.008, bing: 0.007 },
  },
} as const satisfies Record<string, TEngineWeightProfile>;

export type TEngineWeightProfileId = keyof typeof ENGINE_WEIGHT_PROFILES;
export const DEFAULT_ENGINE_WEIGHT_PROFILE: TEngineWeightProfileId = "ru";

export function isEngineWeightProfileId(value: string): value is TEngineWeightProfileId {
  return Object.hasOwn(ENGINE_WEIGHT_PROFILES, value);
}

/**
 * MOZ loss table: X(k) = % of consumers who say they would not buy after finding k negative
 * articles (k ≥ 4 as 4) — a stated-intention survey of ~1,000 consumers, not measured
 * conversion. Moz blog, 2015, "New Data Reveals 67% of Consumers are Influenced by Online
 * Reviews" (moz.com/blog/new-data-reveals-67-of-consumers-are-influenced-by-online-reviews).
 */
export const MOZ_LOSS_PERCENT: readonly number[] = [0, 21.9, 44.1, 59.2, 69.9];

/** X(k), % of customers lost with k negatives in the top 10. */
export function mozLossPercent(negatives: number): number {
  return MOZ_LOSS_PERCENT[Math.min(negatives, MOZ_LOSS_PERCENT.length - 1)] ?? 0;
}

/** f(k) = 1 − X/100, the share of customers kept. */
export function mozKeptShare(negatives: number): number {
  return 1 - mozLossPercent(negatives) / 100;
}

/** Y(k) = X/(100 − X): customers lost per customer kept (the seed article's Y). */
export function mozLostPerKept(negatives: number): number {
  const lost = mozLossPercent(negatives);
  return lost / (100 - lost);
}
