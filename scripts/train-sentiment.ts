/**
 * Trains the built-in sentiment model from `../shared/datasets/{ru,en}/*\/train.csv` and writes
 * `models/sentiment/sentiment.bin`. Deterministic: corpora and rows in a fixed order, a seeded
 * shuffle for the warm start, full-batch L-BFGS after it, no clock in the output (the same data
 * gives the same bytes).
 *
 *   node --import tsx scripts/train-sentiment.ts [--out FILE] [--dev] [--refit] [--lambda 1e-4] …
 *
 * Steps: (1) features of every train row (hashed word 1–2-grams and char 2–5-grams, idf-weighted,
 * plus a domain-specific copy of the word features: each corpus is a domain); (2) rows whose
 * near-duplicate key hashes to 0 mod 10 are held out; (3) L2-regularized multinomial logistic
 * regression on the other 90 % (two AdaGrad epochs, then L-BFGS); (4) on the held-out slice,
 * per-domain class offsets tuned for macro-F1 and then the softmax temperature for log-loss
 * (calibration); (5) int8 quantization. `--dev` stops after (4) and prints the held-out figures;
 * `--refit` retrains on 100 % of the rows before (5), keeping the offsets and temperature.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFeatureBuffer, domainSeed, extractFeatures, type TFeatureConfig } from "../src/server/features/classification/features.ts";
import { encodeModel, quantize, type TModelHeader } from "../src/server/features/classification/model-file.ts";
import { brandWindow } from "../src/server/features/classification/brand-window.ts";
import { SENTIMENT_LABELS, type TSentimentLabel } from "../src/server/features/classification/sentiment-model.ts";
import {
  PROJECT_ROOT,
  datasetsRoot,
  expectedCalibrationError,
  listCorpora,
  loadSplit,
  metrics,
  pct,
  type TCorpus,
} from "./sentiment-corpora.ts";

type TOffsetMethod = "none" | "plain" | "bootstrap";

type TOptions = {
  out: string;
  dev: boolean;
  average: boolean;
  idf: boolean;
  optimizer: "lbfgs" | "adagrad";
  /** L2 strength of the L-BFGS objective (per mean example loss). */
  lambda: number;
  iterations: number;
  warmEpochs: number;
  /** Retrain on 100 % of the rows after tuning on the held-out slice (default: ship the 90 % model). */
  refit: boolean;
  features: TFeatureConfig;
  epochs: number;
  lr: number;
  l2: number;
  /** Class weights within each corpus: (n / (3 n_class))^balance; 0 = none, 1 = fully balanced. */
  balance: number;
  /** Corpus weights: id=weight,…; a corpus at 0 is left out. */
  corpusWeights: Map<string, number>;
  seed: number;
  /** How corpora map to domains: none, genre (social/news/review) or corpus (each its own). */
  domains: "none" | "genre" | "corpus";
  /** Every this many L-BFGS iterations, print the held-out macro-F1 per corpus (0: never). */
  reportEvery: number;
  /**
   * NB-SVM style feature scaling (Wang & Manning 2012) in [0, 1]: each bucket's value is scaled
   * during training by (1 − nb) + nb × its log-count ratio / the mean ratio, so that the L2
   * penalty weighs less on features that tell the classes apart; the scale is folded into the
   * weights afterwards, so the model file and inference do not change. 0: off.
   */
  nb: number;
  /**
   * How the per-domain offsets are tuned on the held-out rows: "plain" (best macro-F1), "bootstrap"
   * (best mean macro-F1 over 30 resamples), "none" (all 0), or "auto": whichever of the three
   * scores best tuned on one half of the held-out rows and scored on the other.
   */
  offsets: TOffsetMethod | "auto";
  /** Quantile of |w| beyond which weights are clipped in the int8 quantization. */
  clip: number;
};

function parseOptions(argv: string[]): TOptions {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => (get(name) === undefined ? fallback : Number(get(name)));
  const corpusWeights = new Map<string, number>(DEFAULT_CORPUS_WEIGHTS);
  for (const pair of (get("corpus-weights") ?? "").split(",").filter(Boolean)) {
    const [id, w] = pair.split("=");
    if (id) corpusWeights.set(id, Number(w));
  }
  return {
    out: path.resolve(PROJECT_ROOT, get("out") ?? "models/sentiment/sentiment.bin"),
    dev: argv.includes("--dev"),
    average: !argv.includes("--no-average"),
    idf: !argv.includes("--no-idf"),
    optimizer: (get("optimizer") ?? "lbfgs") as TOptions["optimizer"],
    lambda: num("lambda", 1e-5),
    iterations: num("iterations", 80),
    warmEpochs: num("warm-epochs", 2),
    refit: argv.includes("--refit"),
    features: {
      bits: num("bits", 19),
      charMin: num("char-min", 2),
      charMax: num("char-max", 5),
      bigrams: !argv.includes("--no-bigrams"),
      negationScope: num("scope", 3),
      negatedChars: (get("negated-chars") ?? "keep") as TFeatureConfig["negatedChars"],
      domainChars: argv.includes("--domain-chars"),
    },
    epochs: num("epochs", 6),
    lr: num("lr", 0.1),
    l2: num("l2", 1e-6),
    balance: num("balance", 0.5),
    corpusWeights,
    seed: num("seed", 20240607),
    domains: (get("domains") ?? "corpus") as TOptions["domains"],
    reportEvery: num("report-every", 0),
    nb: num("nb", 0),
    clip: num("clip", 0.99999),
    offsets: (get("offsets") ?? "auto") as TOffsetMethod | "auto",
  };
}

/** The genre of each corpus: the domain a caller names when it knows where a text came from. */
export const CORPUS_GENRE: Record<string, string> = {
  "ru/sentirueval2015_tweets": "social",
  "en/brand_tweets_en": "social",
  "en/tweeteval_sentiment": "social",
  "ru/rusentne2023": "news",
  "ru/romip2012_news_quotes": "news",
  "ru/opensentimentcorpus": "news",
  "en/financial_phrasebank": "news",
  "ru/sentirueval2015_reviews": "review",
  "en/sst3": "review",
  "en/uci_sentiment_sentences": "review",
};

export function corpusDomain(id: string, mode: TOptions["domains"]): string | null {
  if (mode === "none") return null;
  if (mode === "corpus") return id;
  return CORPUS_GENRE[id] ?? "social";
}

/** Per genre, the corpus whose domain stands for it, in order of preference. */
const GENRE_PREFERENCE: Record<string, { ru: string[]; en: string[] }> = {
  social: { ru: ["ru/sentirueval2015_tweets"], en: ["en/brand_tweets_en", "en/tweeteval_sentiment"] },
  news: { ru: ["ru/romip2012_news_quotes", "ru/opensentimentcorpus", "ru/rusentne2023"], en: ["en/financial_phrasebank"] },
  review: { ru: ["ru/sentirueval2015_reviews"], en: ["en/uci_sentiment_sentences", "en/sst3"] },
};

function genreDomains(domainNames: readonly string[], mode: TOptions["domains"]): TModelHeader["genres"] {
  const genres: TModelHeader["genres"] = {};
  for (const [genre, preference] of Object.entries(GENRE_PREFERENCE)) {
    const pick = (ids: string[]) => ids.map((id) => corpusDomain(id, mode) ?? "default").find((d) => domainNames.includes(d));
    const ru = pick(preference.ru) ?? domainNames[0] ?? "default";
    const en = pick(preference.en) ?? domainNames[0] ?? "default";
    genres[genre] = { ru, en };
  }
  return genres;
}

/** Corpus weights of the shipped model (measured on the held-out slice, see MODEL_CARD.md). */
const DEFAULT_CORPUS_WEIGHTS: [string, number][] = [];

/** A row's features are `features[start..end)`, the word block `[start..mid)`. */
type TExample = {
  corpus: number;
  label: number;
  weight: number;
  start: number;
  mid: number;
  end: number;
  dev: boolean;
  /** 1 / L2 norm of the word and of the character block (idf-weighted). */
  vw: number;
  vc: number;
};

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Near-duplicates (retweets, the same tweet with another link or tag) must fall on the same side
 * of the held-out split, or the held-out figures flatter the model: rows are grouped by their
 * first 6 words after dropping "RT", links, @mentions, hashtags' "#", digits and punctuation.
 */
function groupKey(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/(?:https?:\/\/|www\.)\S+/g, " ")
    .replace(/@\S+/g, " ")
    .replace(/\brt\b/g, " ")
    .replace(/[^\p{L}]+/gu, " ")
    .trim()
    .split(" ")
    .slice(0, 6)
    .join(" ");
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text a row is trained on: the window around the target entity where the corpus has one. */
export function trainingText(row: { text: string; entity?: string }): string {
  return row.entity ? brandWindow(row.text, row.entity) : row.text;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const root = datasetsRoot();
  const corpora = listCorpora(root).filter((c) => (options.corpusWeights.get(c.id) ?? 1) > 0);
  const started = performance.now();

  // Features of every row, once.
  const buffer = createFeatureBuffer();
  const examples: TExample[] = [];
  let features = new Int32Array(1 << 24);
  let used = 0;
  const counts: Record<string, Record<TSentimentLabel, number>> = {};
  for (const [ci, corpus] of corpora.entries()) {
    const rows = loadSplit(corpus, "train");
    if (corpus.id === "en/sst3") rows.push(...loadSplit(corpus, "dev"));
    const perClass = { negative: 0, neutral: 0, positive: 0 };
    for (const row of rows) perClass[row.label]++;
    counts[corpus.id] = perClass;
    const corpusWeight = options.corpusWeights.get(corpus.id) ?? 1;
    const domain = corpusDomain(corpus.id, options.domains);
    const seed = domain === null ? 0 : domainSeed(domain);
    for (const row of rows) {
      const text = trainingText(row);
      const n = extractFeatures(text, options.features, buffer, seed);
      if (used + n > features.length) {
        const grown = new Int32Array(features.length * 2);
        grown.set(features);
        features = grown;
      }
      features.set(buffer.indices.subarray(0, n), used);
      const classWeight = (rows.length / (3 * Math.max(1, perClass[row.label]))) ** options.balance;
      examples.push({
        corpus: ci,
        label: SENTIMENT_LABELS.indexOf(row.label),
        weight: corpusWeight * classWeight,
        start: used,
        mid: used + buffer.wordCount,
        end: used + n,
        dev: fnv(groupKey(row.text)) % 10 === 0,
        vw: 0,
        vc: 0,
      });
      used += n;
    }
  }
  const idf = options.idf ? inverseDocumentFrequency(examples, features, options.features.bits) : null;
  const idfOf = (f: number) => (idf ? (idf.weights[f] as number) * idf.scale : 1);
  for (const e of examples) {
    let sw = 0;
    let sc = 0;
    for (let f = e.start; f < e.end; f++) {
      const v = idfOf(features[f] as number);
      if (f < e.mid) sw += v * v;
      else sc += v * v;
    }
    e.vw = sw > 0 ? 1 / Math.sqrt(sw) : 0;
    e.vc = sc > 0 ? 1 / Math.sqrt(sc) : 0;
  }
  // Each feature occurrence's value (idf × its block's 1 / norm), once: the optimizers read it
  // twice per row and pass instead of recomputing it.
  const vals = new Float32Array(used);
  for (const e of examples) {
    for (let f = e.start; f < e.end; f++) vals[f] = (f < e.mid ? e.vw : e.vc) * idfOf(features[f] as number);
  }
  log(`${examples.length} rows from ${corpora.length} corpora, ${used} features (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // Step 2: 90 % → tune offsets and temperature on the held-out 10 %.
  const trainPart = examples.filter((e) => !e.dev);
  const devPart = examples.filter((e) => e.dev);
  const checkpoint = (iteration: number, m: TFloatModel) => {
    const z = devPart.map((e) => scoreExample(m, e, features, vals));
    let sum = 0;
    let count = 0;
    const parts = corpora.map((c, ci) => {
      const only = (k: number) => k === ci;
      const f1 = meanMacroF1(devPart, z, tuneOffsets(devPart, z, corpora, only), corpora, only);
      // Corpora with a tiny held-out slice (reviews: 56 rows) swing the mean by points.
      if (devPart.filter((e) => e.corpus === ci).length >= 200) {
        sum += f1;
        count++;
      }
      return `${c.id.split("/")[1]?.slice(0, 10)} ${pct(f1)}`;
    });
    log(`  held-out @${iteration}: mean ${pct(sum / Math.max(1, count))} | ${parts.join(" | ")}`);
  };
  const model90 = train(trainPart, features, vals, options, options.reportEvery > 0 ? checkpoint : undefined);
  {
    // What int8 quantization costs on the held-out slice, per clipping quantile (offsets tuned
    // for each, as they are for the model that ships).
    const perDomain = (z: number[][]) => {
      let sum = 0;
      let count = 0;
      corpora.forEach((_, ci) => {
        if (devPart.filter((e) => e.corpus === ci).length < 200) return;
        const only = (k: number) => k === ci;
        sum += meanMacroF1(devPart, z, tuneOffsets(devPart, z, corpora, only), corpora, only);
        count++;
      });
      return pct(sum / Math.max(1, count));
    };
    const parts = [`float ${perDomain(devPart.map((e) => scoreExample(model90, e, features, vals)))}`];
    for (const clip of [0.99999, 0.9999, 0.999]) {
      const q = quantize(model90.w, clip);
      const m: TFloatModel = { w: Float64Array.from(q.weights, (x) => x * q.scale), b: model90.b };
      parts.push(`clip ${clip} ${perDomain(devPart.map((e) => scoreExample(m, e, features, vals)))}`);
    }
    log(`held-out mean macro-F1 (offsets tuned per corpus): ${parts.join(", ")}`);
  }
  // How the offsets are tuned: the way that carries over best to unseen rows, judged by tuning on
  // one half of each corpus's held-out rows and scoring on the other half (and the other way round).
  const offsetMethods: Record<TOffsetMethod, (ex: readonly TExample[], lg: readonly number[][], only: (k: number) => boolean) => number[]> = {
    none: () => [0, 0, 0],
    plain: (ex, lg, only) => tuneOffsets(ex, lg, corpora, only),
    bootstrap: (ex, lg, only) => tuneOffsets(ex, lg, corpora, only, 30),
  };
  let offsetMethod: TOffsetMethod = options.offsets === "auto" ? "plain" : options.offsets;
  {
    const z = devPart.map((e) => scoreExample(model90, e, features, vals));
    let bestMean = -1;
    for (const name of ["plain", "none", "bootstrap"] as const) {
      const tune = offsetMethods[name];
      const parts: string[] = [];
      let sum = 0;
      let count = 0;
      corpora.forEach((c, ci) => {
        const rows = devPart.map((_, i) => i).filter((i) => (devPart[i] as TExample).corpus === ci);
        if (rows.length < 200) return;
        const only = (k: number) => k === ci;
        let f1 = 0;
        for (const half of [0, 1]) {
          const tuneRows = rows.filter((_, k) => k % 2 === half);
          const testRows = rows.filter((_, k) => k % 2 !== half);
          const offsets = tune(tuneRows.map((i) => devPart[i] as TExample), tuneRows.map((i) => z[i] as number[]), only);
          f1 += meanMacroF1(testRows.map((i) => devPart[i] as TExample), testRows.map((i) => z[i] as number[]), offsets, corpora, only) / 2;
        }
        sum += f1;
        count++;
        parts.push(`${c.id.split("/")[1]?.slice(0, 10)} ${pct(f1)}`);
      });
      const mean = sum / Math.max(1, count);
      log(`offsets ${name} (2-fold on held-out): mean ${pct(mean)} | ${parts.join(" | ")}`);
      if (options.offsets === "auto" && mean > bestMean + 1e-9) {
        bestMean = mean;
        offsetMethod = name;
      }
    }
    log(`offsets: ${offsetMethod}`);
  }
  // Offsets and temperature are tuned on the weights as they ship (int8).
  const shipped90 = (() => {
    const q = quantize(model90.w, options.clip);
    return { w: Float64Array.from(q.weights, (x) => x * q.scale), b: model90.b };
  })();
  const devLogits = devPart.map((e) => scoreExample(shipped90, e, features, vals));
  const domainNames = [...new Set(corpora.map((c) => corpusDomain(c.id, options.domains) ?? "default"))].sort();
  const offsets = new Map<string, number[]>();
  for (const name of domainNames) {
    const inDomain = corpora.map((c) => (corpusDomain(c.id, options.domains) ?? "default") === name);
    offsets.set(name, offsetMethods[offsetMethod](devPart, devLogits, (ci) => inDomain[ci] === true).map(round));
  }
  const offsetOf = (e: TExample) => offsets.get(corpusDomain(corpora[e.corpus]?.id ?? "", options.domains) ?? "default") ?? [0, 0, 0];
  const shifted = devLogits.map((z, i) => z.map((v, c) => v + (offsetOf(devPart[i] as TExample)[c] ?? 0)));
  const temperature = tuneTemperature(devPart, shifted);
  const report = heldOutReport(devPart, shifted, temperature, corpora);
  process.stderr.write(report.text);
  if (options.dev) return;
  if (!options.refit) {
    writeModel(options, corpora, counts, idf, model90, offsets, domainNames, temperature, report.summary);
    return;
  }

  // Step 3: all rows, same settings.
  const model = train(examples, features, vals, options);
  writeModel(options, corpora, counts, idf, model, offsets, domainNames, temperature, report.summary);
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function writeModel(
  options: TOptions,
  corpora: readonly TCorpus[],
  counts: Record<string, Record<TSentimentLabel, number>>,
  idf: { weights: Uint8Array; scale: number } | null,
  model: TFloatModel,
  offsets: Map<string, number[]>,
  domainNames: readonly string[],
  temperature: number,
  heldOut: Record<string, unknown>,
): void {
  const { weights, scale } = quantize(model.w, options.clip);
  const bias = [0, 1, 2].map((c) => round(model.b[c] ?? 0)) as [number, number, number];
  const domains: TModelHeader["domains"] = {};
  for (const name of domainNames) domains[name] = (offsets.get(name) ?? [0, 0, 0]) as [number, number, number];
  const header: TModelHeader = {
    format: 1,
    classes: [...SENTIMENT_LABELS],
    features: options.features,
    scale,
    bias,
    temperature: round(temperature),
    domains,
    genres: genreDomains(domainNames, options.domains),
    defaultGenre: "social",
    domainAdaptation: options.domains !== "none",
    irony: true,
    idfScale: idf?.scale ?? 0,
    training: {
      corpora: corpora.map((c) => ({ id: c.id, weight: options.corpusWeights.get(c.id) ?? 1, rows: counts[c.id] })),
      optimizer: options.optimizer,
      lambda: options.lambda,
      iterations: options.iterations,
      warmEpochs: options.warmEpochs,
      epochs: options.epochs,
      learningRate: options.lr,
      l2: options.l2,
      idf: options.idf,
      domains: options.domains,
      refit: options.refit,
      nb: options.nb,
      clip: options.clip,
      offsets: options.offsets,
      classBalance: options.balance,
      seed: options.seed,
      heldOut,
    },
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, encodeModel(header, weights, idf?.weights));
  log(`wrote ${path.relative(PROJECT_ROOT, options.out)} (${(weights.length / 1024).toFixed(0)} KiB of weights)`);
}

type TFloatModel = { w: Float64Array; b: Float64Array };

/** Multinomial logistic regression, AdaGrad, L2 on the weights touched by each step. */
/**
 * Smoothed idf per bucket over all training rows, quantized to uint8 (the same values train and
 * run): idf = ln((1 + N) / (1 + df)) + 1, stored as round(idf × 16).
 */
function inverseDocumentFrequency(examples: readonly TExample[], features: Int32Array, bits: number): { weights: Uint8Array; scale: number } {
  const buckets = 1 << bits;
  const df = new Float64Array(buckets);
  const seen = new Int32Array(buckets).fill(-1);
  examples.forEach((e, i) => {
    for (let f = e.start; f < e.end; f++) {
      const b = features[f] as number;
      if (seen[b] !== i) {
        seen[b] = i;
        df[b] = (df[b] as number) + 1;
      }
    }
  });
  const scale = 1 / 16;
  const weights = new Uint8Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const idf = Math.log((1 + examples.length) / (1 + (df[b] as number))) + 1;
    weights[b] = Math.max(1, Math.min(255, Math.round(idf / scale)));
  }
  return { weights, scale };
}

type TCheckpoint = (iteration: number, model: TFloatModel) => void;

function train(examples: readonly TExample[], features: Int32Array, vals: Float32Array, options: TOptions, checkpoint?: TCheckpoint): TFloatModel {
  const scales = featureScales(examples, features, options);
  if (!scales) {
    return options.optimizer === "lbfgs" ? trainLbfgs(examples, features, vals, options, checkpoint) : trainAdagrad(examples, features, vals, options);
  }
  // Train on scaled values, then fold each bucket's scale into its weights.
  const scaled = new Float32Array(vals.length);
  for (const e of examples) for (let f = e.start; f < e.end; f++) scaled[f] = (vals[f] as number) * (scales[features[f] as number] as number);
  const fold = (m: TFloatModel): TFloatModel => ({ w: m.w.map((x, i) => x * (scales[Math.floor(i / 3)] as number)), b: Float64Array.from(m.b) });
  const model =
    options.optimizer === "lbfgs"
      ? trainLbfgs(examples, features, scaled, options, checkpoint ? (it, m) => checkpoint(it, fold(m)) : undefined)
      : trainAdagrad(examples, features, scaled, options);
  return fold(model);
}

/**
 * Per bucket, the training-time value scale of `--nb`: null when it is off. The log-count ratio of a bucket is, over the classes, the largest
 * |ln(share of class-c rows with it / share of other rows with it)| (add-one smoothed).
 */
function featureScales(examples: readonly TExample[], features: Int32Array, options: TOptions): Float64Array | null {
  if (options.nb <= 0) return null;
  const buckets = 1 << options.features.bits;
  const counts = new Float64Array(buckets * 3);
  const seen = new Int32Array(buckets).fill(-1);
  const rows = [0, 0, 0];
  examples.forEach((e, i) => {
    rows[e.label] = (rows[e.label] as number) + 1;
    for (let f = e.start; f < e.end; f++) {
      const b = features[f] as number;
      if (seen[b] === i) continue;
      seen[b] = i;
      counts[b * 3 + e.label] = (counts[b * 3 + e.label] as number) + 1;
    }
  });
  const total = examples.length;
  const ratio = new Float64Array(buckets);
  let sum = 0;
  let df = 0;
  for (let b = 0; b < buckets; b++) {
    const n = (counts[b * 3] as number) + (counts[b * 3 + 1] as number) + (counts[b * 3 + 2] as number);
    let r = 0;
    for (let c = 0; c < 3; c++) {
      const inClass = ((counts[b * 3 + c] as number) + 1) / ((rows[c] as number) + 2);
      const outside = (n - (counts[b * 3 + c] as number) + 1) / (total - (rows[c] as number) + 2);
      r = Math.max(r, Math.abs(Math.log(inClass / outside)));
    }
    ratio[b] = r;
    sum += r * n;
    df += n;
  }
  const mean = sum / Math.max(1, df);
  return ratio.map((r) => 1 - options.nb + (options.nb * r) / mean);
}

/**
 * L2-regularized multinomial logistic regression solved to convergence with L-BFGS (the model
 * the README's baseline fits with scikit-learn, here on hashed features): minimises
 * Σ wᵢ·CEᵢ / Σ wᵢ + λ/2 ‖W‖² (the class bias is not regularized). Full-batch, so deterministic
 * without any shuffle.
 */
function trainLbfgs(
  examples: readonly TExample[],
  features: Int32Array,
  vals: Float32Array,
  options: TOptions,
  checkpoint?: TCheckpoint,
): TFloatModel {
  const buckets = 1 << options.features.bits;
  // Warm start: a couple of cheap AdaGrad epochs put L-BFGS near the optimum.
  const warm = options.warmEpochs > 0 ? trainAdagrad(examples, features, vals, { ...options, epochs: options.warmEpochs, average: false }) : null;
  const dim = buckets * 3 + 3; // weights, then the 3 biases
  const lambda = options.lambda;
  const totalWeight = examples.reduce((a, e) => a + e.weight, 0);

  const evaluate = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const bo = buckets * 3;
    for (const e of examples) {
      let a0 = x[bo] as number;
      let a1 = x[bo + 1] as number;
      let a2 = x[bo + 2] as number;
      for (let f = e.start; f < e.end; f++) {
        const feature = features[f] as number;
        const v = vals[f] as number;
        const o = feature * 3;
        a0 += (x[o] as number) * v;
        a1 += (x[o + 1] as number) * v;
        a2 += (x[o + 2] as number) * v;
      }
      const m = Math.max(a0, a1, a2);
      const e0 = Math.exp(a0 - m);
      const e1 = Math.exp(a1 - m);
      const e2 = Math.exp(a2 - m);
      const sum = e0 + e1 + e2;
      const scale = e.weight / totalWeight;
      const za = e.label === 0 ? a0 : e.label === 1 ? a1 : a2;
      loss += scale * (m + Math.log(sum) - za);
      const g0 = scale * (e0 / sum - (e.label === 0 ? 1 : 0));
      const g1 = scale * (e1 / sum - (e.label === 1 ? 1 : 0));
      const g2 = scale * (e2 / sum - (e.label === 2 ? 1 : 0));
      grad[bo] = (grad[bo] as number) + g0;
      grad[bo + 1] = (grad[bo + 1] as number) + g1;
      grad[bo + 2] = (grad[bo + 2] as number) + g2;
      for (let f = e.start; f < e.end; f++) {
        const feature = features[f] as number;
        const v = vals[f] as number;
        const o = feature * 3;
        grad[o] = (grad[o] as number) + g0 * v;
        grad[o + 1] = (grad[o + 1] as number) + g1 * v;
        grad[o + 2] = (grad[o + 2] as number) + g2 * v;
      }
    }
    for (let i = 0; i < bo; i++) {
      const w = x[i] as number;
      if (w !== 0) {
        loss += 0.5 * lambda * w * w;
        grad[i] = (grad[i] as number) + lambda * w;
      }
    }
    return loss;
  };

  const t0 = performance.now();
  const memory = 8;
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const x = new Float64Array(dim);
  if (warm) {
    x.set(warm.w);
    x.set(warm.b, buckets * 3);
  }
  const g = new Float64Array(dim);
  let fx = evaluate(x, g);
  const direction = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const gNew = new Float64Array(dim);
  const alpha = new Float64Array(memory);
  const dot = (a: Float64Array, b: Float64Array) => {
    let r = 0;
    for (let i = 0; i < a.length; i++) r += (a[i] as number) * (b[i] as number);
    return r;
  };
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    // Two-loop recursion: direction = −H·g.
    direction.set(g);
    for (let k = sList.length - 1; k >= 0; k--) {
      const a = (rhoList[k] as number) * dot(sList[k] as Float64Array, direction);
      alpha[k] = a;
      const y = yList[k] as Float64Array;
      for (let i = 0; i < dim; i++) direction[i] = (direction[i] as number) - a * (y[i] as number);
    }
    if (sList.length > 0) {
      const last = sList.length - 1;
      const gamma = dot(sList[last] as Float64Array, yList[last] as Float64Array) / dot(yList[last] as Float64Array, yList[last] as Float64Array);
      for (let i = 0; i < dim; i++) direction[i] = (direction[i] as number) * gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let i = 0; i < dim; i++) direction[i] = (direction[i] as number) / Math.max(norm, 1e-12);
    }
    for (let k = 0; k < sList.length; k++) {
      const b = (rhoList[k] as number) * dot(yList[k] as Float64Array, direction);
      const s = sList[k] as Float64Array;
      const a = alpha[k] as number;
      for (let i = 0; i < dim; i++) direction[i] = (direction[i] as number) + (a - b) * (s[i] as number);
    }
    for (let i = 0; i < dim; i++) direction[i] = -(direction[i] as number);
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      sList.length = 0;
      yList.length = 0;
      rhoList.length = 0;
      for (let i = 0; i < dim; i++) direction[i] = -(g[i] as number);
      slope = dot(g, direction);
    }
    // Backtracking (Armijo) line search.
    let step = 1;
    let fNew = 0;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < dim; i++) xNew[i] = (x[i] as number) + step * (direction[i] as number);
      fNew = evaluate(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
      if (sList.length > memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
    }
    const improvement = fx - fNew;
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    if ((iteration + 1) % 10 === 0) log(`  iteration ${iteration + 1}: loss ${fx.toFixed(5)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (checkpoint && (iteration + 1) % options.reportEvery === 0) checkpoint(iteration + 1, { w: x.subarray(0, buckets * 3), b: x.subarray(buckets * 3) });
    if (improvement >= 0 && improvement < 1e-7 * Math.max(1, Math.abs(fx))) break;
  }
  log(`  L-BFGS done: loss ${fx.toFixed(5)}`);
  return { w: x.subarray(0, buckets * 3), b: x.subarray(buckets * 3) };
}

function trainAdagrad(examples: readonly TExample[], features: Int32Array, vals: Float32Array, options: TOptions): TFloatModel {
  const buckets = 1 << options.features.bits;
  const w = new Float64Array(buckets * 3);
  const g2 = new Float64Array(buckets * 3).fill(1e-8);
  const b = new Float64Array(3);
  const bg2 = new Float64Array(3).fill(1e-8);
  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed);
  const { lr, l2 } = options;
  // Epoch-end averaging of the second half of the epochs: steadier than the last iterate.
  const sumW = new Float64Array(options.average ? w.length : 0);
  const sumB = new Float64Array(3);
  let averaged = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let loss = 0;
    for (const k of order) {
      const e = examples[k] as TExample;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      for (let f = e.start; f < e.end; f++) {
        const feature = features[f] as number;
        const v = vals[f] as number;
        const o = feature * 3;
        a0 += (w[o] as number) * v;
        a1 += (w[o + 1] as number) * v;
        a2 += (w[o + 2] as number) * v;
      }
      const z0 = a0 + (b[0] as number);
      const z1 = a1 + (b[1] as number);
      const z2 = a2 + (b[2] as number);
      const m = Math.max(z0, z1, z2);
      const e0 = Math.exp(z0 - m);
      const e1 = Math.exp(z1 - m);
      const e2 = Math.exp(z2 - m);
      const s = e0 + e1 + e2;
      const g = [e0 / s, e1 / s, e2 / s];
      loss -= e.weight * Math.log((g[e.label] as number) + 1e-12);
      (g[e.label] as number) -= 1;
      for (let c = 0; c < 3; c++) {
        const gc = (g[c] as number) * e.weight;
        g[c] = gc;
        bg2[c] = (bg2[c] as number) + gc * gc;
        b[c] = (b[c] as number) - (lr * gc) / Math.sqrt(bg2[c] as number);
      }
      for (let f = e.start; f < e.end; f++) {
        const feature = features[f] as number;
        const v = vals[f] as number;
        const ga = (g[0] as number) * v;
        const gb = (g[1] as number) * v;
        const gcc = (g[2] as number) * v;
        const o = feature * 3;
        let d = ga + l2 * (w[o] as number);
        g2[o] = (g2[o] as number) + d * d;
        w[o] = (w[o] as number) - (lr * d) / Math.sqrt(g2[o] as number);
        d = gb + l2 * (w[o + 1] as number);
        g2[o + 1] = (g2[o + 1] as number) + d * d;
        w[o + 1] = (w[o + 1] as number) - (lr * d) / Math.sqrt(g2[o + 1] as number);
        d = gcc + l2 * (w[o + 2] as number);
        g2[o + 2] = (g2[o + 2] as number) + d * d;
        w[o + 2] = (w[o + 2] as number) - (lr * d) / Math.sqrt(g2[o + 2] as number);
      }
    }
    log(`  epoch ${epoch + 1}/${options.epochs}: loss ${(loss / examples.length).toFixed(4)}`);
    if (options.average && epoch >= Math.floor(options.epochs / 2)) {
      for (let i = 0; i < w.length; i++) sumW[i] = (sumW[i] as number) + (w[i] as number);
      for (let c = 0; c < 3; c++) sumB[c] = (sumB[c] as number) + (b[c] as number);
      averaged++;
    }
  }
  if (averaged === 0) return { w, b };
  return { w: sumW.map((x) => x / averaged), b: sumB.map((x) => x / averaged) };
}

function scoreExample(model: TFloatModel, e: TExample, features: Int32Array, vals: Float32Array): number[] {
  const z = [0, 0, 0];
  for (let f = e.start; f < e.end; f++) {
    const feature = features[f] as number;
    const v = vals[f] as number;
    const o = feature * 3;
    z[0] = (z[0] as number) + (model.w[o] as number) * v;
    z[1] = (z[1] as number) + (model.w[o + 1] as number) * v;
    z[2] = (z[2] as number) + (model.w[o + 2] as number) * v;
  }
  return z.map((s, c) => s + (model.b[c] as number));
}

const argmax = (z: readonly number[]): number => ((z[0] as number) >= (z[1] as number) && (z[0] as number) >= (z[2] as number) ? 0 : (z[2] as number) > (z[1] as number) ? 2 : 1);

/** Mean over corpora of the held-out macro-F1 for given logit offsets. */
function meanMacroF1(
  examples: readonly TExample[],
  logits: readonly number[][],
  offsets: readonly number[],
  corpora: readonly TCorpus[],
  include: (corpus: number) => boolean = () => true,
): number {
  let sum = 0;
  let count = 0;
  for (let ci = 0; ci < corpora.length; ci++) {
    if (!include(ci)) continue;
    const gold: TSentimentLabel[] = [];
    const predicted: TSentimentLabel[] = [];
    examples.forEach((e, i) => {
      if (e.corpus !== ci) return;
      gold.push(SENTIMENT_LABELS[e.label] as TSentimentLabel);
      predicted.push(SENTIMENT_LABELS[argmax((logits[i] as number[]).map((v, c) => v + (offsets[c] ?? 0)))] as TSentimentLabel);
    });
    if (gold.length < 50) continue;
    sum += metrics(gold, predicted).macroF1;
    count++;
  }
  return sum / Math.max(1, count);
}

/**
 * Coordinate search over the negative and positive offsets (neutral fixed at 0). With
 * `bootstrap` > 0 the objective is the mean macro-F1 over that many seeded resamples of the
 * rows: a smoother surface, so the offsets land in the middle of a good region instead of on a
 * spike that a few minority-class rows made.
 */
function tuneOffsets(
  examples: readonly TExample[],
  logits: readonly number[][],
  corpora: readonly TCorpus[],
  include: (corpus: number) => boolean,
  bootstrap = 0,
): number[] {
  const rows = examples.map((e, i) => i).filter((i) => include((examples[i] as TExample).corpus));
  const samples: { examples: TExample[]; logits: number[][] }[] = [];
  if (bootstrap > 0) {
    const random = mulberry32(0x5eed + rows.length);
    for (let b = 0; b < bootstrap; b++) {
      const pick = rows.map(() => rows[Math.floor(random() * rows.length)] as number);
      samples.push({ examples: pick.map((i) => examples[i] as TExample), logits: pick.map((i) => logits[i] as number[]) });
    }
  } else {
    samples.push({ examples: rows.map((i) => examples[i] as TExample), logits: rows.map((i) => logits[i] as number[]) });
  }
  const objective = (offsets: readonly number[]) =>
    samples.reduce((a, sample) => a + meanMacroF1(sample.examples, sample.logits, offsets, corpora, include), 0) / samples.length;
  let best = [0, 0, 0];
  let bestScore = objective(best);
  for (let round = 0; round < 2; round++) {
    for (const c of [0, 2]) {
      for (let step = -10; step <= 10; step++) {
        const candidate = [...best];
        candidate[c] = round === 0 ? step * 0.1 : (best[c] as number) + step * 0.02;
        const score = objective(candidate);
        if (score > bestScore + 1e-9) {
          bestScore = score;
          best = candidate;
        }
      }
    }
  }
  return best.map(round);
}

/** The temperature minimising held-out log-loss (golden-section search on [0.2, 5]). */
function tuneTemperature(examples: readonly TExample[], logits: readonly number[][]): number {
  const nll = (t: number) => {
    let loss = 0;
    examples.forEach((e, i) => {
      const z = (logits[i] as number[]).map((v) => v / t);
      const m = Math.max(...z);
      const s = z.reduce((a, v) => a + Math.exp(v - m), 0);
      loss -= (z[e.label] as number) - m - Math.log(s);
    });
    return loss / examples.length;
  };
  let lo = 0.2;
  let hi = 5;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (nll(a) < nll(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

function heldOutReport(
  examples: readonly TExample[],
  logits: readonly number[][],
  temperature: number,
  corpora: readonly TCorpus[],
): { text: string; summary: Record<string, unknown> } {
  const lines = ["held-out 10 % of train (not the test splits):", "| corpus | n | acc | macro-F1 | F1_PN |", "|---|---|---|---|---|"];
  const summary: Record<string, unknown> = {};
  for (const [ci, corpus] of corpora.entries()) {
    const gold: TSentimentLabel[] = [];
    const predicted: TSentimentLabel[] = [];
    examples.forEach((e, i) => {
      if (e.corpus !== ci) return;
      gold.push(SENTIMENT_LABELS[e.label] as TSentimentLabel);
      predicted.push(SENTIMENT_LABELS[argmax(logits[i] as number[])] as TSentimentLabel);
    });
    const m = metrics(gold, predicted);
    lines.push(`| ${corpus.id} | ${m.n} | ${pct(m.accuracy)} | ${pct(m.macroF1)} | ${pct(m.f1pn)} |`);
    summary[corpus.id] = { n: m.n, accuracy: round(m.accuracy), macroF1: round(m.macroF1) };
  }
  const conf: number[] = [];
  const correct: boolean[] = [];
  const confRaw: number[] = [];
  examples.forEach((e, i) => {
    const z = logits[i] as number[];
    const top = argmax(z);
    const p = (t: number) => {
      const m = Math.max(...z);
      const s = z.reduce((a, v) => a + Math.exp((v - m) / t), 0);
      return Math.exp(((z[top] as number) - m) / t) / s;
    };
    conf.push(p(temperature));
    confRaw.push(p(1));
    correct.push(top === e.label);
  });
  const ece = expectedCalibrationError(conf, correct);
  const eceRaw = expectedCalibrationError(confRaw, correct);
  const mean = meanMacroF1(examples, logits, [0, 0, 0], corpora);
  lines.push(`mean macro-F1 ${pct(mean)}; temperature ${temperature.toFixed(3)}; ECE ${pct(ece)} % (before scaling ${pct(eceRaw)} %)`, "");
  summary.meanMacroF1 = round(mean);
  summary.temperature = round(temperature);
  summary.ece = round(ece);
  summary.eceBeforeScaling = round(eceRaw);
  return { text: lines.join("\n") + "\n", summary };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

main();
