import { typedOnCyrillicLayout, typedOnLatinLayout } from "./keyboard-layout.ts";
import { isOperatorWord } from "./query-ast.ts";
import { isPlainWord } from "./query-lexer.ts";
import { quotePhrase } from "./query-printer.ts";
import { foldWord, hasWordChar } from "./text-normalize.ts";
import {
  type TCyrillicOption,
  type TLatinOption,
  cyrillicToLatin,
  latinToCyrillic,
} from "./transliterate.ts";
import { typoVariants } from "./typo-variants.ts";

export const VARIANT_KINDS = ["translit", "layout", "typo", "abbreviation"] as const;
export type TVariantKind = (typeof VARIANT_KINDS)[number];
/** `from` is the spelling the variant was derived from: the name, or a transliteration of it. */
export type TVariant = { variant: string; kind: TVariantKind; from: string };

export type TVariantOptions = {
  /** Given by the user (Сбер, SB); kept as written. */
  abbreviations?: readonly string[];
  /** At most this many transliterations (default 6). */
  maxTranslit?: number;
  /** At most this many typos of the name (default 30). */
  maxTypos?: number;
};

const CYRILLIC_OPTIONS: TCyrillicOption[] = ["h", "c", "sch", "ia", "i", "yo", "x", "y"];
const LATIN_OPTIONS: TLatinOption[] = ["g", "i", "k", "ye"];

/**
 * Spellings of a brand name that people actually type: the other alphabet, the wrong keyboard
 * layout, slips of the hand, and the user's abbreviations. Deterministic: sorted by kind (in
 * `VARIANT_KINDS` order) then by variant (code-unit order, not locale). Deduplicated the way
 * the matcher compares words (case- and ё-insensitive): a variant equal to the name or to
 * another variant appears once, a user's abbreviation winning over a generated one, then
 * translit, layout, typo. Variants without a letter or digit are dropped: nothing can find them.
 */
export function generateVariants(name: string, options: TVariantOptions = {}): TVariant[] {
  const trimmed = name.trim();
  const candidates: TVariant[] = [];
  for (const abbreviation of options.abbreviations ?? [])
    candidates.push({ variant: abbreviation.trim(), kind: "abbreviation", from: trimmed });

  const translit = transliterations(trimmed).slice(0, options.maxTranslit ?? 6);
  for (const variant of translit) candidates.push({ variant, kind: "translit", from: trimmed });

  // Layout slips of the name and of its main transliteration (a Latin spelling typed on ЙЦУКЕН).
  for (const source of [trimmed, ...translit.slice(0, 1)]) {
    for (const variant of wrongLayouts(source)) candidates.push({ variant, kind: "layout", from: source });
  }
  for (const variant of typoVariants(trimmed, options.maxTypos ?? 30)) candidates.push({ variant, kind: "typo", from: trimmed });

  const seen = new Set([foldWord(trimmed)]);
  const unique = candidates.filter(({ variant }) => {
    const key = foldWord(variant);
    if (!hasWordChar(variant) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (kind: TVariantKind) => VARIANT_KINDS.indexOf(kind);
  return unique.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.variant < b.variant ? -1 : a.variant > b.variant ? 1 : 0));
}

/**
 * The main spelling in the other alphabet, then each single alternative that changes it, then
 * all alternatives at once. A name with both scripts gets both directions.
 */
export function transliterations(name: string): string[] {
  const out: string[] = [];
  if (/\p{Script=Cyrillic}/u.test(name)) {
    out.push(cyrillicToLatin(name));
    for (const option of CYRILLIC_OPTIONS) out.push(cyrillicToLatin(name, [option]));
    out.push(cyrillicToLatin(name, CYRILLIC_OPTIONS));
  }
  if (/\p{Script=Latin}/u.test(name)) {
    out.push(latinToCyrillic(name));
    for (const option of LATIN_OPTIONS) out.push(latinToCyrillic(name, [option]));
    out.push(latinToCyrillic(name, LATIN_OPTIONS));
  }
  return [...new Set(out)].filter((variant) => variant !== name);
}

/**
 * The name typed with the other layout on, as written and in lowercase: a capital typed with
 * Shift lands on a different symbol (Б → `<`, б → `,`), so both occur in the wild.
 */
export function wrongLayouts(name: string): string[] {
  const out: string[] = [];
  for (const source of new Set([name, name.toLowerCase()])) {
    if (/\p{Script=Cyrillic}/u.test(source)) out.push(typedOnLatinLayout(source));
    if (/\p{Script=Latin}/u.test(source)) out.push(typedOnCyrillicLayout(source));
  }
  return [...new Set(out)];
}

/**
 * The query text that finds a variant. A plain word stays a word, so morphology also finds its
 * inflections (Сбербнака); anything with spaces or punctuation (`C,th,fyr`) becomes an exact
 * phrase, in which the punctuation must appear as written.
 */
export function variantQueryTerm(variant: string): string {
  return isPlainWord(variant) && !isOperatorWord(variant) ? variant : quotePhrase(variant);
}

/** The name and all its variants joined with OR: a starting point for a brand's query. */
export function variantsQuery(name: string, variants: readonly TVariant[]): string {
  return [name.trim(), ...variants.map((v) => v.variant)].map(variantQueryTerm).join(" OR ");
}
