/**
 * Hand-written probes of the negative-type classifier: realistic Russian and English negative
 * mentions about invented brands, each with the type a reputation specialist would give it.
 * `probes/negative-types.jsonl` is the tuning set (the lexicons were adjusted while reading it;
 * it includes three earlier holdouts, each measured fresh before it was folded in);
 * `probes/negative-types-holdout.jsonl` was written after the last lexicon change and measured
 * once, so it is the honest figure. Used by `negative-type-probes.test.ts`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SOURCE_KINDS, type TSourceKind } from "../../connectors/connector.ts";
import { classifyNegativeType, type TNegativeTypeInput } from "./negative-type-classifier.ts";
import { NEGATIVE_TYPE_IDS, type TNegativeTypeId } from "./negative-types.ts";

export type TNegativeTypeProbe = TNegativeTypeInput & { type: TNegativeTypeId; lang: "ru" | "en" };

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "probes");
export const NEGATIVE_TYPE_PROBES_PATH = path.join(DIR, "negative-types.jsonl");
export const NEGATIVE_TYPE_HOLDOUT_PATH = path.join(DIR, "negative-types-holdout.jsonl");

export function loadNegativeTypeProbes(file = NEGATIVE_TYPE_PROBES_PATH): TNegativeTypeProbe[] {
  const probes: TNegativeTypeProbe[] = [];
  for (const [i, line] of readFileSync(file, "utf8").split("\n").entries()) {
    if (line.trim() === "") continue;
    const probe = JSON.parse(line) as TNegativeTypeProbe;
    const kindOk = probe.sourceKind == null || (SOURCE_KINDS as readonly string[]).includes(probe.sourceKind);
    if (
      typeof probe.text !== "string" ||
      !NEGATIVE_TYPE_IDS.includes(probe.type) ||
      (probe.lang !== "ru" && probe.lang !== "en") ||
      !kindOk
    ) {
      throw new Error(`${file}:${i + 1}: a probe needs text, a known type, lang ru|en and a known sourceKind`);
    }
    probes.push({ ...probe, sourceKind: (probe.sourceKind ?? null) as TSourceKind | null });
  }
  return probes;
}

export type TTypeRow = { type: TNegativeTypeId; n: number; correct: number; accuracy: number };

export type TNegativeTypeReport = {
  n: number;
  correct: number;
  accuracy: number;
  perType: TTypeRow[];
  perLang: { lang: "ru" | "en"; n: number; correct: number; accuracy: number }[];
  /** confusion[expected][got] */
  confusion: Record<TNegativeTypeId, Record<TNegativeTypeId, number>>;
  failures: { text: string; expected: TNegativeTypeId; got: TNegativeTypeId; cues: string[] }[];
};

export function negativeTypeReport(probes: readonly TNegativeTypeProbe[]): TNegativeTypeReport {
  const confusion = Object.fromEntries(
    NEGATIVE_TYPE_IDS.map((e) => [e, Object.fromEntries(NEGATIVE_TYPE_IDS.map((g) => [g, 0]))]),
  ) as TNegativeTypeReport["confusion"];
  const failures: TNegativeTypeReport["failures"] = [];
  const byLang = { ru: { n: 0, correct: 0 }, en: { n: 0, correct: 0 } };
  let correct = 0;
  for (const probe of probes) {
    const result = classifyNegativeType(probe);
    confusion[probe.type][result.type]++;
    byLang[probe.lang].n++;
    if (result.type === probe.type) {
      correct++;
      byLang[probe.lang].correct++;
    } else {
      failures.push({ text: probe.text, expected: probe.type, got: result.type, cues: result.evidence.map((e) => e.cue) });
    }
  }
  const perType = NEGATIVE_TYPE_IDS.map((type) => {
    const n = NEGATIVE_TYPE_IDS.reduce((s, g) => s + confusion[type][g], 0);
    const c = confusion[type][type];
    return { type, n, correct: c, accuracy: n === 0 ? 0 : c / n };
  });
  const perLang = (["ru", "en"] as const).map((lang) => ({
    lang,
    ...byLang[lang],
    accuracy: byLang[lang].n === 0 ? 0 : byLang[lang].correct / byLang[lang].n,
  }));
  return { n: probes.length, correct, accuracy: correct / Math.max(1, probes.length), perType, perLang, confusion, failures };
}

/** A plain-text table of the report, for the test log. */
export function formatNegativeTypeReport(title: string, report: TNegativeTypeReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const lines = [`${title}: ${pct(report.accuracy)} (${report.correct}/${report.n})`];
  lines.push(`  ${"type".padEnd(10)} ${"n".padStart(4)} ${"right".padStart(5)}  accuracy   → ${NEGATIVE_TYPE_IDS.map((g) => g.slice(0, 5).padStart(5)).join(" ")}`);
  for (const row of report.perType) {
    const confusion = NEGATIVE_TYPE_IDS.map((g) => String(report.confusion[row.type][g]).padStart(5)).join(" ");
    lines.push(`  ${row.type.padEnd(10)} ${String(row.n).padStart(4)} ${String(row.correct).padStart(5)}  ${pct(row.accuracy)}    ${confusion}`);
  }
  for (const row of report.perLang) lines.push(`  ${row.lang.padEnd(10)} ${String(row.n).padStart(4)} ${String(row.correct).padStart(5)}  ${pct(row.accuracy)}`);
  return lines.join("\n");
}
