import { createRequire } from "node:module";
import { scriptOf } from "./text-normalize.ts";

type TStemmer = { stem(word: string): string };
type TSnowball = { newStemmer(algorithm: string): TStemmer };

// The package is CommonJS without type declarations; typing the one factory we call here avoids
// an ambient module declaration that other parts of the tree could collide with.
const snowball = createRequire(import.meta.url)("snowball-stemmers") as TSnowball;
const russian = snowball.newStemmer("russian");
const english = snowball.newStemmer("english");

// Mentions repeat the same few thousand words, so a cache turns stemming into a map lookup.
// Cleared wholesale when full: simpler than LRU and the working set refills in milliseconds.
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/**
 * The snowball stem of a folded word (see `foldWord`), in the language of its script: Cyrillic →
 * Russian, Latin → English. Other scripts and digits are their own stem.
 */
export function stemWord(form: string): string {
  const cached = cache.get(form);
  if (cached !== undefined) return cached;
  const script = scriptOf(form);
  const stem = script === "cyrillic" ? russian.stem(form) : script === "latin" ? english.stem(form) : form;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(form, stem);
  return stem;
}
