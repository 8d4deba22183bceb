import type { TCompiledQuery, TPlan } from "./query-compile.ts";
import { phraseAt } from "./phrase-pattern.ts";
import { type TTokens, tokenize } from "./text-normalize.ts";
import { stemWord } from "./word-stem.ts";

export { compileQuery, type TCompiledQuery } from "./query-compile.ts";

/** `text.slice(start, end)` is the matched text; `term` is the query leaf that found it. */
export type THighlight = { start: number; end: number; term: string };
export type TMatchResult = { matched: boolean; highlights: THighlight[] };

/** One place a leaf matched: word indices (for NEAR) and character offsets (for highlights). */
type TOccurrence = { first: number; last: number; start: number; end: number; leaf: number };

const NO_MATCH: TMatchResult = Object.freeze({ matched: false, highlights: [] }) as TMatchResult;
const NOTHING: TOccurrence[] = [];

/**
 * Highlights come only from the parts that made the text match: never from under a NOT, never
 * from an OR branch or NEAR side that did not match. Overlapping highlights of different leaves
 * are all kept (a word can be both `банк` and `бан*`); identical ones once.
 */
export function match(query: TCompiledQuery, text: string, tokens: TTokens = tokenize(text)): TMatchResult {
  const found = findLeaves(query, text, tokens);
  // Every valid query needs a positive leaf, so a text without any cannot match.
  if (found === undefined) return NO_MATCH;
  const occurrences = evaluate(query.plan, found);
  if (occurrences === undefined) return NO_MATCH;
  return { matched: true, highlights: toHighlights(query, occurrences) };
}

function findLeaves(query: TCompiledQuery, text: string, tokens: TTokens): (TOccurrence[] | undefined)[] | undefined {
  const { forms, starts, ends } = tokens;
  const { termsByStem, termsByForm, stemInitials, prefixes, phrasesByFirst, phrases } = query;
  let found: (TOccurrence[] | undefined)[] | undefined;
  const add = (leaf: number, first: number, last: number, start: number, end: number): void => {
    found ??= new Array<TOccurrence[] | undefined>(query.labels.length);
    const list = (found[leaf] ??= []);
    const previous = list[list.length - 1];
    if (previous && previous.first === first && previous.last === last) return;
    list.push({ first, last, start, end, leaf });
  };

  for (let i = 0; i < forms.length; i++) {
    const form = forms[i] as string;
    const start = starts[i] as number;
    const end = ends[i] as number;
    const byForm = termsByForm.get(form);
    if (byForm) for (const leaf of byForm) add(leaf, i, i, start, end);
    if (stemInitials.has(form.charCodeAt(0))) {
      const byStem = termsByStem.get(stemOf(tokens, i));
      if (byStem) for (const leaf of byStem) add(leaf, i, i, start, end);
    }
    for (const { leaf, prefix } of prefixes) if (form.startsWith(prefix)) add(leaf, i, i, start, end);
    const phraseLeaves = phrasesByFirst.get(form);
    if (phraseLeaves) {
      for (const leaf of phraseLeaves) {
        const pattern = phrases.get(leaf);
        const span = pattern && phraseAt(pattern, text, tokens, i);
        if (pattern && span) add(leaf, i, i + pattern.forms.length - 1, span.start, span.end);
      }
    }
  }
  return found;
}

/** Word stems are computed once per text, however many rules look at it. */
function stemOf(tokens: TTokens, i: number): string {
  const stems = (tokens.stems ??= new Array<string | undefined>(tokens.forms.length));
  return (stems[i] ??= stemWord(tokens.forms[i] as string));
}

/** The occurrences that make `plan` true (possibly none, for NOT), or undefined when it is false. */
function evaluate(plan: TPlan, found: (TOccurrence[] | undefined)[]): TOccurrence[] | undefined {
  switch (plan.kind) {
    case "leaf":
      return found[plan.leaf];
    case "not":
      return evaluate(plan.operand, found) === undefined ? NOTHING : undefined;
    case "and": {
      const parts: TOccurrence[][] = [];
      for (const operand of plan.operands) {
        const part = evaluate(operand, found);
        if (part === undefined) return undefined;
        parts.push(part);
      }
      return parts.flat();
    }
    case "or": {
      let result: TOccurrence[] | undefined;
      for (const operand of plan.operands) {
        const part = evaluate(operand, found);
        if (part !== undefined) result = result ? result.concat(part) : part;
      }
      return result;
    }
    case "near":
      return near(evaluate(plan.left, found), evaluate(plan.right, found), plan.distance);
  }
}

/**
 * Pairs of non-overlapping occurrences, either order, whose facing ends are at most `distance`
 * words apart (adjacent words are 1 apart). The result is every occurrence in such a pair, so a
 * chained NEAR measures from any part of the cluster found so far.
 */
function near(left: TOccurrence[] | undefined, right: TOccurrence[] | undefined, distance: number): TOccurrence[] | undefined {
  if (!left?.length || !right?.length) return undefined;
  const used = new Set<TOccurrence>();
  for (const a of left) {
    for (const b of right) {
      const gap = a.last < b.first ? b.first - a.last : b.last < a.first ? a.first - b.last : 0;
      if (gap >= 1 && gap <= distance) {
        used.add(a);
        used.add(b);
      }
    }
  }
  return used.size > 0 ? [...used] : undefined;
}

function toHighlights(query: TCompiledQuery, occurrences: TOccurrence[]): THighlight[] {
  const highlights = occurrences.map(({ start, end, leaf }) => ({ start, end, term: query.labels[leaf] as string }));
  highlights.sort((a, b) => a.start - b.start || a.end - b.end || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return highlights.filter((h, i) => {
    const previous = highlights[i - 1];
    return !previous || previous.start !== h.start || previous.end !== h.end || previous.term !== h.term;
  });
}
