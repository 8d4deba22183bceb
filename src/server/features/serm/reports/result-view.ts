import type { TPageShotRow, TResultRow } from "../scan/queries.ts";
import { type TTonalityColour, tonalityColour } from "../tonality-colour.ts";

/**
 * A stored result as every SERM view shows it: where it stood, what it is, its tonality with
 * the source of it and its colour (SERM.md §8), and the newest screenshot of its page.
 */
export type TResultView = {
  position: number;
  absolutePosition: number | null;
  url: string;
  urlKey: string;
  domain: string;
  title: string;
  snippet: string;
  rating: { value: number; scale: number; count?: number } | null;
  t: number | null;
  own: boolean;
  tonalityClass: string | null;
  /** manual | rating | site | text; null = unlabeled (grey). */
  tonalitySource: string | null;
  needsReview: boolean;
  text: { label: string; confidence: number } | null;
  colour: TTonalityColour;
  pageShot: { hash: string; url: string; capturedAt: string } | null;
};

export const blobUrl = (brandId: string, hash: string) => `/api/brands/${brandId}/blobs/${hash}`;

const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits || 0);

export function presentResult(row: TResultRow, shots: ReadonlyMap<string, TPageShotRow>): TResultView {
  const shot = shots.get(row.urlKey);
  return {
    position: row.position,
    absolutePosition: row.absolutePosition,
    url: row.url,
    urlKey: row.urlKey,
    domain: row.domain,
    title: row.title,
    snippet: row.snippet,
    rating: row.rating,
    t: round(row.t),
    own: row.own,
    tonalityClass: row.tonalityClass,
    tonalitySource: row.tonalitySource,
    needsReview: row.needsReview,
    text: row.textLabel ? { label: row.textLabel, confidence: round(row.textConfidence, 3) ?? 0 } : null,
    colour: tonalityColour(row.t === null ? undefined : { t: row.t, own: row.own }),
    pageShot: shot?.blobHash ? { hash: shot.blobHash, url: blobUrl(row.brandId, shot.blobHash), capturedAt: shot.capturedAt.toISOString() } : null,
  };
}
