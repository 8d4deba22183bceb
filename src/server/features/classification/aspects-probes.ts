/**
 * Hand-written probes of aspect detection: Russian and English mentions about invented brands,
 * each with the set of aspects a reputation specialist would tag. `probes/aspects.jsonl` is the
 * tuning set (with one earlier holdout folded in); `probes/aspects-holdout.jsonl` was written
 * after the last lexicon change and measured once. Labelling rule: "product" when a good, an app,
 * a menu or a financial product is named; a dish judged on taste is "quality" only. Scored per
 * text as sets: per-aspect precision, recall and F1, micro-F1 over all (text, aspect) pairs, and
 * the share of texts whose set is exactly right. Used by `aspects-probes.test.ts`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ASPECT_IDS, aspectSet, detectAspects, type TAspectId } from "./aspects.ts";

export type TAspectProbe = { text: string; aspects: TAspectId[]; lang: "ru" | "en" };

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "probes");
export const ASPECT_PROBES_PATH = path.join(DIR, "aspects.jsonl");
export const ASPECT_HOLDOUT_PATH = path.join(DIR, "aspects-holdout.jsonl");

export function loadAspectProbes(file = ASPECT_PROBES_PATH): TAspectProbe[] {
  const probes: TAspectProbe[] = [];
  for (const [i, line] of readFileSync(file, "utf8").split("\n").entries()) {
    if (line.trim() === "") continue;
    const probe = JSON.parse(line) as TAspectProbe;
    const ok =
      typeof probe.text === "string" &&
      probe.text.trim() !== "" &&
      Array.isArray(probe.aspects) &&
      probe.aspects.length > 0 &&
      probe.aspects.every((a) => ASPECT_IDS.includes(a)) &&
      (!probe.aspects.includes("other") || probe.aspects.length === 1) &&
      (probe.lang === "ru" || probe.lang === "en");
    if (!ok) throw new Error(`${file}:${i + 1}: a probe needs text, known aspects ("other" alone) and lang ru|en`);
    probes.push(probe);
  }
  return probes;
}

export type TAspectRow = { aspect: TAspectId; support: number; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };

export type TAspectReport = {
  n: number;
  microF1: number;
  microPrecision: number;
  microRecall: number;
  /** Share of texts whose aspect set is exactly the expected one. */
  exact: number;
  perAspect: TAspectRow[];
  failures: { text: string; expected: TAspectId[]; got: TAspectId[] }[];
};

export function aspectReport(probes: readonly TAspectProbe[]): TAspectReport {
  const counts = new Map<TAspectId, { tp: number; fp: number; fn: number }>(ASPECT_IDS.map((a) => [a, { tp: 0, fp: 0, fn: 0 }]));
  const failures: TAspectReport["failures"] = [];
  let exact = 0;
  for (const probe of probes) {
    const got = aspectSet(detectAspects(probe.text, probe.lang));
    const expected = new Set(probe.aspects);
    for (const a of ASPECT_IDS) {
      const c = counts.get(a) as { tp: number; fp: number; fn: number };
      const g = got.includes(a);
      const e = expected.has(a);
      if (g && e) c.tp++;
      else if (g) c.fp++;
      else if (e) c.fn++;
    }
    if (got.length === expected.size && got.every((a) => expected.has(a))) exact++;
    else failures.push({ text: probe.text, expected: [...probe.aspects].sort(), got });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perAspect = ASPECT_IDS.map((aspect) => {
    const c = counts.get(aspect) as { tp: number; fp: number; fn: number };
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    return { aspect, support: c.tp + c.fn, ...c, ...prf(c.tp, c.fp, c.fn) };
  });
  const micro = prf(tp, fp, fn);
  return {
    n: probes.length,
    microF1: micro.f1,
    microPrecision: micro.precision,
    microRecall: micro.recall,
    exact: exact / Math.max(1, probes.length),
    perAspect,
    failures,
  };
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A plain-text table of the report, for the test log. */
export function formatAspectReport(title: string, report: TAspectReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const lines = [
    `${title}: micro-F1 ${pct(report.microF1)} (P ${pct(report.microPrecision)}, R ${pct(report.microRecall)}), exact sets ${pct(report.exact)}, ${report.n} texts`,
    `  ${"aspect".padEnd(9)} ${"n".padStart(4)} ${"tp".padStart(4)} ${"fp".padStart(4)} ${"fn".padStart(4)}  precision    recall        F1`,
  ];
  for (const r of report.perAspect) {
    lines.push(
      `  ${r.aspect.padEnd(9)} ${String(r.support).padStart(4)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}`,
    );
  }
  return lines.join("\n");
}
