/**
 * The sentiment model file: a small binary, committed under `models/sentiment/`.
 *
 *   bytes 0–7   magic "RPSENT01"
 *   bytes 8–11  header length H (uint32, little-endian)
 *   bytes 12–   header: UTF-8 JSON (`TModelHeader`), padded with spaces to a multiple of 4
 *   then        int8 weights, bucket-major: weight(bucket, class) at bucket * 3 + class
 *   then        uint8 idf per bucket (when header.idfScale > 0): idf = uint8 × idfScale
 *
 * A weight is `int8 × header.scale`. The file holds no text from any corpus, only hashed
 * feature weights.
 */
import { createHash } from "node:crypto";
import type { TFeatureConfig } from "./features.ts";

const MAGIC = "RPSENT01";

export type TModelHeader = {
  format: 1;
  /** Class order of the weights and of `bias`. */
  classes: ["negative", "neutral", "positive"];
  features: TFeatureConfig;
  /** Dequantization factor: weight = int8 × scale. */
  scale: number;
  /** Learned class bias, added to the weighted sum. */
  bias: [number, number, number];
  /**
   * Per domain (the genre of text: social, news, review), the class logit offsets tuned on
   * held-out data for macro-F1 (decision thresholds). The domain also selects, when
   * `domainAdaptation` is on, the domain-specific copy of every feature (see features.ts).
   */
  domains: Record<string, [number, number, number]>;
  /**
   * Genres a caller can name (social, news, review) → the domain used for Russian and for
   * English text. `defaultGenre` is used when the caller names none.
   */
  genres: Record<string, { ru: string; en: string }>;
  defaultGenre: string;
  domainAdaptation: boolean;
  /** Feature values are idf × this factor per bucket (0: no idf table, every value 1). */
  idfScale: number;
  /** Logits are divided by this before the softmax (temperature scaling, fit on held-out data). */
  temperature: number;
  /** Whether the irony rule (see irony.ts) applies: positive and negative logits swap on a marker. */
  irony: boolean;
  /** Free-form provenance: corpora, training settings, held-out metrics. */
  training: Record<string, unknown>;
};

export type TModelData = { header: TModelHeader; weights: Int8Array; idf: Uint8Array | null; version: string };

export function encodeModel(header: TModelHeader, weights: Int8Array, idf?: Uint8Array | null): Buffer {
  let json = Buffer.from(JSON.stringify(header), "utf8");
  const pad = (4 - ((json.length + 12) % 4)) % 4;
  if (pad > 0) json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, "ascii");
  head.writeUInt32LE(json.length, 8);
  const parts = [head, json, Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)];
  if (idf) parts.push(Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength));
  return Buffer.concat(parts);
}

export function decodeModel(bytes: Uint8Array): TModelData {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 12 || buf.toString("ascii", 0, 8) !== MAGIC) throw new Error("not a Repute sentiment model file");
  const headerLength = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString("utf8", 12, 12 + headerLength)) as TModelHeader;
  if (header.format !== 1) throw new Error(`unsupported sentiment model format ${String(header.format)}`);
  const buckets = 1 << header.features.bits;
  const expected = buckets * 3 + (header.idfScale > 0 ? buckets : 0);
  const start = 12 + headerLength;
  if (buf.length - start !== expected) throw new Error(`sentiment model file has ${buf.length - start} data bytes, expected ${expected}`);
  const weights = new Int8Array(buckets * 3);
  weights.set(new Int8Array(buf.buffer, buf.byteOffset + start, buckets * 3));
  let idf: Uint8Array | null = null;
  if (header.idfScale > 0) {
    idf = new Uint8Array(buckets);
    idf.set(new Uint8Array(buf.buffer, buf.byteOffset + start + buckets * 3, buckets));
  }
  const version = createHash("sha256").update(buf).digest("hex").slice(0, 12);
  return { header, weights, idf, version };
}

/**
 * Symmetric int8 quantization with one scale; weights beyond the `clip` quantile of |w| are
 * clamped (a handful of very large weights would otherwise waste the resolution of all others).
 */
export function quantize(weights: Float64Array | Float32Array, clip = 0.99999): { weights: Int8Array; scale: number } {
  const abs = Float64Array.from(weights, Math.abs).sort();
  const limit = abs[Math.min(abs.length - 1, Math.floor(clip * abs.length))] || 1;
  const scale = limit / 127;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round((weights[i] ?? 0) / scale)));
  return { weights: q, scale };
}
