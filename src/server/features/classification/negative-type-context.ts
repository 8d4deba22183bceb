/**
 * Context of a text beyond its words, for `negative-type-classifier.ts`: how it is written
 * (exclamation marks, shouting in capitals, angry or mocking emoji, stretched letters), how long
 * it is, whether the author speaks about themselves or at the reader, and which concrete details
 * it carries (order and ticket numbers, dates, clock times, sums of money, durations), which are
 * what a real complaint has and a troll's line has not. One pass over the characters; the detail
 * patterns run only when the text has a digit or a currency sign.
 *
 * Known limits: "concrete detail" means digits (a date written in words, "позавчера", is a
 * lexicon cue instead); capitals count only in words of four or more letters, so short
 * acronyms (HR, FTC, СДЭК would count) are mostly left alone.
 */
import type { TWords } from "./aspects-cue-index.ts";

export type TSpan = { start: number; end: number; cue: string };

export type TTextContext = {
  words: number;
  exclamations: number;
  /** Runs of two or more "!" and any "?!" / "!?". */
  exclamationRuns: TSpan[];
  /** Words of four or more letters written entirely in capitals. */
  capsWords: TSpan[];
  /** Share of capital letters among letters (0 when there are fewer than 12 letters). */
  capsRatio: number;
  angryEmoji: TSpan[];
  mockingEmoji: TSpan[];
  /** A letter three or more times in a row ("аааа", "sooo"). */
  stretched: TSpan[];
  firstPerson: number;
  secondPerson: number;
  /** Concrete details (at most MAX_DETAILS), in text order. */
  details: TSpan[];
};

const FIRST_PERSON = [
  "я", "меня", "мне", "мной", "мой", "моя", "мое", "мою", "мои", "моих", "моей", "моего", "мы", "нас", "нам", "наш", "наша", "наши",
  "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "our", "us",
];
const SECOND_PERSON = [
  "вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "вашу", "ваши", "ваших", "ты", "тебя", "тебе", "твой", "твоя", "твои",
  "you", "you're", "your", "yours", "ya", "u", "ur",
];
/** 1 = first person, 2 = second person. */
const PERSON = new Map<string, 1 | 2>([...FIRST_PERSON.map((w) => [w, 1] as const), ...SECOND_PERSON.map((w) => [w, 2] as const)]);
const ANGRY_EMOJI = new Set([..."😡🤬😤👿💢🤮"]);
const MOCKING_EMOJI = new Set([..."😂🤣😹🤡💩🙄💀🥱"]);

/** Details beyond this many are not looked for: the score counts three, the UI needs a few. */
const MAX_DETAILS = 20;

const RU_MONTHS = "январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр";
const EN_MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DETAIL_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ["detail:number", /(?:№|#|\bno\.)\s?\d{3,}|(?:заказ|заявк|обращени|договор|order|ticket|case|claim)\p{L}*\s*(?:№|#|номер|number|no\.?)?\s*\d{4,}/giu],
  ["detail:date", new RegExp(`\\b\\d{1,2}[./]\\d{1,2}(?:[./]\\d{2,4})?\\b|\\b\\d{1,2}\\s+(?:${RU_MONTHS})\\p{L}*|\\b(?:${EN_MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${EN_MONTHS})\\b`, "giu")],
  ["detail:time", /\b\d{1,2}:\d{2}\b/gu],
  ["detail:amount", /[$€£₽]\s?\d[\d\s.,]*|\d[\d\s.,]*\s?(?:руб\p{L}*|р\.|₽|тыс\p{L}*|\$|€|£|usd|eur|dollars?|bucks|euros?)(?![\p{L}])/giu],
  ["detail:duration", /\b\d+(?:[.,]\d+)?[\s-]*(?:мин\p{L}*|час\p{L}*|дн\p{L}*|день|недел\p{L}*|месяц\p{L}*|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|business days)(?![\p{L}])/giu],
];

export function textContext(text: string, words: TWords): TTextContext {
  let exclamations = 0;
  let letters = 0;
  let upper = 0;
  let hasDigitOrCurrency = false;
  const exclamationRuns: TSpan[] = [];
  const angryEmoji: TSpan[] = [];
  const mockingEmoji: TSpan[] = [];
  const stretched: TSpan[] = [];
  let runStart = -1;
  let runBangs = 0;
  let same = 0;
  let previous = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    // runs of ! and ?
    if (c === 0x21 || c === 0x3f) {
      if (runStart < 0) {
        runStart = i;
        runBangs = 0;
      }
      if (c === 0x21) {
        exclamations++;
        runBangs++;
      }
    } else if (runStart >= 0) {
      const length = i - runStart;
      if (runBangs >= 2 || (runBangs >= 1 && length >= 2)) exclamationRuns.push({ start: runStart, end: i, cue: "style:exclamations" });
      runStart = -1;
    }
    if (i === n) break;
    if (c >= 0x30 && c <= 0x39) hasDigitOrCurrency = true;
    else if (c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0x20bd || c === 0x2116) hasDigitOrCurrency = true;
    const isUpper = (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) || c === 0x401;
    const isLower = (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x44f) || c === 0x451;
    if (isUpper || isLower) {
      letters++;
      if (isUpper) upper++;
      const folded = c | (c < 0x80 ? 0x20 : 0);
      const key = c >= 0x410 && c <= 0x42f ? c + 0x20 : folded;
      // "www" in an address is not a stretched word.
      same = key === previous && key !== 0x77 ? same + 1 : 1;
      previous = key;
      if (same === 3) stretched.push({ start: i - 2, end: i + 1, cue: "style:stretched" });
      else if (same > 3) {
        const last = stretched.at(-1);
        if (last) last.end = i + 1;
      }
    } else {
      same = 0;
      previous = 0;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const emoji = text.slice(i, i + 2);
        if (ANGRY_EMOJI.has(emoji)) angryEmoji.push({ start: i, end: i + 2, cue: "style:angry_emoji" });
        else if (MOCKING_EMOJI.has(emoji)) mockingEmoji.push({ start: i, end: i + 2, cue: "style:mocking_emoji" });
      }
    }
  }

  const capsWords: TSpan[] = [];
  let firstPerson = 0;
  let secondPerson = 0;
  for (let w = 0; w < words.forms.length; w++) {
    const person = PERSON.get(words.forms[w] as string);
    if (person === 1) firstPerson++;
    else if (person === 2) secondPerson++;
    if (upper === 0) continue;
    const start = words.starts[w] as number;
    const end = words.ends[w] as number;
    if (end - start >= 4 && isUpperCode(text.charCodeAt(start)) && isAllCaps(text, start, end)) capsWords.push({ start, end, cue: "style:caps" });
  }

  const details: TSpan[] = [];
  if (hasDigitOrCurrency) {
    const found: (TSpan & { rank: number })[] = [];
    for (const [rank, [cue, pattern]] of DETAIL_PATTERNS.entries()) {
      for (const match of text.matchAll(pattern)) {
        found.push({ start: match.index, end: match.index + match[0].trimEnd().length, cue, rank });
      }
    }
    // Where two patterns overlap, the one listed first wins ("№ 45812" is a number, not an amount).
    found.sort((a, b) => a.rank - b.rank || a.start - b.start);
    const kept: TSpan[] = [];
    for (const span of found) {
      if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push({ start: span.start, end: span.end, cue: span.cue });
      if (kept.length >= MAX_DETAILS) break;
    }
    details.push(...kept.sort((a, b) => a.start - b.start));
  }

  return {
    words: words.forms.length,
    exclamations,
    exclamationRuns,
    capsWords,
    capsRatio: letters >= 12 ? upper / letters : 0,
    angryEmoji,
    mockingEmoji,
    stretched,
    firstPerson,
    secondPerson,
    details,
  };
}

function isUpperCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) || c === 0x401;
}

function isAllCaps(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f) || c === 0x401) letters++;
    else if (c !== 0x27 && c !== 0x2019) return false;
  }
  return letters >= 4;
}
