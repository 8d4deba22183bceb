/**
 * Near-duplicate fingerprints for mention texts (Charikar's SimHash, as used by Manku et al.
 * for web pages): the same review syndicated across sites, a news reprint, a copy-paste attack
 * wave with a word swapped here and there. Similar texts get 64-bit fingerprints a few bits
 * apart, so "near duplicate" is a Hamming distance, and the database finds candidates through
 * an indexed band column instead of comparing against every stored mention.
 */
import { contentHash, normalizeForHash } from "./content-hash.ts";

/** Fewer words than this: no simhash; such texts group by exact contentHash only. */
export const MIN_SIMHASH_WORDS = 4;

/** The distance the band scheme below is built for: 4 bands of 16 bits ⇒ up to 3 differing bits. */
export const DEFAULT_MAX_DISTANCE = 3;

/**
 * Features: the words alone, each occurrence weight 1 — no 3-word shingles.
 *
 * SimHash bits disagree with probability ≈ angle/π between the two feature vectors, so what
 * decides whether an edit stays within 3 bits is the share of feature weight it touches. One
 * swapped word touches 2 of n word features but 6 shingles; measured on the 55–66-word review
 * fixtures of simhash.test.ts (every position, 5 random replacement words each), a single
 * substitution stays within 3 bits 73% of the time with words only, 56% with shingles at
 * weight ¼, 36% at weight 1 — while unrelated reviews stayed ≥ 18 bits apart either way. The
 * order blindness that shingles would fix is harmless here: a reordered copy of the same words
 * is a copy.
 */
export type TTextFingerprint = {
  /** sha256 hex of the normalized text (exact duplicates). */
  contentHash: string;
  /** 16 hex chars, or null for a text too short to fingerprint meaningfully. */
  simhash: string | null;
  /** Band keys for the candidate index; empty when simhash is null, so short texts never match by band. */
  bands: string[];
};

/** The words simhash sees: the same normalization as contentHash, so the two never disagree. */
function words(text: string): string[] {
  const normalized = normalizeForHash(text);
  return normalized === "" ? [] : normalized.split(" ");
}

/**
 * Under MIN_SIMHASH_WORDS words the fingerprint is dominated by one or two features: "great
 * service" and "terrible service" would land a coin toss apart, and unrelated two-word texts
 * collide too often. Those texts fall back to exact contentHash equality.
 */
export function isTooShortForSimhash(text: string): boolean {
  return words(text).length < MIN_SIMHASH_WORDS;
}

/** The 64-bit SimHash of the normalized text; 0n for a text without words. */
export function simhash(text: string): bigint {
  return simhashOfWords(words(text));
}

/** simhash as 16 lower-case hex chars, the storage form (fits a char(16) column, sorts stably). */
export function simhashHex(text: string): string {
  return toSimhashHex(simhash(text));
}

export function toSimhashHex(hash: bigint): string {
  return BigInt.asUintN(64, hash).toString(16).padStart(16, "0");
}

export function fromSimhashHex(hex: string): bigint {
  if (!/^[0-9a-f]{16}$/i.test(hex)) throw new RangeError(`not a 64-bit simhash: ${JSON.stringify(hex)}`);
  return BigInt(`0x${hex}`);
}

/** Everything the ingest pipeline stores for duplicate detection, from one normalization pass. */
export function fingerprintText(text: string): TTextFingerprint {
  const tokens = words(text);
  if (tokens.length < MIN_SIMHASH_WORDS) return { contentHash: contentHash(text), simhash: null, bands: [] };
  const hash = simhashOfWords(tokens);
  return { contentHash: contentHash(text), simhash: toSimhashHex(hash), bands: simhashBands(hash) };
}

/** Number of differing bits; accepts the bigint or the stored hex form. */
export function hammingDistance(a: bigint | string, b: bigint | string): number {
  const x = BigInt.asUintN(64, asBigint(a) ^ asBigint(b));
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number(x >> 32n));
}

/**
 * Whether two fingerprints are within maxDistance bits. Callers must not compare simhashes of
 * texts that isTooShortForSimhash rejects (fingerprintText gives them a null simhash).
 */
export function isNearDuplicate(a: bigint | string, b: bigint | string, maxDistance = DEFAULT_MAX_DISTANCE): boolean {
  return hammingDistance(a, b) <= maxDistance;
}

/**
 * The hash cut into `bands` equal slices, each keyed with its position ("b0:abcd"). Two hashes
 * that differ in at most bands−1 bits leave at least one slice untouched (pigeonhole), so an
 * indexed lookup on the band keys finds every candidate within that distance; candidates are
 * then confirmed with hammingDistance. Four bands of 16 bits cover the default distance 3 while
 * keeping each band selective (1 in 65,536 for unrelated texts).
 */
export function simhashBands(hash: bigint | string, bands = 4): string[] {
  if (!Number.isInteger(bands) || bands < 1 || bands > 64 || 64 % bands !== 0) {
    throw new RangeError(`bands must divide 64, got ${bands}`);
  }
  const width = 64 / bands;
  const value = BigInt.asUintN(64, asBigint(hash));
  const mask = (1n << BigInt(width)) - 1n;
  const digits = Math.ceil(width / 4);
  const keys: string[] = [];
  for (let i = 0; i < bands; i++) {
    const slice = (value >> BigInt(i * width)) & mask;
    keys.push(`b${i}:${slice.toString(16).padStart(digits, "0")}`);
  }
  return keys;
}

function asBigint(hash: bigint | string): bigint {
  return typeof hash === "bigint" ? hash : fromSimhashHex(hash);
}

/**
 * The core, on plain numbers: BigInt arithmetic per feature is several times slower (see
 * bench/simhash.ts in this folder), so each feature hash is two independent 32-bit lanes and
 * the bigint is assembled once at the end.
 */
export function simhashOfWords(tokens: readonly string[]): bigint {
  const acc = new Int32Array(64);
  for (const word of tokens) {
    // Two lanes over the same characters, differently seeded and multiplied, then finalized
    // separately so the 64 bits of a feature behave as independent coin flips.
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    addFeature(acc, fmix32(h1), fmix32(h2 ^ word.length));
  }
  let low = 0;
  let high = 0;
  // A tie (sum exactly 0) reads as 0; any fixed rule works as long as it is always the same.
  for (let i = 0; i < 32; i++) {
    if ((acc[i] ?? 0) > 0) low |= 1 << i;
    if ((acc[32 + i] ?? 0) > 0) high |= 1 << i;
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

function addFeature(acc: Int32Array, lo: number, hi: number): void {
  for (let i = 0; i < 32; i++) {
    acc[i] = (acc[i] ?? 0) + (((lo >>> i) & 1) << 1) - 1;
    acc[32 + i] = (acc[32 + i] ?? 0) + (((hi >>> i) & 1) << 1) - 1;
  }
}

/** murmur3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}

function popcount32(n: number): number {
  let x = n >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
