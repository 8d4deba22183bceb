/**
 * Tonality T of a search result, −100…+100 (docs SERM.md §1): from review counts, from a class,
 * or as written in an audit table cell.
 */
export const TONALITY_CLASSES = ["positive", "neutral", "negative", "own"] as const;
export type TTonalityClass = (typeof TONALITY_CLASSES)[number];

/** T of a page without reviews, by its class; an own resource counts as +100, shown as "own". */
export const CLASS_TONALITY: Readonly<Record<TTonalityClass, number>> = { positive: 100, neutral: 0, negative: -100, own: 100 };

/** Our thresholds: T ≥ +20 is positive, T ≤ −20 negative, anything between neutral. */
export const POSITIVE_FROM = 20;
export const NEGATIVE_UP_TO = -20;

/** A labelled result: its T, and whether it is the brand's own resource (site, official profile). */
export type TTonality = { t: number; own: boolean };

export class TonalityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TonalityError";
  }
}

/** T = (r⁺ − r⁻)/r × 100 with r = r⁺ + r⁻ + r⁰ all reviews on the page; no reviews → 0. */
export function tonalityFromCounts(positive: number, negative: number, total: number): number {
  for (const [name, value] of [["r+", positive], ["r-", negative], ["r", total]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new TonalityError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  if (positive + negative > total) throw new TonalityError(`r+ + r- (${positive} + ${negative}) is more than r (${total}), the count of all reviews`);
  return total === 0 ? 0 : ((positive - negative) / total) * 100;
}

export function classOfTonality(t: number): Exclude<TTonalityClass, "own"> {
  if (t >= POSITIVE_FROM) return "positive";
  if (t <= NEGATIVE_UP_TO) return "negative";
  return "neutral";
}

/** Russian names as in PRAVDASERM statuses and Russian audit tables, beside the English ones. */
const CLASS_NAMES: Readonly<Record<string, TTonalityClass>> = {
  positive: "positive", позитивный: "positive", позитив: "positive", положительный: "positive",
  neutral: "neutral", нейтральный: "neutral", нейтрал: "neutral",
  negative: "negative", негативный: "negative", негатив: "negative", отрицательный: "negative",
  own: "own", собственный: "own", свой: "own",
};

const NUMBER = /^[-+−]?\d+(?:[.,]\d+)?%?$/;
const COUNTS = /^(\d+)\s*\/\s*(\d+)\s*\/\s*(\d+)$/;

/**
 * A tonality cell of an audit table: a number T (`-36`, `+63.6`, `63,6`), review counts
 * `r+/r-/r` (`12/30/50` → −36), or a class (`positive`, `neutral`, `negative`, `own`).
 */
export function parseTonalityCell(cell: string): TTonality {
  const text = cell.trim();
  if (text === "") throw new TonalityError("is empty: write a number from -100 to 100, r+/r-/r review counts (12/30/50) or a class");
  const counts = COUNTS.exec(text);
  if (counts) return { t: tonalityFromCounts(Number(counts[1]), Number(counts[2]), Number(counts[3])), own: false };
  if (NUMBER.test(text)) {
    const t = Number(text.replace("−", "-").replace(",", ".").replace("%", ""));
    if (t < -100 || t > 100) throw new TonalityError(`${text} is outside -100…100`);
    return { t: t === 0 ? 0 : t, own: false };
  }
  const tonalityClass = CLASS_NAMES[text.toLowerCase()];
  if (tonalityClass) return { t: CLASS_TONALITY[tonalityClass], own: tonalityClass === "own" };
  throw new TonalityError(
    `"${text}" is not a tonality: write a number from -100 to 100, r+/r-/r review counts (12/30/50) or one of ${TONALITY_CLASSES.join(", ")}`,
  );
}
