import { foldWord, tokenize } from "../semantic-core/text-normalize.ts";
import { stemWord } from "../semantic-core/word-stem.ts";
import type { TSearchTerm } from "./search-query.ts";

export type TSearchHighlight = { field: "title" | "text"; start: number; end: number };

/** Highlights per field stop here: a long article full of one word needs no thousand marks. */
const MAX_PER_FIELD = 200;

type TPreparedWord = { form: string; stem: string };
type TPreparedTerm = { words: TPreparedWord[]; prefix: boolean };

/**
 * Where the search's words occur in a mention, as UTF-16 offsets into the title and the text.
 * The database decides which mentions match (PostgreSQL full-text search with the Russian,
 * English and simple configurations); this marks the words the reader should look at, with the
 * same idea of a match: the same snowball stem, or for a prefix term a word starting with it
 * (as written or as stemmed). Phrases are marked whole, from the first word to the last.
 */
export function searchHighlights(terms: readonly TSearchTerm[], fields: { title: string | null; text: string }): TSearchHighlight[] {
  if (terms.length === 0) return [];
  const prepared = terms.map(prepare);
  const out: TSearchHighlight[] = [];
  for (const field of ["title", "text"] as const) {
    const value = fields[field];
    if (value) out.push(...inField(field, value, prepared));
  }
  return out;
}

function prepare(term: TSearchTerm): TPreparedTerm {
  return { prefix: term.prefix, words: term.words.map((w) => ({ form: foldWord(w), stem: stemWord(foldWord(w)) })) };
}

function inField(field: "title" | "text", value: string, terms: readonly TPreparedTerm[]): TSearchHighlight[] {
  const { forms, starts, ends } = tokenize(value);
  const stems = forms.map((f) => stemWord(f));
  const ranges: { start: number; end: number }[] = [];
  for (let i = 0; i < forms.length; i++) {
    for (const term of terms) {
      const n = term.words.length;
      if (i + n > forms.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(term.words[k] as TPreparedWord, forms[i + k] as string, stems[i + k] as string, term.prefix);
      if (ok) ranges.push({ start: starts[i] as number, end: ends[i + n - 1] as number });
    }
  }
  return merge(ranges)
    .slice(0, MAX_PER_FIELD)
    .map((r) => ({ field, ...r }));
}

function wordMatches(word: TPreparedWord, form: string, stem: string, prefix: boolean): boolean {
  if (form === word.form || stem === word.stem) return true;
  return prefix && (form.startsWith(word.form) || stem.startsWith(word.stem));
}

/** Sorted, overlapping or touching ranges joined. */
function merge(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
