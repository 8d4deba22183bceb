/**
 * The project's probe set (`probes/probes.jsonl`): hand-written Russian and English cases of
 * what sentiment models get wrong (negation, irony, emoji, mixed language, slang and typos,
 * links and mentions, the brand window, ratings). Used by `probes.test.ts` and the eval script.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SENTIMENT_LABELS, type TRating, type TSentimentLabel, type TSentimentModel } from "./sentiment-model.ts";

export type TProbe = { text: string; label: TSentimentLabel; category: string; rating?: TRating; brand?: string };

export const PROBES_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "probes/probes.jsonl");

export function loadProbes(file = PROBES_PATH): TProbe[] {
  const probes: TProbe[] = [];
  for (const [i, line] of readFileSync(file, "utf8").split("\n").entries()) {
    if (line.trim() === "") continue;
    const probe = JSON.parse(line) as TProbe;
    if (typeof probe.text !== "string" || !SENTIMENT_LABELS.includes(probe.label) || typeof probe.category !== "string") {
      throw new Error(`${file}:${i + 1}: a probe needs text, label and category`);
    }
    probes.push(probe);
  }
  return probes;
}

export type TProbeReport = {
  n: number;
  correct: number;
  accuracy: number;
  categories: { category: string; n: number; correct: number; accuracy: number }[];
  failures: (TProbe & { got: TSentimentLabel; confidence: number })[];
};

export function probeReport(model: TSentimentModel, probes: readonly TProbe[]): TProbeReport {
  const byCategory = new Map<string, { n: number; correct: number }>();
  const failures: TProbeReport["failures"] = [];
  let correct = 0;
  for (const probe of probes) {
    const result = model.classify({
      text: probe.text,
      ...(probe.rating ? { rating: probe.rating } : {}),
      ...(probe.brand ? { brand: probe.brand } : {}),
    });
    const ok = result.label === probe.label;
    const entry = byCategory.get(probe.category) ?? { n: 0, correct: 0 };
    entry.n++;
    if (ok) {
      entry.correct++;
      correct++;
    } else {
      failures.push({ ...probe, got: result.label, confidence: result.confidence });
    }
    byCategory.set(probe.category, entry);
  }
  const categories = [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, { n, correct: c }]) => ({ category, n, correct: c, accuracy: c / n }));
  return { n: probes.length, correct, accuracy: correct / Math.max(1, probes.length), categories, failures };
}
