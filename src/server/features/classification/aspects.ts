/**
 * Which aspects of the business a mention talks about: service, staff, price, quality, delivery,
 * product, employer — several at once — or "other" when the text is not empty and none is found.
 *
 * How it decides: Russian (`aspects-lexicon-ru.ts`) and English (`aspects-lexicon-en.ts`) cue
 * lexicons with prefixes for inflection, matched word by word (`aspects-cue-index.ts`); each word
 * is read by the lexicon of its own script, so mixed-language texts work and `lang` is only a
 * hint kept for the interface. A sum of money ("350 ₽", "$15", "1 500 руб.") is a price cue.
 * Negation does not matter here: "не доставили" is about delivery as much as "доставили".
 * Every hit is returned with its span and the pattern that found it, for highlighting; overlapping
 * hits of the same aspect are merged into the first one.
 *
 * Known limits: a word is an aspect cue wherever it appears ("курьер" is delivery and staff; a
 * "мастер-класс" is staff); products are an open class, so only generic nouns and common goods
 * are listed — a dish or a gadget the lexicon lacks gives no "product"; no sense of who speaks
 * ("сотрудник" in a customer's review is staff, in an ex-employee's it is also employer).
 * Measured on the hand-written probes, see `aspects-probes.test.ts`.
 */
import { buildCueIndex, scanCues, splitWords } from "./aspects-cue-index.ts";
import { EN_ASPECT_CUES, type TAspectCueTable } from "./aspects-lexicon-en.ts";
import { RU_ASPECT_CUES } from "./aspects-lexicon-ru.ts";

export const ASPECT_IDS = ["service", "staff", "price", "quality", "delivery", "product", "employer", "other"] as const;
export type TAspectId = (typeof ASPECT_IDS)[number];

export type TAspectHit = { aspect: TAspectId; start: number; end: number; cue: string };

type TFoundAspect = Exclude<TAspectId, "other">;
const FOUND_ASPECTS = ASPECT_IDS.filter((a): a is TFoundAspect => a !== "other");

const INDEX = buildCueIndex(
  FOUND_ASPECTS.flatMap((tag) =>
    [RU_ASPECT_CUES, EN_ASPECT_CUES].map((table: TAspectCueTable) => ({
      tag,
      lines: table[tag].map((line) => [line, 1] as const),
      negatable: false,
    })),
  ),
);

const MONEY_RE =
  /[$€£₽]\s?\d[\d\s.,]*\d|[$€£₽]\s?\d|\d(?:[\d\s.,]*\d)?\s?(?:₽|\$|€|£|руб\.?(?![\p{L}])|р\.(?![\p{L}])|usd|eur|dollars?|bucks|euros?)(?![\p{L}])/giu;
const HAS_MONEY_CHAR = /[\d$€£₽]/;

/**
 * Aspects of a text, in reading order, one hit per cue found (an aspect may appear several
 * times). Empty or blank text → []; text without any cue → one "other" hit over the whole text.
 * `_lang` is accepted for symmetry with the classifiers; each word is read by its script.
 */
export function detectAspects(text: string, _lang?: string | null): TAspectHit[] {
  if (text.trim() === "") return [];
  const hits: TAspectHit[] = [];
  for (const hit of scanCues(INDEX, splitWords(text))) {
    hits.push({ aspect: hit.entry.tag, start: hit.start, end: hit.end, cue: hit.entry.cue });
  }
  if (HAS_MONEY_CHAR.test(text)) {
    for (const match of text.matchAll(MONEY_RE)) {
      const value = match[0].trimEnd();
      hits.push({ aspect: "price", start: match.index, end: match.index + value.length, cue: "amount of money" });
    }
  }
  if (hits.length === 0) {
    const start = text.length - text.trimStart().length;
    return [{ aspect: "other", start, end: text.trimEnd().length, cue: "no aspect cue" }];
  }
  return mergeOverlaps(hits);
}

/** The distinct aspects of a list of hits, in the order of ASPECT_IDS. */
export function aspectSet(hits: readonly TAspectHit[]): TAspectId[] {
  const found = new Set(hits.map((h) => h.aspect));
  return ASPECT_IDS.filter((a) => found.has(a));
}

/**
 * Overlapping hits of one aspect keep the first (longest); a hit inside a longer phrase of
 * another aspect is dropped ("former employee" is employer, not staff; "пункт выдачи" is
 * delivery only).
 */
function mergeOverlaps(hits: TAspectHit[]): TAspectHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.aspect.localeCompare(b.aspect));
  const out: TAspectHit[] = [];
  const lastEnd = new Map<TAspectId, number>();
  let phrase: TAspectHit | undefined;
  for (const hit of hits) {
    if ((lastEnd.get(hit.aspect) ?? -1) > hit.start) continue;
    if (phrase && hit.start >= phrase.start && hit.end <= phrase.end && hit.end - hit.start < phrase.end - phrase.start) continue;
    lastEnd.set(hit.aspect, hit.end);
    out.push(hit);
    if (/\s/.test(hit.cue) && (!phrase || hit.end > phrase.end)) phrase = hit;
  }
  return out;
}
