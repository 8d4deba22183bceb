/**
 * Exact-duplicate key for mention texts. The same review reaches us through many sources, each
 * re-encoding it a little differently (full-width letters, "ё" spelled "е", a tracking link or
 * an "@brand" tag added, emoji, curly quotes); the hash must see through that noise and nothing
 * else, so two texts hash equal only when their words, in order, are the same.
 */
import { createHash } from "node:crypto";

// Links differ per syndicating site (UTM tags, short links) while the text is the same review.
const URL_RE = /(?:\bhttps?:\/\/|\bwww\.)\S+/giu;
// A mention tags whoever is being answered, not what is said. Only at a word start, so the
// "@" inside an e-mail address is left to the punctuation rule below.
const MENTION_RE = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
// Format characters (zero-width space and joiner, soft hyphen, bidi marks) are deleted, not
// replaced by a space: spam waves insert them inside words to dodge exact matching.
const FORMAT_RE = /\p{Cf}/gu;
// An apostrophe is part of its word ("don't", "п'ять"): deleted, so "dont" and "don't" agree.
const APOSTROPHE_RE = /['\u2019\u02bc`]/gu;
// Everything that is not a letter, mark or digit — punctuation, symbols, emoji — separates words.
const NON_WORD_RE = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * The text as a space-separated list of lower-case words. NFKC first, so full-width and
 * ligature forms become plain letters before anything else looks at them.
 */
export function normalizeForHash(text: string): string {
  return text
    .normalize("NFKC")
    .replace(FORMAT_RE, "")
    .replace(URL_RE, " ")
    .replace(MENTION_RE, " ")
    .toLowerCase()
    // Russian writers use "ё" and "е" interchangeably; the same review appears both ways.
    .replaceAll("ё", "е")
    .replace(APOSTROPHE_RE, "")
    .replace(NON_WORD_RE, " ")
    .trim();
}

/** sha256 hex of the normalized text: the exact-duplicate key stored with every mention. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normalizeForHash(text), "utf8").digest("hex");
}
