import { readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError, parseFlags } from "../../cli/args.ts";
import type { TCommandIo } from "../../cli/io.ts";
import type { TCliReport } from "../semantic-core/query-cli.ts";
import { AuditCsvError, decodeAuditCsv, parseAuditCsv } from "./audit-csv.ts";
import {
  CTR_TABLES,
  DEFAULT_CTR_TABLE,
  DEFAULT_ENGINE_WEIGHT_PROFILE,
  ENGINE_WEIGHT_PROFILES,
  SEARCH_ENGINES,
  type TSearchEngine,
  isCtrTableId,
  isEngineWeightProfileId,
  isSearchEngine,
  monotoneCtr,
} from "./default-tables.ts";
import { EX_MODES, ExInputError, QUERY_WEIGHT_MODES, computeEx } from "./ex-index.ts";
import { exReportJson, exReportLines } from "./ex-report.ts";
import { RoiInputError, type TMozRoiInput, mozRoi, seedRoi } from "./roi.ts";

/**
 * `repute serm ex` and `repute serm roi`: offline, over a file and flags. Wrong flags throw
 * UsageError (exit 2 with the usage line); a wrong file is a report with exit 2 naming the row
 * and column.
 */

/** Writes a report to the command's output; its exit code. */
export function printReport(report: TCliReport, io: Pick<TCommandIo, "out" | "err">): number {
  for (const line of report.out) io.out(line);
  for (const line of report.err) io.err(line);
  return report.code;
}

function oneOf<T extends string>(values: readonly T[], flag: string, value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(values as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${values.join(", ")}, got "${value}"`);
  return value as T;
}

/** `ru`, `world`, `ru-2014`, or `yandex=62.6,google=37.4` (any scale: renormalized over the audit's engines). */
export function parseEngineWeights(text: string | undefined): { weights: Partial<Record<TSearchEngine, number>>; label: string } {
  const spec = text ?? DEFAULT_ENGINE_WEIGHT_PROFILE;
  if (isEngineWeightProfileId(spec)) {
    const profile = ENGINE_WEIGHT_PROFILES[spec];
    return { weights: profile.weights, label: `${spec} (${profile.asOf})` };
  }
  const weights: Partial<Record<TSearchEngine, number>> = {};
  for (const part of spec.split(",")) {
    const [engine = "", value = "", ...rest] = part.split("=").map((s) => s.trim());
    const weight = Number(value);
    if (!isSearchEngine(engine)) {
      throw new UsageError(`--engine-weights: unknown engine "${engine}" (known: ${SEARCH_ENGINES.join(", ")}; or a profile: ${Object.keys(ENGINE_WEIGHT_PROFILES).join(", ")})`);
    }
    if (rest.length > 0 || value === "" || !Number.isFinite(weight) || weight < 0) throw new UsageError(`--engine-weights: "${part}" must be engine=weight with a weight ≥ 0`);
    weights[engine] = weight;
  }
  return { weights, label: spec };
}

/** A table's id, or P(1), P(2), … in % separated by commas. */
export function parseCtr(text: string | undefined, monotone: boolean): { values: readonly number[]; label: string } {
  const spec = text ?? DEFAULT_CTR_TABLE;
  let values: readonly number[];
  let label = spec;
  if (isCtrTableId(spec)) {
    values = CTR_TABLES[spec].values;
    label = CTR_TABLES[spec].label;
  } else {
    values = spec.split(",").map((part) => Number(part.trim()));
    if (!values.every((p) => Number.isFinite(p) && p >= 0) || !/\d/.test(spec)) {
      throw new UsageError(`--ctr must be one of ${Object.keys(CTR_TABLES).join(", ")} or CTR by position in % (33.77,12.94,…), got "${spec}"`);
    }
    label = "custom";
  }
  return monotone ? { values: monotoneCtr(values), label: `${label}, monotone` } : { values, label };
}

export async function sermExReport(argv: string[], cwd: string): Promise<TCliReport> {
  const { values, positionals } = parseFlags(argv, {
    "engine-weights": { type: "string" },
    "query-weights": { type: "string" },
    mode: { type: "string" },
    ctr: { type: "string" },
    depth: { type: "string" },
    monotone: { type: "boolean" },
    explain: { type: "boolean" },
    json: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "the audit CSV file is required" : "give one audit CSV file");
  const queryWeights = oneOf(QUERY_WEIGHT_MODES, "query-weights", values["query-weights"], "frequency");
  const mode = oneOf(EX_MODES, "mode", values.mode, "flat");
  const depth = values.depth === undefined ? 10 : Number(values.depth);
  if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`--depth must be a whole number ≥ 1, got "${values.depth}"`);
  const engineWeights = parseEngineWeights(values["engine-weights"]);
  const ctr = parseCtr(values.ctr, values.monotone === true);

  const file = path.resolve(cwd, positionals[0] ?? "");
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { code: 2, out: [], err: [`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  let result: ReturnType<typeof computeEx>;
  try {
    const serps = parseAuditCsv(decodeAuditCsv(bytes), { requireFrequency: queryWeights === "frequency" });
    result = computeEx(serps, { engineWeights: engineWeights.weights, queryWeights, mode, depth, ctr: ctr.values });
  } catch (error) {
    if (error instanceof AuditCsvError) return { code: 2, out: [], err: [`${path.basename(file)}:`, ...error.problems.map((p) => `  ${p}`)] };
    if (error instanceof ExInputError) return { code: 2, out: [], err: [`${path.basename(file)}: ${error.message}`] };
    throw error;
  }

  const settings = { mode, queryWeights, depth, ctrLabel: ctr.label, engineWeightsLabel: engineWeights.label };
  const err = result.engines
    .filter((e) => e.weight === 0)
    .map((e) => `warning: ${e.engine} has no weight in --engine-weights ${engineWeights.label}: shown, but not counted in the overall Ex`);
  const out = values.json ? [JSON.stringify(exReportJson(result, settings))] : exReportLines(result, settings, { explain: values.explain === true });
  return { code: 0, out, err };
}

type TRoiFlag = "avg-check" | "orders-per-year" | "years" | "monthly-traffic" | "conversion" | "cost" | "negatives-now" | "negatives-target" | "margin";

const flagOf = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** A number as people type it: `50 000`, `3%`, `2,5`. */
function numberFlag(values: Partial<Record<TRoiFlag, string>>, flag: TRoiFlag): number | undefined {
  const text = values[flag];
  if (text === undefined) return undefined;
  const value = Number(text.replace(/[\s\u00a0]/g, "").replace(/%$/, "").replace(",", "."));
  if (text.trim() === "" || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got "${text}"`);
  return value;
}

export function sermRoiReport(argv: string[]): TCliReport {
  const { values } = parseFlags(argv, {
    "avg-check": { type: "string" },
    "orders-per-year": { type: "string" },
    years: { type: "string" },
    "monthly-traffic": { type: "string" },
    conversion: { type: "string" },
    cost: { type: "string" },
    "negatives-now": { type: "string" },
    "negatives-target": { type: "string" },
    margin: { type: "string" },
    json: { type: "boolean" },
  });
  const strings: Partial<Record<TRoiFlag, string>> = values;
  const required = (flag: TRoiFlag): number => {
    const value = numberFlag(strings, flag);
    if (value === undefined) throw new UsageError(`--${flag} is required`);
    return value;
  };
  const seedInput = {
    avgCheck: required("avg-check"),
    ordersPerYear: required("orders-per-year"),
    years: required("years"),
    monthlyTraffic: required("monthly-traffic"),
    conversion: required("conversion"),
    cost: required("cost"),
  };
  const negativesNow = numberFlag(strings, "negatives-now");
  const negativesTarget = numberFlag(strings, "negatives-target");
  const margin = numberFlag(strings, "margin");
  if (negativesNow === undefined && (negativesTarget !== undefined || margin !== undefined)) {
    throw new UsageError("--negatives-target and --margin belong to the MOZ model: give --negatives-now too");
  }
  try {
    const seed = seedRoi(seedInput);
    const mozInput: TMozRoiInput | undefined =
      negativesNow === undefined ? undefined : { ...seedInput, negativesNow, negativesTarget: negativesTarget ?? 0, ...(margin === undefined ? {} : { margin }) };
    const moz = mozInput && mozRoi(mozInput);
    if (values.json) {
      const json = {
        seed: { label: "seed method (1PS article)", inputs: seedInput, ...roundAll(seed) },
        moz: mozInput && moz ? { label: "MOZ-table model", inputs: mozInput, ...roundAll(moz), uplift: Math.round(moz.uplift * 10_000) / 10_000 } : null,
      };
      return { code: 0, out: [JSON.stringify(json)], err: [] };
    }
    const n = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
    const out = [
      "Seed method (1PS article), as published:",
      `  lifetime value  ${n(seedInput.avgCheck)} × ${n(seedInput.ordersPerYear)} orders a year × ${n(seedInput.years)} years = ${n(seed.ltv)}`,
      `  customers       ${n(seedInput.monthlyTraffic)} visits a month × ${n(seedInput.conversion)}% = ${n(seed.customers)} (the article's yearly figure, not × 12)`,
      `  income          ${n(seed.customers)} × ${n(seed.ltv)} = ${n(seed.income)}`,
      `  ROI             ${n(seed.income)} / ${n(seedInput.cost)} × 100 = ${n(seed.roi)}%`,
    ];
    if (mozInput && moz) {
      const { negativesNow: k1, negativesTarget: k2 } = mozInput;
      out.push(
        `MOZ-table model, ${k1} → ${k2} negatives in the top 10 (stated intent, Moz 2015 survey):`,
        `  customers lost  ${n(moz.lossNow)}% → ${n(moz.lossTarget)}%; uplift f(${k2})/f(${k1}) − 1 = ${moz.uplift.toFixed(3)}`,
        `  customers       ${n(seedInput.monthlyTraffic)} × 12 × ${n(seedInput.conversion)}% = ${n(moz.customersPerYear)} a year; ${n(moz.extraCustomers)} more`,
        `  income          ${n(moz.extraCustomers)} × ${n(moz.ltv)}${mozInput.margin === undefined ? "" : ` × ${n(mozInput.margin)}% margin`} = ${n(moz.income)}`,
        `  ROI             ${n(moz.roi)}% (income / cost); net ${n(moz.roiNet)}% ((income − cost) / cost)`,
      );
    }
    return { code: 0, out, err: [] };
  } catch (error) {
    if (error instanceof RoiInputError) throw new UsageError(`${flagOf(error.field)} ${error.problem}`);
    throw error;
  }
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Math.round(value * 100) / 100])) as T;
}
