import type { TExecutor } from "../../context.ts";
import { type TFacetCount, type TFacetDimension, type TFeedFilter, facetCounts } from "./queries.ts";

/** Values listed per dimension; sites are many, the rest are few. */
const LIMITS: Record<TFacetDimension, number> = { sourceKind: 50, sourceId: 100, site: 30, sentiment: 4, group: 10, lang: 30, status: 3 };
/** Mentions read to count facets: enough to be exact for most brands, bounded for the biggest. */
export const FACET_SCAN_CAP = 100_000;

export type TFacets = Record<TFacetDimension, TFacetCount[]> & { scanned: number; capped: boolean };

/**
 * Counts behind the filter bar: for each dimension, how many mentions (not folded) each value
 * would give with the other filters as they are — the dimension's own choice left out, so the
 * options not chosen still show what they would add. Over at most FACET_SCAN_CAP mentions in
 * scope; `capped` says the counts cover only that many of them.
 */
export async function mentionFacets(db: TExecutor, filter: TFeedFilter, scanCap = FACET_SCAN_CAP): Promise<TFacets> {
  const rows = await facetCounts(db, filter, LIMITS, scanCap);
  const facets: TFacets = { sourceKind: [], sourceId: [], site: [], sentiment: [], group: [], lang: [], status: [], scanned: 0, capped: false };
  for (const row of rows) {
    if (row.dim === "scanned") {
      facets.scanned = Math.min(row.n, scanCap);
      facets.capped = row.n > scanCap;
    } else facets[row.dim].push({ value: row.value ?? "", label: row.label, count: row.n });
  }
  for (const dim of Object.keys(LIMITS) as TFacetDimension[]) facets[dim].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}
