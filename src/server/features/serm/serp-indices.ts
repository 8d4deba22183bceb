import { NEGATIVE_UP_TO, POSITIVE_FROM } from "./tonality.ts";

/**
 * The alternative indices of docs SERM.md §2.2, for one query on one engine, computed beside Ex.
 * Left out: SEOmonitor's SR score (proprietary, module deprecated), PRAVDASERM's 100-point scale
 * (its formula is not published) and Brand24's score (sentiment × reach of mentions over 7 days,
 * not a results page).
 */
export type TSerpIndices = {
  /** NegShare@N: results with T ≤ −20 in the top N, divided by N, in %. */
  negShare: number;
  /** NegVisibility@N: Σ P(n) over the negatives / Σ P(n) over the results in the top N, in %. */
  negVisibility: number | null;
  /** Top-10 control: own resources in the top 10, divided by 10, in %. */
  ownShare: number;
  /** Go Fish Digital: page-1 weights, +w for a positive result, −w for a negative one; −100…+100. */
  gfdScore: number;
  /** Eisenegger (2005): (positives − negatives)/results × 100 over the top N. */
  eisenegger: number | null;
};

export const SERP_INDEX_NAMES = ["negShare", "negVisibility", "ownShare", "gfdScore", "eisenegger"] as const satisfies readonly (keyof TSerpIndices)[];

/** Go Fish Digital "How to calculate your online reputation score": positions 1–10, sum 100. */
export const GFD_WEIGHTS: readonly number[] = [35, 18, 12, 8, 7, 6, 5, 4, 3, 2];

/** Results as the index sees them: only those within the top N, each with its P(n) in %. */
export type TIndexedResult = { position: number; t: number; own: boolean; ctr: number };

const PAGE_ONE = 10;

export function serpIndices(results: readonly TIndexedResult[], depth: number): TSerpIndices {
  const isNegative = (r: TIndexedResult) => !r.own && r.t <= NEGATIVE_UP_TO;
  const isPositive = (r: TIndexedResult) => r.own || r.t >= POSITIVE_FROM;
  const negatives = results.filter(isNegative);
  const ctrSum = sum(results.map((r) => r.ctr));
  const pageOne = results.filter((r) => r.position <= PAGE_ONE);
  const gfd = sum(pageOne.map((r) => (GFD_WEIGHTS[r.position - 1] ?? 0) * (isPositive(r) ? 1 : isNegative(r) ? -1 : 0)));
  return {
    negShare: (negatives.length / depth) * 100,
    negVisibility: ctrSum > 0 ? (sum(negatives.map((r) => r.ctr)) / ctrSum) * 100 : null,
    ownShare: (pageOne.filter((r) => r.own).length / PAGE_ONE) * 100,
    gfdScore: gfd,
    eisenegger: results.length > 0 ? ((results.filter(isPositive).length - negatives.length) / results.length) * 100 : null,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
