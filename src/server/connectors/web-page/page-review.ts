import type { TPageDate } from "./page-dates.ts";
import type { TRating } from "./rating.ts";

/** One review or comment as read from a page, before it becomes a connector item. */
export type TPageReview = {
  source: "json-ld" | "microdata" | "selectors";
  /** An id the page gives it (JSON-LD @id/url, itemid, data-id): stable across runs and edits. */
  localId?: string;
  /** An element id on the page, for a `#fragment` link to the review. */
  anchor?: string;
  /** Absolute URL of the review itself, when the page links to one. */
  link?: string;
  author?: string;
  authorUrl?: string;
  title?: string;
  /** Plain text. */
  text: string;
  pros?: string;
  cons?: string;
  /** The date as the page wrote it, kept as evidence. */
  dateText?: string;
  date?: TPageDate;
  updated?: Date;
  rating?: TRating;
  raw: unknown;
};

/** The page's overall score (schema.org AggregateRating), for SERM snapshots and as item context. */
export type TAggregateRating = {
  ratingValue: number;
  bestRating: number;
  worstRating?: number;
  reviewCount?: number;
  ratingCount?: number;
  /** Name of the rated thing (the Product/Organization holding the rating), when given. */
  itemName?: string;
  source: "json-ld" | "microdata";
};
