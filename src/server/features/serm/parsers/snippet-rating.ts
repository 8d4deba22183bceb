import { cleanText } from "./page-text.ts";
import type { TSerpRating } from "./serp-types.ts";

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const OUT_OF = new RegExp(String.raw`${NUMBER}\s*(?:/|из|of|out of|von|sur)\s*${NUMBER}`, "i");
const PERCENT = new RegExp(String.raw`${NUMBER}\s*%`);
const LABELLED = new RegExp(String.raw`(?:rating|рейтинг|оценка|valoraci[oó]n|bewertung)\s*:?\s*${NUMBER}`, "i");
const BARE = new RegExp(String.raw`^${NUMBER}$`);
const COUNT_IN_PARENS = /\(\s*(\d[\d\s.,]*\s*[KkMmКкМм]?)\s*\)/;
const COUNT_BEFORE_NOUN = /(\d[\d\s.,]*\s*(?:[KkMm]|тыс\.?|млн)?)\s*(?:votes?|reviews?|ratings?|rezensionen|opiniones|отзыв|оцен|голос)/i;

/**
 * The rating a snippet shows, read from its text in the forms the engines print:
 * `Rating: 8.7/10 · 1,947,320 votes`, `Rating: 4.7 · 26,026 reviews`, `Rating: 88% · 161 votes`
 * (Google), `4,4/5 (181,1K)` (Bing), `3,7/5`, `4 из 5 · 7 отзывов` (Yandex). A bare number is
 * taken on `defaultScale` (stars). Values outside their scale are not a rating.
 */
export function parseSnippetRating(text: string, defaultScale = 5): TSerpRating | undefined {
  const line = cleanText(text);
  let value: number | undefined;
  let scale: number | undefined;
  let rest = "";
  const outOf = OUT_OF.exec(line);
  const percent = outOf ? null : PERCENT.exec(line);
  const labelled = outOf || percent ? null : LABELLED.exec(line);
  const bare = outOf || percent || labelled ? null : BARE.exec(line);
  if (outOf) {
    value = decimal(outOf[1]);
    scale = decimal(outOf[2]);
    rest = line.slice(outOf.index + outOf[0].length);
  } else if (percent) {
    value = decimal(percent[1]);
    scale = 100;
    rest = line.slice(percent.index + percent[0].length);
  } else if (labelled ?? bare) {
    const match = (labelled ?? bare) as RegExpExecArray;
    value = decimal(match[1]);
    scale = defaultScale;
    rest = line.slice(match.index + match[0].length);
  }
  if (value === undefined || scale === undefined || !(scale > 0) || value < 0 || value > scale) return undefined;
  const count = readCount(rest);
  return count === undefined ? { value, scale } : { value, scale, count };
}

/** Stars drawn as a width (Yandex `rating2__stars_width_80`): 80 % of 5 stars is 4. */
export function ratingFromStarWidth(percent: number, scale = 5): TSerpRating | undefined {
  if (!(percent >= 0 && percent <= 100)) return undefined;
  return { value: Math.round((percent / 100) * scale * 10) / 10, scale };
}

function readCount(text: string): number | undefined {
  const match = COUNT_IN_PARENS.exec(text) ?? COUNT_BEFORE_NOUN.exec(text);
  return match?.[1] ? parseCount(match[1]) : undefined;
}

/** `1,947,320`, `26 026`, `181,1K`, `2.5M`, `12 тыс.` → whole numbers. */
export function parseCount(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, "");
  const suffix = /^(\d+(?:[.,]\d+)?)([KkMmКкМм]|тыс\.?|млн)$/.exec(compact);
  if (suffix?.[1] && suffix[2]) {
    const multiplier = /^[KkКк]|тыс/.test(suffix[2]) ? 1_000 : 1_000_000;
    return Math.round(Number(suffix[1].replace(",", ".")) * multiplier);
  }
  if (!/^\d[\d.,]*$/.test(compact)) return undefined;
  const count = Number(compact.replace(/[.,]/g, ""));
  return Number.isSafeInteger(count) ? count : undefined;
}

function decimal(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}
