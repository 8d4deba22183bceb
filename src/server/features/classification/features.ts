/**
 * Hashed features for the sentiment model: token unigrams and bigrams (negation-marked, see
 * `normalize.ts`) and character 2–5-grams of each word with boundary marks ("<плохо>"), each
 * hashed (FNV-1a, 32 bit, a seed per kind) into `2^bits` buckets. Strings are hashed from their
 * char codes; no n-gram substring is ever allocated.
 */
import { sentimentTokens } from "./normalize.ts";

export type TFeatureConfig = {
  /** log2 of the bucket count. */
  bits: number;
  /** Smallest and largest character n-gram; 0 disables them. */
  charMin: number;
  charMax: number;
  /** Token bigrams on/off. */
  bigrams: boolean;
  /** Words after a negator marked over this many words. */
  negationScope: number;
  /**
   * Character n-grams of a word in a negation scope: "keep" (as any word), "separate" (hashed
   * apart, so "не плохо" does not carry the n-grams of "плохо"), "drop".
   */
  negatedChars?: "keep" | "separate" | "drop";
  /** Whether the domain copy (see `extractFeatures`) covers the character block too, or only words. */
  domainChars?: boolean;
};

export const DEFAULT_FEATURES: TFeatureConfig = { bits: 18, charMin: 2, charMax: 5, bigrams: true, negationScope: 3 };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_UNIGRAM = 0x1b873593;
const SEED_BIGRAM = 0x5bd1e995;
const SEED_CHAR = 0x27d4eb2f;
const SEED_CHAR_NEGATED = 0x3c6ef372;
const SEED_BIAS = 0x165667b1;

function hashString(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A final avalanche (murmur3 fmix32) so the low bits used for the bucket are well mixed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Features of one text: bucket indices (with repeats) in `indices[0..count)`, the word block
 * (bias, token uni- and bigrams) first in `[0..wordCount)`, then the character block. Each
 * block is L2-normalized on its own (as two TF vectorizers side by side would be), so the
 * hundreds of character n-grams of a tweet do not drown its few dozen words.
 */
export type TFeatureBuffer = { indices: Int32Array; count: number; wordCount: number; scratch: Int32Array };

export function createFeatureBuffer(capacity = 1 << 14): TFeatureBuffer {
  return { indices: new Int32Array(capacity), count: 0, wordCount: 0, scratch: new Int32Array(capacity) };
}

/**
 * Fills `buffer` with the features of `text` and returns the count. Long texts are truncated
 * at the buffer's capacity (the first ~16k features; a review of 800 chars needs ~3.5k).
 */
export function extractFeatures(text: string, config: TFeatureConfig, buffer: TFeatureBuffer, domain = 0): number {
  const n = baseFeatures(text, config, buffer);
  if (domain === 0) return n;
  // Domain adaptation by feature augmentation: every feature once more in a domain-specific
  // copy, so the model learns shared weights plus a per-domain correction (Daumé III, 2007).
  // Layout: words, domain words, chars, domain chars.
  const out = buffer.indices;
  const nw = buffer.wordCount;
  const nc = n - nw;
  if (2 * n > out.length) {
    buffer.indices = new Int32Array(2 * n);
    buffer.indices.set(out.subarray(0, n));
    buffer.scratch = new Int32Array(2 * n);
    return extractFeatures(text, config, buffer, domain);
  }
  const mask = (1 << config.bits) - 1;
  const scratch = buffer.scratch;
  scratch.set(out.subarray(nw, n));
  for (let i = 0; i < nw; i++) out[nw + i] = mix((out[i] as number) ^ domain) & mask;
  const c0 = 2 * nw;
  const chars = config.domainChars ?? true;
  for (let i = 0; i < nc; i++) {
    const f = scratch[i] as number;
    out[c0 + i] = f;
    if (chars) out[c0 + nc + i] = mix(f ^ domain) & mask;
  }
  buffer.wordCount = 2 * nw;
  buffer.count = chars ? 2 * n : n + nw;
  return buffer.count;
}

/** The seed of a domain name in the hash (never 0). */
export function domainSeed(name: string): number {
  return mix(hashString(name, 0x68e31da4)) | 1;
}

function baseFeatures(text: string, config: TFeatureConfig, buffer: TFeatureBuffer): number {
  const mask = (1 << config.bits) - 1;
  const out = buffer.indices;
  const cap = out.length;
  let n = 0;
  out[n++] = mix(SEED_BIAS) & mask; // a per-bucket bias feature, present in every text
  const { tokens, words, negated } = sentimentTokens(text, config.negationScope);
  const negatedChars = config.negatedChars ?? "keep";
  const tokenHashes: number[] = new Array(tokens.length);
  for (let t = 0; t < tokens.length && n < cap; t++) {
    const h = hashString(tokens[t] ?? "", SEED_UNIGRAM);
    tokenHashes[t] = h;
    out[n++] = mix(h) & mask;
  }
  if (config.bigrams) {
    for (let t = 1; t < tokens.length && n < cap; t++) {
      out[n++] = mix(Math.imul((tokenHashes[t - 1] ?? 0) ^ SEED_BIGRAM, 0x9e3779b1) ^ (tokenHashes[t] ?? 0)) & mask;
    }
  }
  buffer.wordCount = n;
  if (config.charMax > 0) {
    const lo = config.charMin;
    const hi = config.charMax;
    for (let w = 0; w < words.length; w++) {
      const word = words[w] ?? "";
      const isNegated = negated[w] === true && negatedChars !== "keep";
      if (isNegated && negatedChars === "drop") continue;
      const seed = isNegated ? SEED_CHAR_NEGATED : SEED_CHAR;
      const len = word.length + 2; // with "<" and ">"
      for (let start = 0; start < len; start++) {
        let h = (FNV_OFFSET ^ seed) >>> 0;
        for (let k = 0; k < hi && start + k < len; k++) {
          const pos = start + k;
          const code = pos === 0 ? 0x3c : pos === len - 1 ? 0x3e : word.charCodeAt(pos - 1);
          h = Math.imul(h ^ code, FNV_PRIME);
          if (k + 1 >= lo) {
            if (n >= cap) return (buffer.count = n);
            out[n++] = mix(h ^ (k + 1)) & mask;
          }
        }
      }
    }
  }
  buffer.count = n;
  return n;
}
