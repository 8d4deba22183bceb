import { neighbourKeys } from "./keyboard-layout.ts";

export type TTypoKind = "swap" | "drop" | "double" | "adjacent";

/** Shorter names give typos that are mostly other words (МТС → МС), so they get none. */
export const MIN_TYPO_LETTERS = 4;

const LETTER = /\p{L}/u;

/**
 * The usual slips of a hand on a keyboard, one per variant: two neighbouring letters swapped,
 * a letter dropped, a letter doubled, a letter replaced by the key left or right of it on its
 * own layout. Taken round-robin across the four kinds (each in reading order) so a small `limit`
 * still has some of every kind. May contain duplicates; the caller dedupes.
 */
export function typoVariants(word: string, limit: number): string[] {
  const chars = [...word];
  const letters = chars.filter((char) => LETTER.test(char)).length;
  if (letters < MIN_TYPO_LETTERS) return [];
  const isLetter = (i: number) => LETTER.test(chars[i] ?? "");
  const swap: string[] = [];
  const drop: string[] = [];
  const double: string[] = [];
  const adjacent: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!isLetter(i)) continue;
    const char = chars[i] as string;
    const next = chars[i + 1];
    if (next !== undefined && isLetter(i + 1) && next.toLowerCase() !== char.toLowerCase())
      swap.push(join(chars, i, 2, [caseOf(char, next), caseOf(next, char)]));
    drop.push(join(chars, i, 1, []));
    if (next?.toLowerCase() !== char.toLowerCase()) double.push(join(chars, i, 1, [char, char.toLowerCase()]));
    for (const key of neighbourKeys(char)) adjacent.push(join(chars, i, 1, [key]));
  }
  const lists = [swap, drop, double, adjacent];
  const result: string[] = [];
  for (let round = 0; result.length < limit && lists.some((list) => round < list.length); round++) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined && result.length < limit) result.push(item);
    }
  }
  return result;
}

/** `letter` in the case of `model`, so a swap keeps the capital first: Сбер → Бсер, not бСер. */
function caseOf(model: string, letter: string): string {
  return model === model.toLowerCase() ? letter.toLowerCase() : letter.toUpperCase();
}

function join(chars: string[], at: number, remove: number, insert: string[]): string {
  return [...chars.slice(0, at), ...insert, ...chars.slice(at + remove)].join("");
}
