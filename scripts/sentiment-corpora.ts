/**
 * The sentiment corpora in `../shared/datasets` (see its README.md) and the metrics the train and
 * eval scripts print. Shared by `train-sentiment.ts` and `eval-sentiment.ts`; never copies text
 * anywhere.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { SENTIMENT_LABELS, type TSentimentLabel } from "../src/server/features/classification/sentiment-model.ts";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type TRow = { text: string; label: TSentimentLabel; entity?: string };
export type TCorpus = { id: string; lang: "ru" | "en"; dir: string };

/** `../shared/datasets`, or exits with a message saying where it was looked for. */
export function datasetsRoot(): string {
  const root = path.resolve(PROJECT_ROOT, "../shared/datasets");
  if (!existsSync(path.join(root, "README.md"))) {
    process.stderr.write(
      `sentiment corpora not found at ${root}\n` +
        "They live outside the repository (../shared/datasets next to the project root); see models/sentiment/MODEL_CARD.md.\n",
    );
    process.exit(2);
  }
  return root;
}

/** Every corpus folder with a train.csv, sorted by id ("en/…" before "ru/…"). */
export function listCorpora(root: string): TCorpus[] {
  const corpora: TCorpus[] = [];
  for (const lang of ["en", "ru"] as const) {
    const langDir = path.join(root, lang);
    if (!existsSync(langDir)) continue;
    for (const name of readdirSync(langDir).sort()) {
      const dir = path.join(langDir, name);
      if (existsSync(path.join(dir, "train.csv"))) corpora.push({ id: `${lang}/${name}`, lang, dir });
    }
  }
  return corpora;
}

export function loadSplit(corpus: TCorpus, split: "train" | "dev" | "test"): TRow[] {
  const file = path.join(corpus.dir, `${split}.csv`);
  if (!existsSync(file)) return [];
  const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const rows: TRow[] = [];
  for (const record of records) {
    const label = record.label as TSentimentLabel;
    if (!SENTIMENT_LABELS.includes(label) || !record.text) continue;
    const row: TRow = { text: record.text, label };
    if (record.entity && corpus.id === "ru/rusentne2023") row.entity = record.entity;
    rows.push(row);
  }
  return rows;
}

export type TBaseline = { model: string; accuracy: number; macroF1: number; f1pn: number | null };

/** The "Baselines to beat" table of the datasets README, by corpus id. */
export function readBaselines(root: string): Map<string, TBaseline> {
  const baselines = new Map<string, TBaseline>();
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split(/^## Baselines/m)[1] ?? "";
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const id = cells[1]?.split(/\s/)[0];
    if (!id || !/^(ru|en)\//.test(id)) continue;
    const num = (s: string | undefined) => (s && /^[\d.]+$/.test(s) ? Number(s) : null);
    const accuracy = num(cells[3]);
    const macroF1 = num(cells[4]);
    if (accuracy === null || macroF1 === null) continue;
    baselines.set(id, { model: cells[2] ?? "", accuracy, macroF1, f1pn: num(cells[5]) });
  }
  return baselines;
}

export type TMetrics = {
  n: number;
  accuracy: number;
  macroF1: number;
  f1pn: number;
  /** confusion[gold][predicted], in SENTIMENT_LABELS order. */
  confusion: number[][];
  f1: number[];
};

export function metrics(gold: readonly TSentimentLabel[], predicted: readonly TSentimentLabel[]): TMetrics {
  const confusion = SENTIMENT_LABELS.map(() => SENTIMENT_LABELS.map(() => 0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = SENTIMENT_LABELS.indexOf(gold[i] as TSentimentLabel);
    const p = SENTIMENT_LABELS.indexOf(predicted[i] as TSentimentLabel);
    (confusion[g] as number[])[p] = ((confusion[g] as number[])[p] ?? 0) + 1;
    if (g === p) correct++;
  }
  const f1 = SENTIMENT_LABELS.map((_, c) => {
    const tp = confusion[c]?.[c] ?? 0;
    const goldN = (confusion[c] ?? []).reduce((a, b) => a + b, 0);
    const predN = confusion.reduce((a, row) => a + (row[c] ?? 0), 0);
    return goldN + predN === 0 ? 0 : (2 * tp) / (goldN + predN);
  });
  const present = SENTIMENT_LABELS.map((_, c) => (confusion[c] ?? []).reduce((a, b) => a + b, 0) > 0);
  // Macro-F1 over the classes present in the gold labels (UCI has no neutral class).
  const used = f1.filter((_, c) => present[c]);
  const neg = SENTIMENT_LABELS.indexOf("negative");
  const pos = SENTIMENT_LABELS.indexOf("positive");
  return {
    n: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: used.reduce((a, b) => a + b, 0) / Math.max(1, used.length),
    f1pn: ((f1[neg] ?? 0) + (f1[pos] ?? 0)) / 2,
    confusion,
    f1,
  };
}

/** Expected calibration error of the top-label confidence, `bins` equal-width bins. */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly boolean[], bins = 15): number {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const acc = new Array<number>(bins).fill(0);
  for (let i = 0; i < confidences.length; i++) {
    const c = confidences[i] ?? 0;
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b] = (count[b] ?? 0) + 1;
    conf[b] = (conf[b] ?? 0) + c;
    acc[b] = (acc[b] ?? 0) + (correct[i] ? 1 : 0);
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const k = count[b] ?? 0;
    if (k > 0) ece += (k / confidences.length) * Math.abs((acc[b] ?? 0) / k - (conf[b] ?? 0) / k);
  }
  return ece;
}

export const pct = (x: number): string => (100 * x).toFixed(1);
