/**
 * Words and their comparable forms. A word is a run of Unicode letters and digits (combining
 * marks may follow inside it); everything else separates words. Offsets are UTF-16 indices into
 * the original string, so `text.slice(start, end)` is exactly the word as written.
 */

/** Parallel arrays rather than one object per word: the matcher tokenizes every mention. */
export type TTokens = {
  forms: string[];
  starts: number[];
  ends: number[];
  /** Stems of `forms`, filled in lazily by the matcher and shared by every rule applied to the text. */
  stems?: (string | undefined)[];
};

const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/**
 * Case-, ё- and accent-insensitive form: NFC first so a decomposed ё still folds to е, then
 * marks are dropped (stress accents in Russian text: отзы́в = отзыв). Precomposed letters such as
 * й or é keep their identity.
 */
export function foldWord(word: string): string {
  const composed = MARK.test(word) ? word.normalize("NFC") : word;
  const lower = composed.toLowerCase().replaceAll("ё", "е");
  return MARK.test(lower) ? lower.replace(MARKS, "") : lower;
}

export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

export function hasWordChar(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function tokenize(text: string): TTokens {
  const forms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Fold the whole text once and slice forms out of it, which is valid while folding keeps
  // every index in place (no letter that lowercases into two code units, as İ does). A word
  // with a combining mark inside is folded on its own.
  let folded = text.toLowerCase();
  const aligned = folded.length === text.length;
  if (aligned && folded.includes("ё")) folded = folded.replaceAll("ё", "е");
  const length = text.length;
  let i = 0;
  while (i < length) {
    const start = i;
    let kind = charKind(text, i);
    i += kind >> 2;
    if ((kind & 3) !== WORD) continue;
    let marked = false;
    while (i < length) {
      kind = charKind(text, i);
      if ((kind & 3) === OTHER) break;
      if ((kind & 3) === MARK_KIND) marked = true;
      i += kind >> 2;
    }
    forms.push(aligned && !marked ? folded.slice(start, i) : foldWord(text.slice(start, i)));
    starts.push(start);
    ends.push(i);
  }
  return { forms, starts, ends };
}

// A character's kind in the low two bits, its length in UTF-16 units above them.
const OTHER = 0;
const WORD = 1;
const MARK_KIND = 2;
const ONE = 4;
const TWO = 8;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const COMBINING = /^\p{M}$/u;
/** Kinds of BMP characters outside the fast ranges, filled on first sight (0 = not yet known). */
const bmpKinds = new Uint8Array(0x10000);
const astralKinds = new Map<number, number>();

function classify(char: string): number {
  return LETTER_OR_DIGIT.test(char) ? WORD : COMBINING.test(char) ? MARK_KIND : OTHER;
}

/** Hand-rolled because a Unicode-property regex over every text was most of the matching time. */
function charKind(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
      ? ONE | WORD
      : ONE | OTHER;
  }
  if (code >= 0x0410 && code <= 0x044f) return ONE | WORD; // А-я
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return ONE | OTHER;
    const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    let kind = astralKinds.get(point);
    if (kind === undefined) {
      kind = classify(String.fromCodePoint(point));
      if (astralKinds.size < 10_000) astralKinds.set(point, kind);
    }
    return TWO | kind;
  }
  let known = bmpKinds[code] ?? 0;
  if (known === 0) {
    known = classify(String.fromCharCode(code)) + 1;
    bmpKinds[code] = known;
  }
  return ONE | (known - 1);
}

/** The folded words of a short string, e.g. a phrase from a query. */
export function words(text: string): string[] {
  return tokenize(text).forms;
}

export type TScript = "cyrillic" | "latin" | "other";

/** Any Cyrillic letter makes a word Russian for stemming; mixed-script words are rare and mostly Russian. */
export function scriptOf(word: string): TScript {
  let latin = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x0400 && code <= 0x04ff) return "cyrillic";
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f)) latin = true;
  }
  return latin ? "latin" : "other";
}
