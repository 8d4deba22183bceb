/**
 * Word-level cue lexicons with offsets, shared by aspect detection (`aspects.ts`) and the
 * negative-type classifier (`negative-type-classifier.ts`).
 *
 * How it decides: the text is split into words (letters and digits; an apostrophe between
 * letters stays inside the word, so "don't" is one word; hyphens separate, so "колл-центр" is
 * two) and folded (lower case, ё → е) without moving any offset. A cue pattern is a sequence of
 * slots separated by spaces; a slot lists alternatives with `|`; an alternative ending in `*` is
 * a prefix ("достав*" matches доставка, доставили, доставкой), one starting with `*` a suffix
 * (not in the first slot: "не *йте" is a negated plural imperative), any other must equal the
 * folded word; the slot `…` skips 0–2 words ("обходите … стороной"); a leading `^` anchors the
 * pattern at the start of a clause ("^ don't" is an imperative, "I don't" is not); `;` separates
 * whole alternative patterns of one lexicon line ("who cares; nobody asked"). No pattern crosses
 * a clause break (. , ; : ! ? … — ( ) or a line break). Prefixes stand in for Russian and English
 * inflection, so there is no stemmer and no dictionary. The index keys every pattern by its first
 * slot (a map of exact forms and a character trie of prefixes), so a text costs one map lookup
 * and one trie walk per word, whatever the size of the lexicon.
 *
 * A hit records whether a negator (не, нет, ни, никогда, без; not, no, never, n't, without)
 * stands at most three words before it in the same clause; callers decide what negation means
 * for their cues. Patterns that begin with a negator ("не связывайтесь") are never "negated".
 *
 * Known limits: a prefix also matches unrelated words that start the same way (that is why
 * ambiguous stems are listed as exact forms instead); suppletive forms need their own entries;
 * no lemmatisation of irregular English verbs (write "broke|broken").
 */

export type TCueEntry<TTag extends string> = {
  tag: TTag;
  weight: number;
  /** The pattern as written in the lexicon; shown to the user as the cue. */
  cue: string;
  /** Whether a negator before the hit counts (false for patterns that begin with a negator). */
  negatable: boolean;
  /** Must start a clause (`^`). */
  clauseStart: boolean;
  slots: readonly TSlot[];
};

type TWordSlot = { gap: false; exact: ReadonlySet<string>; prefixes: readonly string[]; suffixes: readonly string[] };
type TSlot = { gap: true } | TWordSlot;

export type TWords = {
  forms: string[];
  starts: number[];
  ends: number[];
  /** Clause number per word: it grows at every . , ; : ! ? … — ( ) and line break. */
  clauses: number[];
};

export type TCueHit<TTag extends string> = {
  entry: TCueEntry<TTag>;
  start: number;
  end: number;
  firstWord: number;
  lastWord: number;
  /** A negator stands ≤ 3 words before, in the same clause (only for negatable entries). */
  negated: boolean;
};

export type TCueIndex<TTag extends string> = {
  entries: readonly TCueEntry<TTag>[];
  exact: Map<string, TCueEntry<TTag>[]>;
  /** Prefixes of first slots, as a character trie: a word is walked once, without slicing. */
  prefixes: TTrieNode<TTag>;
};

type TTrieNode<TTag extends string> = { next: Map<number, TTrieNode<TTag>>; entries: TCueEntry<TTag>[] | null };

/** One lexicon line: pattern, weight, and (optionally) whether negation cancels it. */
export type TCueLine = readonly [pattern: string, weight: number, negatable?: boolean];

const GAP_WORDS = 2;
const NEGATION_WINDOW = 3;
const NEGATORS = new Set([
  "не", "нет", "ни", "никогда", "без", "ничуть",
  "not", "no", "never", "without", "cannot", "nothing", "nobody",
]);

export function isNegatorWord(form: string): boolean {
  return NEGATORS.has(form) || form.endsWith("n't");
}

/** Parses the lexicon lines of several tags into one index. */
export function buildCueIndex<TTag extends string>(
  tables: readonly { tag: TTag; lines: readonly TCueLine[]; negatable: boolean }[],
): TCueIndex<TTag> {
  const entries: TCueEntry<TTag>[] = [];
  const exact = new Map<string, TCueEntry<TTag>[]>();
  const prefixes: TTrieNode<TTag> = { next: new Map(), entries: null };
  for (const table of tables) {
    for (const [line, weight, negatable] of table.lines) {
      for (const pattern of line.split(";")) {
        const entry = parseEntry(table.tag, pattern.trim(), weight, negatable ?? table.negatable);
        entries.push(entry);
        const first = entry.slots[0] as TWordSlot;
        for (const form of first.exact) push(exact, form, entry);
        for (const p of first.prefixes) {
          let node = prefixes;
          for (let i = 0; i < p.length; i++) {
            const code = p.charCodeAt(i);
            let child = node.next.get(code);
            if (!child) {
              child = { next: new Map(), entries: null };
              node.next.set(code, child);
            }
            node = child;
          }
          (node.entries ??= []).push(entry);
        }
      }
    }
  }
  return { entries, exact, prefixes };
}

function parseEntry<TTag extends string>(tag: TTag, pattern: string, weight: number, negatable: boolean): TCueEntry<TTag> {
  const clauseStart = pattern.startsWith("^");
  const slots = parsePattern(clauseStart ? pattern.slice(1) : pattern);
  const first = slots[0];
  if (!first || first.gap) throw new Error(`cue "${pattern}": must start with a word`);
  if (first.suffixes.length > 0) throw new Error(`cue "${pattern}": the first slot cannot be a suffix`);
  const startsNegated = [...first.exact].some(isNegatorWord);
  return { tag, weight, cue: pattern, negatable: negatable && !startsNegated, clauseStart, slots };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function parsePattern(pattern: string): TSlot[] {
  const slots: TSlot[] = [];
  for (const raw of pattern.trim().split(/\s+/)) {
    if (raw === "…") {
      slots.push({ gap: true });
      continue;
    }
    const exact = new Set<string>();
    const prefixes: string[] = [];
    const suffixes: string[] = [];
    for (const alt of raw.split("|")) {
      const form = foldString(alt);
      if (!/^\*?[\p{L}\p{N}']+\*?$/u.test(form) || (form.startsWith("*") && form.endsWith("*"))) {
        throw new Error(`cue "${pattern}": "${alt}" is not a word, a prefix* or a *suffix`);
      }
      if (form.endsWith("*")) prefixes.push(form.slice(0, -1));
      else if (form.startsWith("*")) suffixes.push(form.slice(1));
      else exact.add(form);
    }
    slots.push({ gap: false, exact, prefixes, suffixes });
  }
  if (slots.at(-1)?.gap) throw new Error(`cue "${pattern}": must end with a word`);
  return slots;
}

/** Lower case and ё → е, keeping every index in place (a letter whose lower case is longer stays). */
export function foldString(text: string): string {
  const lower = text.toLowerCase();
  const aligned = lower.length === text.length ? lower : foldPerChar(text);
  return aligned.includes("ё") ? aligned.replaceAll("ё", "е") : aligned;
}

function foldPerChar(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

/** Splits a text into folded words with UTF-16 offsets and clause numbers. */
export function splitWords(text: string): TWords {
  const folded = foldString(text);
  const forms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const clauses: number[] = [];
  let clause = 0;
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (!isWordCode(c)) {
      if (isClauseBreak(c)) clause++;
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const d = folded.charCodeAt(i);
      if (isWordCode(d)) i++;
      else if ((d === 0x27 || d === 0x2019) && i + 1 < n && isLetterCode(folded.charCodeAt(i + 1)) && isLetterCode(folded.charCodeAt(i - 1))) i++;
      else break;
    }
    let form = folded.slice(start, i);
    if (form.includes("\u2019")) form = form.replaceAll("\u2019", "'");
    forms.push(form);
    starts.push(start);
    ends.push(i);
    clauses.push(clause);
  }
  return { forms, starts, ends, clauses };
}

/** Every hit of the index in the words, in text order (several entries may hit the same words). */
export function scanCues<TTag extends string>(index: TCueIndex<TTag>, words: TWords): TCueHit<TTag>[] {
  const hits: TCueHit<TTag>[] = [];
  const { forms } = words;
  for (let w = 0; w < forms.length; w++) {
    const form = forms[w] as string;
    const exact = index.exact.get(form);
    if (exact) for (const entry of exact) tryEntry(entry, w);
    let node: TTrieNode<TTag> | undefined = index.prefixes;
    for (let i = 0; i < form.length; i++) {
      node = node.next.get(form.charCodeAt(i));
      if (!node) break;
      if (node.entries) for (const entry of node.entries) tryEntry(entry, w);
    }
  }
  return hits;

  function tryEntry(entry: TCueEntry<TTag>, w: number): void {
    if (entry.clauseStart && w > 0 && words.clauses[w - 1] === words.clauses[w]) return;
    const last = matchRest(entry.slots, 1, w + 1, words);
    if (last < 0) return;
    hits.push({
      entry,
      start: words.starts[w] as number,
      end: words.ends[last] as number,
      firstWord: w,
      lastWord: last,
      negated: entry.negatable && isNegatedAt(words, w),
    });
  }
}

/**
 * Index of the last word matched by slots[s…] starting at word w (slot 0 matched w − 1), or −1.
 * A pattern never crosses a clause break: "нет, слов" is not "нет слов".
 */
function matchRest(slots: readonly TSlot[], s: number, w: number, words: TWords): number {
  if (s === slots.length) return w - 1;
  const slot = slots[s] as TSlot;
  const clause = words.clauses[w - 1];
  if (slot.gap) {
    for (let skip = 0; skip <= GAP_WORDS; skip++) {
      const at = w + skip;
      if (at >= words.forms.length || words.clauses[at] !== clause) break;
      const last = matchRest(slots, s + 1, at, words);
      if (last >= 0) return last;
    }
    return -1;
  }
  const form = words.forms[w];
  if (form === undefined || words.clauses[w] !== clause || !slotMatches(slot, form)) return -1;
  return matchRest(slots, s + 1, w + 1, words);
}

function slotMatches(slot: TWordSlot, form: string): boolean {
  if (slot.exact.has(form)) return true;
  for (const p of slot.prefixes) if (form.startsWith(p)) return true;
  for (const p of slot.suffixes) if (form.length > p.length + 1 && form.endsWith(p)) return true;
  return false;
}

function isNegatedAt(words: TWords, w: number): boolean {
  const clause = words.clauses[w];
  for (let k = w - 1; k >= 0 && k >= w - NEGATION_WINDOW; k--) {
    if (words.clauses[k] !== clause) break;
    if (isNegatorWord(words.forms[k] as string)) return true;
  }
  return false;
}

function isClauseBreak(c: number): boolean {
  return (
    c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x2026 ||
    c === 0x2014 || c === 0x2013 || c === 0x28 || c === 0x29 || c === 0x0a || c === 0x0d
  );
}

function isLetterCode(c: number): boolean {
  return isWordCode(c) && !(c >= 0x30 && c <= 0x39);
}

/** Letters and digits: ASCII, Latin-1/Extended, Cyrillic, and other letters via a small cache. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x0400 && c <= 0x04ff) return true;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = letterCache[c] ?? 0;
  if (known === 0) {
    known = /\p{L}|\p{M}|\p{N}/u.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = known;
  }
  return known === 1;
}
const letterCache = new Uint8Array(0x10000);
