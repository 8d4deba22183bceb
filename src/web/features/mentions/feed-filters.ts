import { MENTION_STATUSES, RULE_GROUPS, SENTIMENT_FILTERS, type TMentionStatus, type TRuleGroup, type TSentimentFilter } from "./types.ts";

/**
 * The feed's filters as plain data, kept in the page address (so a filtered feed can be
 * bookmarked and sent to a colleague) and turned into the API's query parameters.
 */
export const PERIODS = ["7d", "30d", "90d", "all", "custom"] as const;
export type TPeriod = (typeof PERIODS)[number];

export type TFeedFilters = {
  q: string;
  period: TPeriod;
  /** YYYY-MM-DD, local days; used when the period is custom. */
  from: string;
  to: string;
  source: string[];
  sourceId: string[];
  site: string[];
  sentiment: TSentimentFilter[];
  group: TRuleGroup[];
  lang: string[];
  /** Empty: everything but irrelevant (the server's default). */
  status: TMentionStatus[];
  /** One card per copy cluster. */
  folded: boolean;
};

export const DEFAULT_FILTERS: TFeedFilters = {
  q: "",
  period: "all",
  from: "",
  to: "",
  source: [],
  sourceId: [],
  site: [],
  sentiment: [],
  group: [],
  lang: [],
  status: [],
  folded: true,
};

export type TListKey = "source" | "sourceId" | "site" | "sentiment" | "group" | "lang" | "status";
const LIST_KEYS: readonly TListKey[] = ["source", "sourceId", "site", "sentiment", "group", "lang", "status"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(params: URLSearchParams, key: string): string[] {
  return [...new Set(params.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))].slice(0, 50);
}

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function readFilters(params: URLSearchParams): TFeedFilters {
  const period = params.get("period");
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return {
    q: (params.get("q") ?? "").slice(0, 500),
    period: PERIODS.includes(period as TPeriod) ? (period as TPeriod) : DEFAULT_FILTERS.period,
    from: DAY.test(from) ? from : "",
    to: DAY.test(to) ? to : "",
    source: list(params, "source"),
    sourceId: list(params, "sourceId"),
    site: list(params, "site"),
    sentiment: oneOf(SENTIMENT_FILTERS, list(params, "sentiment")),
    group: oneOf(RULE_GROUPS, list(params, "group")),
    lang: list(params, "lang"),
    status: oneOf(MENTION_STATUSES, list(params, "status")),
    folded: params.get("folded") !== "false",
  };
}

/** Only what differs from the defaults, so a plain feed has a plain address. */
export function writeFilters(filters: TFeedFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set("q", filters.q);
  if (filters.period !== DEFAULT_FILTERS.period) params.set("period", filters.period);
  if (filters.period === "custom") {
    if (filters.from) params.set("from", filters.from);
    if (filters.to) params.set("to", filters.to);
  }
  for (const key of LIST_KEYS) if (filters[key].length) params.set(key, filters[key].join(","));
  if (!filters.folded) params.set("folded", "false");
  return params;
}

const PERIOD_DAYS: Partial<Record<TPeriod, number>> = { "7d": 7, "30d": 30, "90d": 90 };

function localDayStart(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function parseLocalDay(day: string, end: boolean): Date | null {
  if (!DAY.test(day)) return null;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
}

/**
 * The API query of the filters. A preset period starts at a local midnight, so the query (and the
 * cache key made of it) stays the same all day instead of changing every second.
 */
export function feedQuery(filters: TFeedFilters, now: Date): Record<string, string | undefined> {
  let from: Date | null = null;
  let to: Date | null = null;
  const days = PERIOD_DAYS[filters.period];
  if (days) {
    from = localDayStart(now);
    from.setDate(from.getDate() - (days - 1));
  } else if (filters.period === "custom") {
    from = parseLocalDay(filters.from, false);
    to = parseLocalDay(filters.to, true);
  }
  const query: Record<string, string | undefined> = {
    q: filters.q.trim() || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
  for (const key of LIST_KEYS) query[key] = filters[key].length ? filters[key].join(",") : undefined;
  return query;
}

/** How many filters narrow the feed (the search and folding aside). */
export function activeFilterCount(filters: TFeedFilters): number {
  let count = filters.period === "all" ? 0 : 1;
  for (const key of LIST_KEYS) if (filters[key].length) count++;
  return count;
}

export function isFiltered(filters: TFeedFilters): boolean {
  return activeFilterCount(filters) > 0 || filters.q.trim() !== "";
}
