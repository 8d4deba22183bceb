import type { TSiteClass } from "../../db/schema/serm.ts";
import type { TTonalityLabel } from "./resolve-tonality.ts";

/**
 * The site-defaults table of docs SERM.md §1.1 step 3: what a result's site says about its
 * tonality when no manual label and no rating decide. A pattern is a host (its subdomains
 * included) with an optional path prefix, so `yandex.ru/maps` is a review aggregator while the
 * rest of yandex.ru is not. The defaults below are in code; a brand's own entries (its sites,
 * its official profiles, corrections) are stored and win over them for the same pattern, and
 * the most specific pattern matching a URL decides.
 */
export type TSiteEntry = { pattern: string; siteClass: TSiteClass; t: number | null };

/** SERM.md §1.1 step 3 (the seed's table of site kinds); "own" entries are each brand's own. */
export const DEFAULT_SITE_TABLE: readonly TSiteEntry[] = [
  // Review aggregators: T from the rating they show; none → 0 with a review flag.
  ...[
    "otzovik.com",
    "irecommend.ru",
    "yandex.ru/maps",
    "2gis.ru",
    "zoon.ru",
    "flamp.ru",
    "yell.ru",
    "banki.ru",
    "pravda-sotrudnikov.ru",
    "dreamjob.ru",
    "trustpilot.com",
    "yelp.com",
  ].map((pattern): TSiteEntry => ({ pattern, siteClass: "review", t: null })),
  // Complaint sites: −100.
  ...["ripoffreport.com", "pissedconsumer.com"].map((pattern): TSiteEntry => ({ pattern, siteClass: "complaint", t: null })),
  // Reference sites and registries: 0.
  ...["wikipedia.org", "rusprofile.ru", "list-org.com"].map((pattern): TSiteEntry => ({ pattern, siteClass: "reference", t: null })),
];

/** What each class means when the entry gives no T of its own; `media` leaves it to the text. */
export const SITE_CLASS_TONALITY: Readonly<Record<TSiteClass, TTonalityLabel | undefined>> = {
  own: { t: 100, own: true },
  review: { t: 0, needsReview: true },
  complaint: { t: -100 },
  reference: { t: 0 },
  media: undefined,
};

export class SitePatternError extends Error {}

/**
 * `https://www.Otzovik.com/reviews/` → `otzovik.com/reviews`: lower-case host without `www.`
 * (IDN as punycode), path without a trailing slash, no query or fragment.
 */
export function normalizeSitePattern(input: string): string {
  const trimmed = input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  if (trimmed === "") throw new SitePatternError("is empty: write a domain such as otzovik.com, optionally with a path (yandex.ru/maps)");
  let url: URL;
  try {
    url = new URL(`http://${trimmed}`);
  } catch {
    throw new SitePatternError(`"${input.trim()}" is not a domain with an optional path`);
  }
  const host = url.hostname.replace(/^www\./, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) || url.port || url.username) {
    throw new SitePatternError(`"${input.trim()}" is not a domain with an optional path`);
  }
  const path = decodeURIComponentSafe(url.pathname).replace(/\/+$/, "").toLowerCase();
  return `${host}${path}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

type TParsedPattern = { host: string; path: string };

function splitPattern(pattern: string): TParsedPattern {
  const slash = pattern.indexOf("/");
  return slash < 0 ? { host: pattern, path: "" } : { host: pattern.slice(0, slash), path: pattern.slice(slash) };
}

function matches(pattern: TParsedPattern, host: string, path: string): boolean {
  if (host !== pattern.host && !host.endsWith(`.${pattern.host}`)) return false;
  if (pattern.path === "") return true;
  return path === pattern.path || path.startsWith(`${pattern.path}/`);
}

/**
 * The brand's table: the code's defaults with the brand's entries over them (same pattern →
 * the brand's). Each entry says where it comes from.
 */
export type TSiteTableEntry = TSiteEntry & { origin: "default" | "custom"; id: string | null; note: string | null };

export function mergeSiteTable(custom: readonly (TSiteEntry & { id: string; note: string | null })[]): TSiteTableEntry[] {
  const byPattern = new Map<string, TSiteTableEntry>(DEFAULT_SITE_TABLE.map((entry) => [entry.pattern, { ...entry, origin: "default", id: null, note: null }]));
  for (const entry of custom) byPattern.set(entry.pattern, { ...entry, origin: "custom" });
  return [...byPattern.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export type TSiteMatcher = (url: string) => TSiteTableEntry | undefined;

/** The most specific entry matching a URL: the longest host, then the longest path prefix. */
export function siteMatcher(table: readonly TSiteTableEntry[]): TSiteMatcher {
  const parsed = table
    .map((entry) => ({ entry, pattern: splitPattern(entry.pattern) }))
    .sort((a, b) => b.pattern.host.length - a.pattern.host.length || b.pattern.path.length - a.pattern.path.length);
  return (url) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return undefined;
    }
    const host = target.hostname.toLowerCase().replace(/^www\./, "");
    const path = decodeURIComponentSafe(target.pathname).replace(/\/+$/, "").toLowerCase();
    return parsed.find(({ pattern }) => matches(pattern, host, path))?.entry;
  };
}

/** The site-default candidate of resolveTonality for a table entry. */
export function siteLabel(entry: TSiteEntry | undefined): TTonalityLabel | undefined {
  if (!entry) return undefined;
  if (entry.t !== null) return { t: entry.t, own: entry.siteClass === "own" };
  return SITE_CLASS_TONALITY[entry.siteClass];
}
