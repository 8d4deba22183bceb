import { tonalityFromCounts } from "./tonality.ts";

/**
 * Rating → T (docs SERM.md §1.1 step 2). Sources in order: the SERP snippet rating, then the
 * page's schema.org AggregateRating, then a star histogram. Ratings are scraped data: a source
 * that is missing, empty (no ratings) or inconsistent (value outside its scale) is passed over,
 * never an error.
 */

/** As SERP parsers give it, e.g. Google's `{"score":4.5,"max_score":5,"number_of_ratings":null}`. */
export type TSnippetRating = { score: number; maxScore: number; minScore?: number; count?: number | null };

/** schema.org AggregateRating; bestRating and worstRating default to 5 and 1 as schema.org says. */
export type TAggregateRating = { ratingValue: number; bestRating?: number; worstRating?: number; ratingCount?: number; reviewCount?: number };

/** Counts of 1★ … 5★ reviews. */
export type TStarHistogram = readonly [number, number, number, number, number];

export type TRatingEvidence = { snippet?: TSnippetRating; aggregate?: TAggregateRating; histogram?: TStarHistogram };
export type TRatingSource = keyof TRatingEvidence;

const SCHEMA_BEST = 5;
const SCHEMA_WORST = 1;

/** T = (v − mid)/(max − mid)·100 with mid = (max + min)/2: 4.5 of 1…5 → +75, 2.1 → −45. */
export function tonalityFromAverage(value: number, best = SCHEMA_BEST, worst = SCHEMA_WORST): number | undefined {
  if (![value, best, worst].every(Number.isFinite) || best <= worst || value < worst || value > best) return undefined;
  const mid = (best + worst) / 2;
  return ((value - mid) / (best - mid)) * 100;
}

/** r⁺ = 4–5★, r⁻ = 1–2★, r⁰ = 3★. */
export function tonalityFromHistogram(stars: TStarHistogram): number | undefined {
  if (!stars.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
  const [one, two, three, four, five] = stars;
  const total = one + two + three + four + five;
  return total === 0 ? undefined : tonalityFromCounts(four + five, one + two, total);
}

const noRatings = (count: number | null | undefined) => count === 0;

/** The first source, in the order above, that yields a T; undefined when none does. */
export function tonalityFromRating(evidence: TRatingEvidence): { t: number; source: TRatingSource } | undefined {
  const { snippet, aggregate, histogram } = evidence;
  if (snippet && !noRatings(snippet.count)) {
    const t = tonalityFromAverage(snippet.score, snippet.maxScore, snippet.minScore ?? SCHEMA_WORST);
    if (t !== undefined) return { t, source: "snippet" };
  }
  if (aggregate && !noRatings(aggregate.ratingCount ?? aggregate.reviewCount)) {
    const t = tonalityFromAverage(aggregate.ratingValue, aggregate.bestRating ?? SCHEMA_BEST, aggregate.worstRating ?? SCHEMA_WORST);
    if (t !== undefined) return { t, source: "aggregate" };
  }
  if (histogram) {
    const t = tonalityFromHistogram(histogram);
    if (t !== undefined) return { t, source: "histogram" };
  }
  return undefined;
}
