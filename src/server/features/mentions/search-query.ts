import { tokenize } from "../semantic-core/text-normalize.ts";

/**
 * The feed's search box, parsed into plain data before any SQL is written. The syntax is what
 * people type into a search engine:
 *
 *   доставка карт        every word, each as a prefix in any form (доставк finds доставка, доставки)
 *   "быстрая доставка"   an exact phrase (word forms still match: быстрой доставки)
 *   -спам  -"купить дёшево"   excluded words and phrases
 *   карта OR кредит      either side (OR in capitals, between two terms)
 *
 * Everything that is not a letter or a digit separates words, so tsquery operators
 * (& | ! : * < > ( ) ') typed by a user are plain separators here and never reach PostgreSQL as
 * syntax: the SQL builder passes only single words, as bound parameters.
 */
export type TSearchTerm = {
  /** Lower-cased words; more than one means a phrase, in this order, next to each other. */
  words: string[];
  /** Each word also matches as the start of a longer word (only for a single unquoted word). */
  prefix: boolean;
};

export type TSearch = {
  /** Every clause must match; a clause matches when any of its alternatives does. */
  all: TSearchTerm[][];
  /** None of these may match. */
  none: TSearchTerm[];
};

/** Bounds that keep one search box from becoming an expensive query. */
export const SEARCH_LIMITS = { terms: 16, wordsPerPhrase: 8, wordLength: 64 } as const;

type TToken = { text: string; quoted: boolean; negated: boolean } | { or: true };

/** The search, or null when the text holds no word at all (then nothing is filtered). */
export function parseSearch(input: string): TSearch | null {
  const all: TSearchTerm[][] = [];
  const none: TSearchTerm[] = [];
  let pendingOr = false;
  let count = 0;
  for (const token of lex(input)) {
    if ("or" in token) {
      pendingOr = all.length > 0;
      continue;
    }
    const term = termOf(token.text, token.quoted);
    if (!term) continue;
    if (count >= SEARCH_LIMITS.terms) break;
    count++;
    if (token.negated) {
      none.push(term);
      pendingOr = false;
      continue;
    }
    const last = all.at(-1);
    if (pendingOr && last) last.push(term);
    else all.push([term]);
    pendingOr = false;
  }
  if (all.length === 0 && none.length === 0) return null;
  return { all, none };
}

/** Positive terms of a search, for highlighting: what the reader should see marked. */
export function positiveTerms(search: TSearch | null): TSearchTerm[] {
  return search ? search.all.flat() : [];
}

function* lex(input: string): Generator<TToken> {
  const text = input.normalize("NFC");
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    let negated = false;
    if (char === "-" && i + 1 < text.length && !/\s/u.test(text[i + 1] ?? " ")) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      yield { text: text.slice(i + 1, end), quoted: true, negated };
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/u.test(text[end] ?? " ") && text[end] !== '"') end++;
    const word = text.slice(i, end);
    i = end;
    if (word === "OR" && !negated) yield { or: true };
    else yield { text: word, quoted: false, negated };
  }
}

function termOf(raw: string, quoted: boolean): TSearchTerm | null {
  const { starts, ends } = tokenize(raw);
  const words: string[] = [];
  for (let k = 0; k < starts.length && words.length < SEARCH_LIMITS.wordsPerPhrase; k++) {
    const word = raw.slice(starts[k], ends[k]).toLowerCase();
    if (word.length > 0) words.push(word.slice(0, SEARCH_LIMITS.wordLength));
  }
  if (words.length === 0) return null;
  return { words, prefix: !quoted && words.length === 1 };
}

/** A search word is letters, digits and combining marks only: nothing tsquery could read as syntax. */
export function isSafeSearchWord(word: string): boolean {
  return /^[\p{L}\p{N}\p{M}]+$/u.test(word) && word.length <= SEARCH_LIMITS.wordLength;
}

/** The search written back in its own syntax (stable; shown in logs and tests). */
export function printSearch(search: TSearch | null): string {
  if (!search) return "";
  const term = (t: TSearchTerm) => (t.prefix ? `${t.words[0]}*` : `"${t.words.join(" ")}"`);
  return [...search.all.map((clause) => clause.map(term).join(" OR ")), ...search.none.map((t) => `-${term(t)}`)].join(" ");
}
