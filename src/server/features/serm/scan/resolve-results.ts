import type { TExecutor } from "../../../context.ts";
import type { TAggregateRatingValue, TResultRating } from "../../../db/schema/serm.ts";
import { type TSermLabelRow, listBrandLabels, listSiteDefaults } from "../config/queries.ts";
import { tonalityFromRating } from "../rating-tonality.ts";
import { type TManualLabel, type TResolvedTonality, resolveTonality } from "../resolve-tonality.ts";
import { type TSiteMatcher, mergeSiteTable, siteLabel, siteMatcher } from "../site-defaults.ts";
import { CLASS_TONALITY } from "../tonality.ts";
import { type TResolveFilter, type TResolveRow, type TTonalityUpdate, latestPageShots, resultsToResolve, updateResultTonality } from "./queries.ts";

/**
 * Tonality of stored results (SERM.md §1.1): manual label on the normalized URL > rating (the
 * snippet's, then the page's AggregateRating) > the site-defaults table > title + snippet
 * sentiment. Every candidate is kept on the row or beside it, so resolving again after a label
 * or the table changed needs no rescan; rows whose outcome did not change are not written.
 */
export type TResolveInputs = {
  labels: Map<string, TManualLabel[]>;
  site: TSiteMatcher;
  pageRatings: Map<string, TAggregateRatingValue>;
};

export function manualLabelOf(row: Pick<TSermLabelRow, "t" | "labelClass" | "validFrom" | "validUntil">): TManualLabel {
  const label: TManualLabel = { t: row.t, own: row.labelClass === "own" };
  if (row.validFrom) label.validFrom = row.validFrom;
  if (row.validUntil) label.validTo = row.validUntil;
  return label;
}

export async function loadResolveInputs(db: TExecutor, brandId: string, urlKeys: readonly string[]): Promise<TResolveInputs> {
  const labels = new Map<string, TManualLabel[]>();
  for (const row of await listBrandLabels(db, brandId)) labels.set(row.urlKey, [...(labels.get(row.urlKey) ?? []), manualLabelOf(row)]);
  const custom = (await listSiteDefaults(db, brandId)).map((r) => ({ id: r.id, pattern: r.pattern, siteClass: r.siteClass, t: r.t, note: r.note }));
  const shots = await latestPageShots(db, brandId, [...new Set(urlKeys)]);
  const pageRatings = new Map<string, TAggregateRatingValue>();
  for (const [key, shot] of shots) if (shot.aggregateRating) pageRatings.set(key, shot.aggregateRating);
  return { labels, site: siteMatcher(mergeSiteTable(custom)), pageRatings };
}

const TEXT_T = { positive: CLASS_TONALITY.positive, neutral: CLASS_TONALITY.neutral, negative: CLASS_TONALITY.negative } as const;

/** A result is seen on its (local) day; a manual label counts when valid at noon UTC of it. */
export function resolveRow(
  row: Pick<TResolveRow, "day" | "url" | "urlKey" | "rating" | "textLabel" | "textConfidence">,
  inputs: TResolveInputs,
): TResolvedTonality | undefined {
  const rating: TResultRating | null = row.rating;
  const fromRating = tonalityFromRating({
    snippet: rating ? { score: rating.value, maxScore: rating.scale, count: rating.count ?? null } : undefined,
    aggregate: inputs.pageRatings.get(row.urlKey),
  });
  return resolveTonality({
    at: new Date(`${row.day}T12:00:00Z`),
    manual: inputs.labels.get(row.urlKey),
    rating: fromRating ? { t: fromRating.t } : undefined,
    site: siteLabel(inputs.site(row.url)),
    text: row.textLabel ? { t: TEXT_T[row.textLabel], confidence: row.textConfidence ?? 0 } : undefined,
  });
}

function toUpdate(row: TResolveRow, resolved: TResolvedTonality | undefined): TTonalityUpdate {
  return {
    id: row.id,
    t: resolved ? resolved.t : null,
    own: resolved?.own ?? false,
    tonalityClass: resolved?.tonalityClass ?? null,
    tonalitySource: resolved?.source ?? null,
    needsReview: resolved?.needsReview ?? false,
  };
}

/** Stored T is a float4: equal within what the column holds. */
const sameT = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-3);

const same = (row: TResolveRow, next: TTonalityUpdate) =>
  sameT(row.t, next.t) && row.own === next.own && row.tonalityClass === next.tonalityClass && row.tonalitySource === next.tonalitySource && row.needsReview === next.needsReview;

/** Resolves again and stores what changed; returns the days whose results changed. */
export async function resolveStoredResults(
  db: TExecutor,
  brandId: string,
  filter: TResolveFilter,
): Promise<{ days: string[]; changed: number; resolved: number }> {
  const rows = await resultsToResolve(db, brandId, filter);
  const inputs = await loadResolveInputs(db, brandId, rows.map((r) => r.urlKey));
  const updates: TTonalityUpdate[] = [];
  const days = new Set<string>();
  for (const row of rows) {
    const next = toUpdate(row, resolveRow(row, inputs));
    if (same(row, next)) continue;
    updates.push(next);
    days.add(row.day);
  }
  await updateResultTonality(db, updates);
  return { days: [...days].sort(), changed: updates.length, resolved: rows.length };
}
