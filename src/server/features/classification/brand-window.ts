/**
 * The brand window: when a text names several brands ("Сбер норм, а ВТБ ужасен"), the sentiment
 * toward one of them is the sentiment of the clause(s) that mention it. Clauses are split at
 * sentence ends and at contrast words (а, но, зато, однако, but, however, whereas, unlike …).
 * A brand matches a word that starts with its folded name (so Russian case endings match:
 * "Сбербанка", "Тинькову"), or, for a multi-word brand, the folded phrase anywhere.
 */
import { fold } from "./irony.ts";

// Sentence ends, semicolons, line breaks; then contrast conjunctions (kept with the clause they open).
const SENTENCE_SPLIT = /(?<=[.!?…;])\s+|\n+/u;
const CLAUSE_SPLIT =
  /,?\s+(?=(?:а|но|зато|однако|хотя|в отличие от|а вот|but|however|whereas|while|unlike|although|though|yet)(?![\p{L}\p{N}]))/iu;

/**
 * The part of `text` about `brand`: the clauses mentioning it, joined by a space; the whole text
 * when the brand is not found or every clause mentions it.
 */
export function brandWindow(text: string, brand: string): string {
  const needle = fold(brand.trim());
  if (needle === "") return text;
  const clauses = text.split(SENTENCE_SPLIT).flatMap((sentence) => sentence.split(CLAUSE_SPLIT)).filter((c) => c.trim() !== "");
  if (clauses.length <= 1) return text;
  const hits = clauses.filter((clause) => mentions(fold(clause), needle));
  if (hits.length === 0 || hits.length === clauses.length) return text;
  return hits.join(" ");
}

function mentions(folded: string, needle: string): boolean {
  // Inflected forms: match the stem (the name minus a final vowel/soft sign, at least 3 letters).
  const stem = needle.length > 4 && /[аяоеыиьйуюa-z]$/u.test(needle) && /[а-я]/u.test(needle) ? needle.slice(0, -1) : needle;
  let from = 0;
  for (;;) {
    const at = folded.indexOf(stem, from);
    if (at < 0) return false;
    const before = at === 0 ? "" : folded.charAt(at - 1);
    if (before === "" || !/[\p{L}\p{N}]/u.test(before)) return true;
    from = at + 1;
  }
}
