/**
 * Per-brand adaptation of the built-in sentiment model, learned online from specialists'
 * corrections (no retraining of the model): a sparse delta over the model's own hashed features
 * plus three class offsets, added to the model's final logits. Each correction is one
 * passive-aggressive step (PA-I, Crammer et al. 2006): nothing changes when the adapted model
 * already prefers the specialist's label by `margin`; otherwise the smallest change (capped by
 * `aggressiveness`) that gets it there. Before each step every weight shrinks toward 0 by
 * `shrink` (an L2 pull, so old corrections fade and the brand drifts back to the base model).
 *
 * The state is small and serializes to a Buffer for a database row (`encodeAdaptation`). It is
 * tied to the model's feature hashing (`bits`): with a model of other bits it is ignored.
 * Pure: no I/O, no clock.
 */
import { SENTIMENT_LABELS, type TClassifyInput, type TSentimentLabel, type TSentimentModel, type TSentimentResult, type TSparseFeatures } from "./sentiment-model.ts";

export type TBrandAdaptation = {
  /** `header.features.bits` of the model it was learned on. */
  bits: number;
  /** The model version it was learned on (informational: the deltas are relative to that model). */
  baseVersion: string;
  /** Corrections applied so far (steps that changed nothing included). */
  corrections: number;
  /** Class offsets in the model's class order (negative, neutral, positive). */
  bias: [number, number, number];
  /** Bucket → delta of the three class weights, times `scale` (a lazily applied shrink). */
  weights: Map<number, Float64Array>;
  scale: number;
};

export type TAdaptationSettings = {
  /** Logit margin by which the corrected label should lead after a step. */
  margin: number;
  /** Largest step (PA-I's C): one correction can move the weights at most this far. */
  aggressiveness: number;
  /** Fraction by which all deltas shrink before each step. */
  shrink: number;
  /** Input value of the class-offset feature (small: offsets move slowly, words quickly). */
  biasValue: number;
};

export const DEFAULT_ADAPTATION_SETTINGS: TAdaptationSettings = { margin: 1, aggressiveness: 0.5, shrink: 0.002, biasValue: 0.2 };

export function createAdaptation(model: TSentimentModel): TBrandAdaptation {
  return { bits: model.header.features.bits, baseVersion: model.version, corrections: 0, bias: [0, 0, 0], weights: new Map(), scale: 1 };
}

const compatible = (model: TSentimentModel, adaptation: TBrandAdaptation) => adaptation.bits === model.header.features.bits;

/** The logit change the adaptation makes for these features. */
export function adaptationLogits(adaptation: TBrandAdaptation, features: TSparseFeatures): [number, number, number] {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  const { indices, values } = features;
  for (let i = 0; i < indices.length; i++) {
    const w = adaptation.weights.get(indices[i] as number);
    if (!w) continue;
    const v = values[i] as number;
    z0 += (w[0] as number) * v;
    z1 += (w[1] as number) * v;
    z2 += (w[2] as number) * v;
  }
  const s = adaptation.scale;
  return [z0 * s + adaptation.bias[0], z1 * s + adaptation.bias[1], z2 * s + adaptation.bias[2]];
}

function adaptedLogits(model: TSentimentModel, adaptation: TBrandAdaptation, input: TClassifyInput) {
  const { features, logits } = model.inspect(input);
  if (!compatible(model, adaptation)) return { features, logits };
  const d = adaptationLogits(adaptation, features);
  return { features, logits: [logits[0] + d[0], logits[1] + d[1], logits[2] + d[2]] as [number, number, number] };
}

/** `model.classify(input)` with the brand's adaptation added to the logits (same result shape, calibrated the same way). */
export function classifyAdapted(model: TSentimentModel, adaptation: TBrandAdaptation | null, input: TClassifyInput): TSentimentResult {
  if (!adaptation || (adaptation.weights.size === 0 && adaptation.bias.every((b) => b === 0))) return model.classify(input);
  return model.resultFromLogits(adaptedLogits(model, adaptation, input).logits, input.rating);
}

/**
 * Learns from one correction (`label` is what a specialist says `input` is): one PA-I step on
 * the adapted logits. Updates `adaptation` in place; returns the label the adapted model gave
 * before the step.
 */
export function applyCorrection(
  model: TSentimentModel,
  adaptation: TBrandAdaptation,
  input: TClassifyInput,
  label: TSentimentLabel,
  settings: TAdaptationSettings = DEFAULT_ADAPTATION_SETTINGS,
): TSentimentLabel {
  if (!compatible(model, adaptation)) throw new Error(`adaptation is for a model of ${adaptation.bits} bits, not ${model.header.features.bits}`);
  const { features, logits } = adaptedLogits(model, adaptation, input);
  const before = SENTIMENT_LABELS[argmax(logits)] as TSentimentLabel;
  adaptation.corrections++;
  shrink(adaptation, settings.shrink);
  const y = SENTIMENT_LABELS.indexOf(label);
  if (y < 0) throw new Error(`unknown sentiment label ${label}`);
  // The strongest rival class.
  let r = -1;
  for (let c = 0; c < 3; c++) if (c !== y && (r < 0 || (logits[c] as number) > (logits[r] as number))) r = c;
  const loss = settings.margin - ((logits[y] as number) - (logits[r] as number));
  if (loss <= 0) return before;
  // Repeated buckets add up: the step is along the aggregated vector.
  const x = new Map<number, number>();
  const { indices, values } = features;
  for (let i = 0; i < indices.length; i++) x.set(indices[i] as number, (x.get(indices[i] as number) ?? 0) + (values[i] as number));
  let norm2 = settings.biasValue * settings.biasValue;
  for (const v of x.values()) norm2 += v * v;
  // Raising y and lowering r by τ·x moves the margin by 2τ‖x‖².
  const tau = Math.min(settings.aggressiveness, loss / (2 * norm2));
  const step = tau / adaptation.scale;
  for (const [bucket, v] of x) {
    let w = adaptation.weights.get(bucket);
    if (!w) {
      w = new Float64Array(3);
      adaptation.weights.set(bucket, w);
    }
    w[y] = (w[y] as number) + step * v;
    w[r] = (w[r] as number) - step * v;
  }
  adaptation.bias[y] = (adaptation.bias[y] as number) + tau * settings.biasValue;
  adaptation.bias[r] = (adaptation.bias[r] as number) - tau * settings.biasValue;
  return before;
}

function shrink(adaptation: TBrandAdaptation, rate: number): void {
  if (rate <= 0) return;
  adaptation.scale *= 1 - rate;
  for (let c = 0; c < 3; c++) adaptation.bias[c] = (adaptation.bias[c] as number) * (1 - rate);
  if (adaptation.scale < 1e-3) {
    // Fold the scale into the weights before it loses precision.
    for (const w of adaptation.weights.values()) for (let c = 0; c < 3; c++) w[c] = (w[c] as number) * adaptation.scale;
    adaptation.scale = 1;
  }
}

function argmax(z: readonly number[]): number {
  return (z[0] as number) >= (z[1] as number) && (z[0] as number) >= (z[2] as number) ? 0 : (z[2] as number) > (z[1] as number) ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Storage: a compact Buffer for a database row.
//
//   bytes 0–7    magic "RPADPT01"
//   8–11         bits (uint32 LE)       12–15  corrections (uint32)     16–27  bias, 3 × float32
//   28–39        base model version (12 ASCII characters, space-padded)
//   40–43        weight scale (float32): a delta is int16 × this
//   44–47        entry count E (uint32)
//   48–          E bucket indices (uint32, ascending), then E × 3 int16 deltas
// Deltas under `prune` × the largest one are dropped, and at most `maxEntries` (the largest) kept.
// ---------------------------------------------------------------------------------------------

const MAGIC = "RPADPT01";

export function encodeAdaptation(adaptation: TBrandAdaptation, options: { prune?: number; maxEntries?: number } = {}): Buffer {
  const prune = options.prune ?? 0.01;
  const maxEntries = options.maxEntries ?? 50_000;
  const s = adaptation.scale;
  let largest = 0;
  for (const w of adaptation.weights.values()) for (const v of w) largest = Math.max(largest, Math.abs(v * s));
  let entries = [...adaptation.weights.entries()]
    .map(([bucket, w]) => ({ bucket, w: [w[0] as number, w[1] as number, w[2] as number].map((v) => v * s), size: Math.max(...[...w].map((v) => Math.abs(v * s))) }))
    .filter((e) => largest > 0 && e.size >= prune * largest);
  if (entries.length > maxEntries) entries = entries.sort((a, b) => b.size - a.size || a.bucket - b.bucket).slice(0, maxEntries);
  entries.sort((a, b) => a.bucket - b.bucket);
  const q = largest > 0 ? largest / 32767 : 1;
  const buf = Buffer.alloc(48 + entries.length * 10);
  buf.write(MAGIC, 0, "ascii");
  buf.writeUInt32LE(adaptation.bits, 8);
  buf.writeUInt32LE(adaptation.corrections, 12);
  adaptation.bias.forEach((b, c) => buf.writeFloatLE(b, 16 + 4 * c));
  buf.write(adaptation.baseVersion.slice(0, 12).padEnd(12, " "), 28, "ascii");
  buf.writeFloatLE(q, 40);
  buf.writeUInt32LE(entries.length, 44);
  const deltas = 48 + entries.length * 4;
  entries.forEach((e, i) => {
    buf.writeUInt32LE(e.bucket, 48 + 4 * i);
    for (let c = 0; c < 3; c++) buf.writeInt16LE(Math.max(-32767, Math.min(32767, Math.round((e.w[c] as number) / q))), deltas + 6 * i + 2 * c);
  });
  return buf;
}

export function decodeAdaptation(bytes: Uint8Array): TBrandAdaptation {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 48 || buf.toString("ascii", 0, 8) !== MAGIC) throw new Error("not a Repute brand adaptation");
  const count = buf.readUInt32LE(44);
  if (buf.length !== 48 + count * 10) throw new Error(`brand adaptation has ${buf.length} bytes, expected ${48 + count * 10}`);
  const q = buf.readFloatLE(40);
  const weights = new Map<number, Float64Array>();
  const deltas = 48 + count * 4;
  for (let i = 0; i < count; i++) {
    const w = new Float64Array(3);
    for (let c = 0; c < 3; c++) w[c] = buf.readInt16LE(deltas + 6 * i + 2 * c) * q;
    weights.set(buf.readUInt32LE(48 + 4 * i), w);
  }
  return {
    bits: buf.readUInt32LE(8),
    corrections: buf.readUInt32LE(12),
    bias: [buf.readFloatLE(16), buf.readFloatLE(20), buf.readFloatLE(24)],
    baseVersion: buf.toString("ascii", 28, 40).trimEnd(),
    weights,
    scale: 1,
  };
}
