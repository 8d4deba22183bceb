import { NEGATIVE_UP_TO, POSITIVE_FROM } from "./tonality.ts";

/**
 * The colour scale of docs SERM.md §8 and the Ex bands of §2.2. Colours: ColorBrewer RdYlGn-5,
 * RdBu-5 in colour-blind mode; a +/−/0 glyph always goes with the colour.
 */
export const BANDS = ["critical", "negative", "neutral", "positive", "strong"] as const;
export type TBand = (typeof BANDS)[number];

export const BAND_COLOURS: Readonly<Record<TBand, string>> = {
  critical: "#d7191c",
  negative: "#fdae61",
  neutral: "#ffffbf",
  positive: "#a6d96a",
  strong: "#1a9641",
};
export const BAND_COLOURS_COLOUR_BLIND: Readonly<Record<TBand, string>> = {
  critical: "#ca0020",
  negative: "#f4a582",
  neutral: "#f7f7f7",
  positive: "#92c5de",
  strong: "#0571b0",
};
export const OWN_COLOUR = "#2c7bb6";
/** Shown hatched. */
export const UNLABELED_COLOUR = "#bdbdbd";

const OUTER = 60;

/**
 * §8 bins of a result's T: ≤ −60, −60…−20, −20…+20, +20…+60, ≥ +60. The inner edges follow the
 * class thresholds of §1 (T ≤ −20 is negative, T ≥ +20 positive), so colour and class agree.
 */
export function tonalityBand(t: number): TBand {
  if (t <= -OUTER) return "critical";
  if (t >= OUTER) return "strong";
  return innerBand(t);
}

/** §2.2 bands of an Ex value: < −60 critical, > +60 strong; the same inner edges as T. */
export function exBand(ex: number): TBand {
  if (ex < -OUTER) return "critical";
  if (ex > OUTER) return "strong";
  return innerBand(ex);
}

function innerBand(value: number): TBand {
  if (value <= NEGATIVE_UP_TO) return "negative";
  if (value >= POSITIVE_FROM) return "positive";
  return "neutral";
}

export type TTonalityColour = { band: TBand | "own" | "unlabeled"; colour: string; glyph: "+" | "−" | "0" | "" };

/** The cell colour of a result: own resources and unlabeled results have their own states. */
export function tonalityColour(label: { t: number; own?: boolean } | undefined, options: { colourBlind?: boolean } = {}): TTonalityColour {
  if (!label) return { band: "unlabeled", colour: UNLABELED_COLOUR, glyph: "" };
  if (label.own) return { band: "own", colour: OWN_COLOUR, glyph: "+" };
  const band = tonalityBand(label.t);
  const colours = options.colourBlind ? BAND_COLOURS_COLOUR_BLIND : BAND_COLOURS;
  const glyph = label.t >= POSITIVE_FROM ? "+" : label.t <= NEGATIVE_UP_TO ? "−" : "0";
  return { band, colour: colours[band], glyph };
}
