/**
 * The built-in Russian + English sentiment model: hashed word 1–2-grams and character 2–5-grams
 * (`features.ts`) into a multinomial logistic regression with int8 weights (`model-file.ts`),
 * trained by `scripts/train-sentiment.ts`. On top of the linear model: the brand window
 * (`brand-window.ts`), irony markers (`irony.ts`), temperature-scaled probabilities, and star
 * ratings that override the words.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brandWindow } from "./brand-window.ts";
import { createFeatureBuffer, domainSeed, extractFeatures, type TFeatureBuffer } from "./features.ts";
import { hasIronyPhrase, quotedSpans } from "./irony.ts";
import { decodeModel, type TModelData, type TModelHeader } from "./model-file.ts";

export const SENTIMENT_LABELS = ["negative", "neutral", "positive"] as const;
export type TSentimentLabel = (typeof SENTIMENT_LABELS)[number];

export type TRating = { value: number; scale: number };

export type TClassifyInput = {
  text: string;
  /** A star rating that came with the text (e.g. 2 of 5); see `ratingLabel`. */
  rating?: TRating | null;
  /** ISO 639-1 hint; the model is bilingual and reads the script itself, so this is informational. */
  lang?: string | null;
  /** Classify the sentiment toward this brand: only the clauses that mention it are read. */
  brand?: string;
  /**
   * Where the text comes from: a genre ("social" — the default —, "news", "review") or a domain
   * the model was trained with (a corpus id such as "ru/sentirueval2015_tweets", used by eval).
   */
  domain?: string;
};

export type TSentimentScores = { positive: number; neutral: number; negative: number };

export type TSentimentResult = {
  label: TSentimentLabel;
  /** Probability of `label` (temperature-calibrated on held-out data). */
  confidence: number;
  /** Sum to 1. */
  scores: TSentimentScores;
};

/**
 * The hashed features a text is scored on: bucket indices (repeats possible) and their values
 * (idf ÷ the L2 norm of the feature's block), so that logits = Σ weight(index) × value + bias.
 */
export type TSparseFeatures = { indices: Int32Array; values: Float32Array };

/** What `classify` reads of an input before probabilities: its features and its final logits. */
export type TInspection = {
  features: TSparseFeatures;
  /** Logits after the brand window, domain offsets and the irony rule; before temperature and rating. */
  logits: [number, number, number];
};

export type TSentimentModel = {
  version: string;
  header: TModelHeader;
  classify(input: TClassifyInput): TSentimentResult;
  /** Class logits for a text (bias and domain offsets included, before temperature and rules). */
  logits(text: string, domain?: string, lang?: string | null): [number, number, number];
  /**
   * The features and logits `classify` computes for `input` (copies, for adjusting the logits
   * from outside, e.g. a per-brand adaptation); `classify(input)` equals
   * `resultFromLogits(inspect(input).logits, input.rating)`. Allocates; not for the hot path.
   */
  inspect(input: TClassifyInput): TInspection;
  /** Temperature-scaled probabilities of logits, with a star rating applied as in `classify`. */
  resultFromLogits(logits: readonly [number, number, number], rating?: TRating | null): TSentimentResult;
  /** The domains and genres `classify` accepts. */
  domains: readonly string[];
};

export const DEFAULT_MODEL_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../models/sentiment/sentiment.bin",
);

/** How much a rating outweighs the words: the rated label gets this share of the probability. */
const RATING_WEIGHT = 0.85;

const loaded = new Map<string, TSentimentModel>();

/** Loads (once per process and path) the model file; the committed model by default. */
export function loadSentimentModel(file: string = DEFAULT_MODEL_PATH): TSentimentModel {
  const key = path.resolve(file);
  let model = loaded.get(key);
  if (!model) {
    model = createSentimentModel(decodeModel(readFileSync(key)));
    loaded.set(key, model);
  }
  return model;
}

export function createSentimentModel(data: TModelData): TSentimentModel {
  const { header, weights } = data;
  const config = header.features;
  const scale = header.scale;
  const invT = 1 / header.temperature;
  // One 4-byte cell per bucket: the three int8 class weights and the uint8 idf (1 without an idf
  // table), so a feature costs one memory access. Each block is normalized by its own idf norm,
  // so the idf's dequantization factor cancels out: value = q ÷ √Σq².
  const buckets = 1 << config.bits;
  const cells = new Int8Array(buckets * 4);
  const cellIdf = new Uint8Array(cells.buffer);
  for (let b = 0; b < buckets; b++) {
    cells[4 * b] = weights[3 * b] as number;
    cells[4 * b + 1] = weights[3 * b + 1] as number;
    cells[4 * b + 2] = weights[3 * b + 2] as number;
    cellIdf[4 * b + 3] = data.idf ? (data.idf[b] as number) : 1;
  }
  const buffer: TFeatureBuffer = createFeatureBuffer();
  type TDomain = { seed: number; bias: [number, number, number] };
  const domains = new Map<string, TDomain>();
  for (const [name, offsets] of Object.entries(header.domains)) {
    domains.set(name, {
      seed: header.domainAdaptation ? domainSeed(name) : 0,
      bias: [header.bias[0] + offsets[0], header.bias[1] + offsets[1], header.bias[2] + offsets[2]],
    });
  }
  const fallback: TDomain = domains.values().next().value ?? { seed: 0, bias: header.bias };

  function resolveDomain(text: string, domain: string | undefined, lang: string | null | undefined): TDomain {
    const exact = domain === undefined ? undefined : domains.get(domain);
    if (exact) return exact;
    const genre = header.genres[domain ?? header.defaultGenre] ?? header.genres[header.defaultGenre];
    if (!genre) return fallback;
    const russian = lang === "ru" || (lang !== "en" && isMostlyCyrillic(text));
    return domains.get(russian ? genre.ru : genre.en) ?? fallback;
  }

  function score(text: string, d: TDomain): [number, number, number] {
    const n = extractFeatures(text, config, buffer, d.seed);
    const nw = buffer.wordCount;
    const idx = buffer.indices;
    // Each block (words, characters) is idf-weighted and L2-normalized on its own.
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let wn = 0;
    for (let i = 0; i < nw; i++) {
      const o = (idx[i] as number) << 2;
      const v = cellIdf[o + 3] as number;
      w0 += (cells[o] as number) * v;
      w1 += (cells[o + 1] as number) * v;
      w2 += (cells[o + 2] as number) * v;
      wn += v * v;
    }
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let cn = 0;
    for (let i = nw; i < n; i++) {
      const o = (idx[i] as number) << 2;
      const v = cellIdf[o + 3] as number;
      c0 += (cells[o] as number) * v;
      c1 += (cells[o + 1] as number) * v;
      c2 += (cells[o + 2] as number) * v;
      cn += v * v;
    }
    const fw = wn > 0 ? scale / Math.sqrt(wn) : 0;
    const fc = cn > 0 ? scale / Math.sqrt(cn) : 0;
    return [w0 * fw + c0 * fc + d.bias[0], w1 * fw + c1 * fc + d.bias[1], w2 * fw + c2 * fc + d.bias[2]];
  }

  function logits(text: string, domain?: string, lang?: string | null): [number, number, number] {
    return score(text, resolveDomain(text, domain, lang));
  }

  function ironic(text: string, z: [number, number, number], d: TDomain): boolean {
    if (!header.irony || z[2] <= z[0]) return false;
    if (hasIronyPhrase(text)) return true;
    for (const span of quotedSpans(text)) {
      const q = score(span, d);
      if (q[2] > q[0] && q[2] > q[1]) return true;
    }
    return false;
  }

  function resultFromLogits(z: readonly [number, number, number], rating?: TRating | null): TSentimentResult {
    let [p0, p1, p2] = softmax(z[0] * invT, z[1] * invT, z[2] * invT);
    const rated = ratingLabel(rating);
    if (rated === "negative") [p0, p1, p2] = [RATING_WEIGHT + (1 - RATING_WEIGHT) * p0, (1 - RATING_WEIGHT) * p1, (1 - RATING_WEIGHT) * p2];
    else if (rated === "positive") [p0, p1, p2] = [(1 - RATING_WEIGHT) * p0, (1 - RATING_WEIGHT) * p1, RATING_WEIGHT + (1 - RATING_WEIGHT) * p2];
    return result(p0, p1, p2);
  }

  function classify(input: TClassifyInput): TSentimentResult {
    const text = input.brand ? brandWindow(input.text, input.brand) : input.text;
    const d = resolveDomain(text, input.domain, input.lang);
    const z = score(text, d);
    if (ironic(text, z, d)) [z[0], z[2]] = [z[2], z[0]];
    return resultFromLogits(z, input.rating);
  }

  /** The features `score` just left in the buffer, with their values (call before scoring again). */
  function bufferedFeatures(): TSparseFeatures {
    const n = buffer.count;
    const nw = buffer.wordCount;
    const indices = buffer.indices.slice(0, n);
    const values = new Float32Array(n);
    let wn = 0;
    let cn = 0;
    for (let i = 0; i < n; i++) {
      const v = cellIdf[((indices[i] as number) << 2) + 3] as number;
      values[i] = v;
      if (i < nw) wn += v * v;
      else cn += v * v;
    }
    const fw = wn > 0 ? 1 / Math.sqrt(wn) : 0;
    const fc = cn > 0 ? 1 / Math.sqrt(cn) : 0;
    for (let i = 0; i < n; i++) values[i] = (values[i] as number) * (i < nw ? fw : fc);
    return { indices, values };
  }

  function inspect(input: TClassifyInput): TInspection {
    const text = input.brand ? brandWindow(input.text, input.brand) : input.text;
    const d = resolveDomain(text, input.domain, input.lang);
    const z = score(text, d);
    const features = bufferedFeatures();
    if (ironic(text, z, d)) [z[0], z[2]] = [z[2], z[0]];
    return { features, logits: z };
  }

  const names = [...Object.keys(header.genres), ...domains.keys()];
  return { version: data.version, header, classify, logits, inspect, resultFromLogits, domains: names };
}

/** More Cyrillic than Latin letters (a cheap script count; mixed texts go by the majority). */
export function isMostlyCyrillic(text: string): boolean {
  let cyrillic = 0;
  let latin = 0;
  const end = Math.min(text.length, 400);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x430 && c <= 0x45f) cyrillic++;
    else if (c >= 0x61 && c <= 0x7a) latin++;
  }
  return cyrillic > latin;
}

/**
 * The label a star rating decides, on a 1–5 scale after rescaling (`value` of `scale`, where
 * the lowest star is 1, or 0 when the scale counts from 0 — a 0 reads as the lowest):
 * at most 2 → negative, at least 4 → positive, in between (a 3 of 5) → null, the words decide.
 * A missing, non-finite or out-of-range rating is ignored.
 */
export function ratingLabel(rating: TRating | null | undefined): TSentimentLabel | null {
  if (!rating) return null;
  const { value, scale } = rating;
  if (!Number.isFinite(value) || !Number.isFinite(scale) || scale < 2 || value < 0 || value > scale) return null;
  const five = 1 + (Math.max(1, value) - 1) * (4 / (scale - 1));
  if (five <= 2 + 1e-9) return "negative";
  if (five >= 4 - 1e-9) return "positive";
  return null;
}

function softmax(a: number, b: number, c: number): [number, number, number] {
  const m = Math.max(a, b, c);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const ec = Math.exp(c - m);
  const s = ea + eb + ec;
  return [ea / s, eb / s, ec / s];
}

function result(negative: number, neutral: number, positive: number): TSentimentResult {
  const label: TSentimentLabel =
    negative >= neutral && negative >= positive ? "negative" : positive > neutral ? "positive" : "neutral";
  const confidence = label === "negative" ? negative : label === "positive" ? positive : neutral;
  return { label, confidence, scores: { positive, neutral, negative } };
}
