/**
 * Evaluates the committed sentiment model on every test split of `../shared/datasets` and on the
 * project's probe set, next to the baselines of the datasets README.
 *
 *   node --import tsx scripts/eval-sentiment.ts [--model FILE] [--corpus ID] [--genre] [--no-irony] [--quiet]
 *
 * Each corpus is classified in its own domain (the corpus id; see MODEL_CARD.md), with the
 * target entity as the brand where the corpus has one (RuSentNE). `--genre` classifies every
 * corpus with the product default instead (genre "social", language from the script), to show
 * what the model does on text it is not told the source of. `--no-irony` turns the irony rule
 * off, to check it costs nothing on the corpora.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeModel } from "../src/server/features/classification/model-file.ts";
import { loadProbes, probeReport } from "../src/server/features/classification/probes.ts";
import {
  DEFAULT_MODEL_PATH,
  SENTIMENT_LABELS,
  createSentimentModel,
  type TSentimentLabel,
} from "../src/server/features/classification/sentiment-model.ts";
import {
  PROJECT_ROOT,
  datasetsRoot,
  expectedCalibrationError,
  listCorpora,
  loadSplit,
  metrics,
  pct,
  readBaselines,
} from "./sentiment-corpora.ts";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const modelIndex = argv.indexOf("--model");
const modelFile = modelIndex >= 0 ? path.resolve(argv[modelIndex + 1] ?? "") : DEFAULT_MODEL_PATH;

const data = decodeModel(readFileSync(modelFile));
if (flag("no-irony")) data.header.irony = false;
const model = createSentimentModel(data);
const out: string[] = [];
const print = (line = "") => out.push(line);

print(`# Sentiment eval — model ${path.relative(PROJECT_ROOT, modelFile)} (version ${model.version})`);
print(`domain: ${flag("genre") ? "product default (genre social)" : "each corpus in its own domain"}; irony rule ${data.header.irony ? "on" : "off"}`);
print();

const root = datasetsRoot();
const baselines = readBaselines(root);
const rows: string[] = [];
const details: string[] = [];
let beaten = 0;
let compared = 0;
const allConfidence: number[] = [];
const allCorrect: boolean[] = [];
const onlyIndex = argv.indexOf("--corpus");
const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
for (const corpus of listCorpora(root)) {
  if (only && corpus.id !== only) continue;
  const test = loadSplit(corpus, "test");
  if (test.length === 0) continue;
  const gold: TSentimentLabel[] = [];
  const predicted: TSentimentLabel[] = [];
  const confidence: number[] = [];
  const correct: boolean[] = [];
  for (const row of test) {
    const result = model.classify({
      text: row.text,
      ...(row.entity ? { brand: row.entity } : {}),
      ...(flag("genre") ? {} : { domain: corpus.id }),
    });
    gold.push(row.label);
    predicted.push(result.label);
    confidence.push(result.confidence);
    correct.push(result.label === row.label);
  }
  allConfidence.push(...confidence);
  allCorrect.push(...correct);
  const m = metrics(gold, predicted);
  const base = baselines.get(corpus.id);
  const beats = base ? 100 * m.macroF1 > base.macroF1 : null;
  if (beats !== null) {
    compared++;
    if (beats) beaten++;
  }
  const ece = expectedCalibrationError(confidence, correct);
  rows.push(
    `| ${corpus.id} | ${m.n} | ${pct(m.accuracy)} | **${pct(m.macroF1)}** | ${pct(m.f1pn)} | ${pct(ece)} | ` +
      `${base ? `${base.accuracy.toFixed(1)} / ${base.macroF1.toFixed(1)} / ${base.f1pn?.toFixed(1) ?? "–"}` : "–"} | ` +
      `${beats === null ? "–" : beats ? `yes (+${(100 * m.macroF1 - (base?.macroF1 ?? 0)).toFixed(1)})` : `NO (${(100 * m.macroF1 - (base?.macroF1 ?? 0)).toFixed(1)})`} |`,
  );
  details.push(`${corpus.id} — confusion (rows gold, columns predicted: ${SENTIMENT_LABELS.join(", ")})`);
  for (const [g, label] of SENTIMENT_LABELS.entries()) {
    details.push(`  ${label.padEnd(9)} ${(m.confusion[g] ?? []).map((x) => String(x).padStart(6)).join("")}`);
  }
}

print("| corpus (test split) | n | accuracy | macro-F1 | F1_PN | ECE | baseline acc / macro-F1 / F1_PN | beats baseline macro-F1 |");
print("|---|---|---|---|---|---|---|---|");
for (const row of rows) print(row);
print();
print(`beats the baseline macro-F1 on ${beaten} of ${compared} corpora; ECE over all test rows ${pct(expectedCalibrationError(allConfidence, allCorrect))} %`);
print();
if (!flag("quiet")) {
  for (const line of details) print(line);
  print();
}

const probes = loadProbes();
const report = probeReport(model, probes);
print(`## Probe set (${probes.length} hand-written cases, product default domain)`);
print();
print("| category | n | correct | accuracy |");
print("|---|---|---|---|");
for (const c of report.categories) print(`| ${c.category} | ${c.n} | ${c.correct} | ${pct(c.accuracy)} |`);
print(`| **all** | ${report.n} | ${report.correct} | **${pct(report.accuracy)}** |`);
if (!flag("quiet") && report.failures.length > 0) {
  print();
  print("misses:");
  for (const f of report.failures) print(`  [${f.category}] ${JSON.stringify(f.text)}${f.brand ? ` (brand ${f.brand})` : ""}: want ${f.label}, got ${f.got} (${f.confidence.toFixed(2)})`);
}
process.stdout.write(`${out.join("\n")}\n`);
