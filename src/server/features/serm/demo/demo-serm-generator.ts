import type { TSermEngine } from "../../../db/schema/serm.ts";
import type { TDemoPage, TDemoPageKind, TDemoQueryKind, TDemoSermProfile } from "./demo-serm-profiles.ts";

/**
 * The demo's results, day by day, deterministic for a brand: each page competes for a query's
 * places with a score — its rank for that kind of query, a per-engine bias and a little daily
 * noise — and after the reputation work starts (WORK_START days in) negative pages sink, own and
 * positive pages rise, and the review sites' ratings climb. A few items fail or lose a page, so
 * the history has its gaps. Text labels come from the page kind, standing in for the classifier.
 */
export const DEMO_DAYS = 60;
export const WORK_START = 25;
export const DEMO_ENGINES: readonly TSermEngine[] = ["yandex", "google"];

export type TDemoResult = {
  position: number;
  page: TDemoPage;
  title: string;
  snippet: string;
  rating: { value: number; scale: number; count: number } | null;
  textLabel: "positive" | "neutral" | "negative";
  textConfidence: number;
};

export type TDemoItem = {
  queryIndex: number;
  engine: TSermEngine;
  status: "complete" | "partial" | "failed";
  coverage: "complete" | "page_failed" | null;
  errorKind: string | null;
  error: string | null;
  results: TDemoResult[];
};

/** FNV-1a of the parts, as a fraction in [0, 1). */
function noise(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join("\u0000")) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

const KIND_TREND: Readonly<Record<TDemoPageKind, number>> = {
  own: 25,
  review: 5,
  complaint: -60,
  forum: -55,
  "negative-media": -50,
  "positive-media": 45,
  "neutral-media": 0,
};

const KIND_TEXT: Readonly<Record<TDemoPageKind, [TDemoResult["textLabel"], number]>> = {
  own: ["positive", 0.82],
  review: ["neutral", 0.55],
  complaint: ["negative", 0.9],
  forum: ["negative", 0.84],
  "negative-media": ["negative", 0.8],
  "positive-media": ["positive", 0.8],
  "neutral-media": ["neutral", 0.77],
};

/** Catalogue pages that fill a top 20 below the pages that matter. */
function fillers(profile: TDemoSermProfile, kind: TDemoQueryKind, count: number): TDemoPage[] {
  const slug = profile.pages[0]?.url.replace(/^https:\/\//, "").replace(/\/.*$/, "").replace(/\.example$/, "") ?? "brand";
  return Array.from({ length: count }, (_, i) => ({
    key: `filler-${kind}-${i}`,
    kind: "neutral-media" as const,
    url: `https://katalog-${["firm", "org", "uslug", "adresov"][i % 4]}.example/${slug}/${kind}-${i + 1}`,
    title: `${profile.pages[0]?.title.split(" — ")[0] ?? profile.brand} — справочник (${i + 1})`,
    snippet: "Адрес, телефон, часы работы и реквизиты организации.",
    ranks: { [kind]: 8 + ((i * 7) % 12) },
  }));
}

export function progressOf(dayIndex: number): number {
  return Math.max(0, (dayIndex - WORK_START) / (DEMO_DAYS - 1 - WORK_START));
}

function ratingOn(page: TDemoPage, profile: TDemoSermProfile, dayIndex: number): TDemoResult["rating"] {
  if (!page.rating) return null;
  const { from, to, count } = page.rating;
  const value = Math.min(5, Math.max(1, from + (to - from) * progressOf(dayIndex) + (noise(profile.seed, page.key, dayIndex) - 0.5) * 0.2));
  return { value: Math.round(value * 10) / 10, scale: 5, count: count + Math.round(dayIndex * count * 0.004) };
}

function snippetOf(page: TDemoPage, rating: TDemoResult["rating"]): string {
  if (!rating) return page.snippet;
  return `Рейтинг ${rating.value.toFixed(1).replace(".", ",")} из 5 по ${rating.count} отзывам. ${page.snippet}`;
}

/** The failed and partial items of the period: (day, query index, engine). */
const FAILED_AT: readonly [number, number, TSermEngine][] = [
  [11, 1, "yandex"],
  [40, 1, "yandex"],
  [47, 2, "google"],
];
const PARTIAL_AT: readonly [number, TSermEngine][] = [[33, "google"]];

export function demoDay(profile: TDemoSermProfile, dayIndex: number): TDemoItem[] {
  const items: TDemoItem[] = [];
  profile.queries.forEach((query, queryIndex) => {
    const pool = profile.pages.filter((p) => p.ranks[query.kind] !== undefined);
    const candidates = [...pool, ...fillers(profile, query.kind, Math.max(0, query.depth + 4 - pool.length))];
    for (const engine of DEMO_ENGINES) {
      if (FAILED_AT.some(([d, q, e]) => d === dayIndex && q === queryIndex && e === engine)) {
        items.push({ queryIndex, engine, status: "failed", coverage: null, errorKind: "upstream", error: `${engine === "yandex" ? "Yandex Search API" : "SerpApi"}: the search did not answer in time`, results: [] });
        continue;
      }
      const scored = candidates.map((page) => {
        const bias = (noise(profile.seed, page.key, engine) - 0.5) * 12;
        const daily = (noise(profile.seed, page.key, query.kind, engine, dayIndex) - 0.5) * 6;
        return { page, score: (page.ranks[query.kind] ?? 0) + bias + daily + KIND_TREND[page.kind] * progressOf(dayIndex) };
      });
      scored.sort((a, b) => b.score - a.score || a.page.key.localeCompare(b.page.key));
      const partial = query.depth === 20 && PARTIAL_AT.some(([d, e]) => d === dayIndex && e === engine);
      const top = scored.slice(0, partial ? 10 : query.depth);
      items.push({
        queryIndex,
        engine,
        status: partial ? "partial" : "complete",
        coverage: partial ? "page_failed" : "complete",
        errorKind: partial ? "upstream" : null,
        error: partial ? "page 2: SerpApi: the search did not answer in time" : null,
        results: top.map(({ page }, i) => {
          const rating = ratingOn(page, profile, dayIndex);
          const [textLabel, textConfidence] = KIND_TEXT[page.kind];
          return { position: i + 1, page, title: page.title, snippet: snippetOf(page, rating), rating, textLabel, textConfidence };
        }),
      });
    }
  });
  return items;
}
