import { type TTokens, tokenize } from "./text-normalize.ts";

/**
 * An exact phrase: consecutive words in exactly these folded forms (no stemming), plus the
 * punctuation written between and around them. Whitespace between words in the query accepts
 * any separator in the text (`"сбер банк"` finds "Сбер, банк"); punctuation must be there too
 * (`"C,th,fyr"` finds "C,th,fyr" but not "C th fyr"). Punctuation before the first or after
 * the last word must touch that word in the text, as in a layout variant like `,tkfhecm`.
 */
export type TPhrasePattern = {
  forms: string[];
  /** Between word i and i+1: undefined accepts any separator, a string must equal the folded gap. */
  gaps: (string | undefined)[];
  lead: string;
  trail: string;
};

export function compilePhrase(text: string): TPhrasePattern {
  const { forms, starts, ends } = tokenize(text);
  const gaps = forms.slice(1).map((_, i) => {
    const gap = foldGap(text.slice(ends[i], starts[i + 1]));
    return gap === "" ? undefined : gap;
  });
  const lead = foldPunctuation(text.slice(0, starts[0] ?? 0).trimStart());
  const trail = foldPunctuation(text.slice(ends[ends.length - 1] ?? text.length).trimEnd());
  return { forms, gaps, lead, trail };
}

/** Span `{start, end}` in the text when the phrase starts at word `first`, else undefined. */
export function phraseAt(
  pattern: TPhrasePattern,
  text: string,
  tokens: TTokens,
  first: number,
): { start: number; end: number } | undefined {
  const { forms, starts, ends } = tokens;
  const last = first + pattern.forms.length - 1;
  if (last >= forms.length) return undefined;
  if (forms[first] !== pattern.forms[0]) return undefined;
  for (let j = 1; j < pattern.forms.length; j++) {
    if (forms[first + j] !== pattern.forms[j]) return undefined;
    const gap = pattern.gaps[j - 1];
    if (gap !== undefined && foldGap(text.slice(ends[first + j - 1], starts[first + j])) !== gap) return undefined;
  }
  const start = (starts[first] ?? 0) - pattern.lead.length;
  const end = (ends[last] ?? 0) + pattern.trail.length;
  if (pattern.lead !== "" && (start < 0 || foldPunctuation(text.slice(start, start + pattern.lead.length)) !== pattern.lead))
    return undefined;
  if (pattern.trail !== "" && foldPunctuation(text.slice(end - pattern.trail.length, end)) !== pattern.trail) return undefined;
  return { start, end };
}

function foldGap(gap: string): string {
  return foldPunctuation(gap.replace(/\s+/gu, ""));
}

// Typographic apostrophes and dashes are what editors and phones substitute for ' and -;
// each maps to one character, so lengths (and so offsets) are kept.
function foldPunctuation(text: string): string {
  return text.replace(/[\u2019\u2018\u02bc]/g, "'").replace(/[\u2010-\u2015\u2212]/g, "-");
}
