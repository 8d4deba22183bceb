import { type CheerioAPI, load } from "cheerio";
import { jsonLdAggregate, jsonLdReviews, readJsonLd } from "./json-ld.ts";
import { microdataAggregate, microdataReviews } from "./microdata.ts";
import type { TAggregateRating, TPageReview } from "./page-review.ts";

/**
 * The "auto" reading of a page: schema.org Reviews from JSON-LD or microdata. Sites often carry
 * the same reviews in both; the richer reading wins rather than a merge, which would count each
 * review twice whenever the two disagree on a detail.
 */
export function extractSchemaReviews($: CheerioAPI, pageUrl: string, now: Date): TPageReview[] {
  const fromJsonLd = jsonLdReviews(readJsonLd($), pageUrl, now);
  const fromMicrodata = microdataReviews($, pageUrl, now);
  return fromMicrodata.length > fromJsonLd.length ? fromMicrodata : fromJsonLd;
}

/**
 * The page's overall rating (schema.org AggregateRating: ratingValue, bestRating default 5,
 * reviewCount/ratingCount), JSON-LD first, then microdata. Pure; SERM reuses it for result pages.
 */
export function extractAggregateRating(html: string): TAggregateRating | undefined {
  return aggregateRatingOf(load(html));
}

export function aggregateRatingOf($: CheerioAPI): TAggregateRating | undefined {
  return jsonLdAggregate(readJsonLd($)) ?? microdataAggregate($);
}
