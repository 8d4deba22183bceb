import { type TTonalityClass, classOfTonality } from "./tonality.ts";

/**
 * Which label a result gets (docs SERM.md §1.1): manual > rating > site default > text. The
 * caller gathers the candidates; this picks one and says where it came from, so every T on a
 * report can be traced to its evidence.
 */
export const LABEL_SOURCES = ["manual", "rating", "site", "text"] as const;
export type TLabelSource = (typeof LABEL_SOURCES)[number];

export type TTonalityLabel = {
  t: number;
  /** The brand's own resource (site, official VK / Telegram / YouTube / hh.ru profile). */
  own?: boolean;
  /** Of a text-sentiment label: below TEXT_REVIEW_CONFIDENCE it goes to the review queue. */
  confidence?: number;
  /** Set by the caller, e.g. a review aggregator without a rating (site default 0 + review flag). */
  needsReview?: boolean;
};

/** A specialist's label; it applies from `validFrom` (inclusive) until `validTo` (exclusive). */
export type TManualLabel = TTonalityLabel & { validFrom?: Date; validTo?: Date };

export type TLabelCandidates = {
  /** The moment the result was seen: a manual label applies only inside its validity window. */
  at: Date;
  manual?: readonly TManualLabel[];
  rating?: TTonalityLabel;
  site?: TTonalityLabel;
  text?: TTonalityLabel;
};

export type TResolvedTonality = { t: number; own: boolean; tonalityClass: TTonalityClass; source: TLabelSource; needsReview: boolean };

export const TEXT_REVIEW_CONFIDENCE = 0.7;

function isValidAt(label: TManualLabel, at: Date): boolean {
  return (!label.validFrom || label.validFrom <= at) && (!label.validTo || at < label.validTo);
}

/** undefined when no candidate applies: the result is unlabeled (grey on the colour scale). */
export function resolveTonality(candidates: TLabelCandidates): TResolvedTonality | undefined {
  // Of several manual labels valid at that moment, the one that started last is the newest word.
  const manual = (candidates.manual ?? [])
    .filter((label) => isValidAt(label, candidates.at))
    .reduce<TManualLabel | undefined>((newest, label) => (!newest || (label.validFrom?.getTime() ?? -Infinity) >= (newest.validFrom?.getTime() ?? -Infinity) ? label : newest), undefined);
  const chosen: [TLabelSource, TTonalityLabel | undefined][] = [
    ["manual", manual],
    ["rating", candidates.rating],
    ["site", candidates.site],
    ["text", candidates.text],
  ];
  for (const [source, label] of chosen) {
    if (!label) continue;
    const own = label.own === true;
    const lowConfidence = source === "text" && (label.confidence ?? 0) < TEXT_REVIEW_CONFIDENCE;
    return {
      t: label.t,
      own,
      tonalityClass: own ? "own" : classOfTonality(label.t),
      source,
      needsReview: label.needsReview === true || lowConfidence,
    };
  }
  return undefined;
}
