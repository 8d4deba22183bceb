/**
 * A star rating from what a page shows or hides in attributes: "4", "4/5", "4 из 5",
 * "4.5 out of 5", "Оценка: 4,5", title="4 звезды", "★★★★☆", class="stars-4". Without a stated
 * scale, up to 5 is read as five stars and up to 10 as ten points; anything else is no rating.
 */
export type TRating = { value: number; scale: number };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const OUT_OF = new RegExp(String.raw`${NUMBER}\s*(?:\/|из|out of|of)\s*${NUMBER}`, "iu");
const FIRST_NUMBER = new RegExp(NUMBER, "u");
const CLASS_RATING = /(?:^|[\s_-])(?:rating|stars?|score|rate)[-_]?(\d{1,2})(?=$|[\s_-])/i;

export function parseRating(input: string | undefined | null): TRating | undefined {
  const text = (input ?? "").trim();
  if (!text) return undefined;
  const stars = [...text].filter((c) => c === "★").length;
  const empty = [...text].filter((c) => c === "☆").length;
  if (stars + empty > 0 && !/\d/.test(text)) return checked(stars, stars + empty === 1 ? 5 : Math.max(5, stars + empty));
  const outOf = OUT_OF.exec(text);
  if (outOf) return checked(num(outOf[1]), num(outOf[2]));
  const first = FIRST_NUMBER.exec(text);
  if (!first) return undefined;
  const value = num(first[1]);
  return checked(value, value <= 5 ? 5 : value <= 10 ? 10 : Number.NaN);
}

/** "rating-4", "stars_5", "star4" in a class list. */
export function ratingFromClass(className: string | undefined): TRating | undefined {
  const digits = CLASS_RATING.exec(className ?? "")?.[1];
  return digits === undefined ? undefined : checked(Number(digits), Number(digits) <= 5 ? 5 : 10);
}

/** A schema.org-style value and best rating ("4,5" and "5" as strings or numbers). */
export function ratingOf(value: unknown, best: unknown, fallbackScale = 5): TRating | undefined {
  const v = typeof value === "number" ? value : typeof value === "string" ? num(value.trim()) : Number.NaN;
  const b = typeof best === "number" ? best : typeof best === "string" && best.trim() ? num(best.trim()) : fallbackScale;
  return checked(v, b);
}

function num(text: string | undefined): number {
  return /^\d+(?:[.,]\d+)?$/.test(text ?? "") ? Number((text ?? "").replace(",", ".")) : Number.NaN;
}

function checked(value: number, scale: number): TRating | undefined {
  if (!Number.isFinite(value) || !Number.isFinite(scale) || scale <= 0 || scale > 100 || value < 0 || value > scale) return undefined;
  return { value, scale };
}
