import type { TScanItemStatus, TSermEngine, TSermQueryWeighting } from "../../db/schema/serm.ts";
import { CTR_TABLES, ENGINE_WEIGHT_PROFILES, isCtrTableId, isEngineWeightProfileId, monotoneCtr } from "./default-tables.ts";
import { ExInputError, type TExOptions, type TExResult, computeEx } from "./ex-index.ts";

/**
 * Ex of one stored day (SERM.md §2) from what the scans of that day found: one item per query
 * × engine, its results with their resolved T. A failed item is a gap — its query and engine
 * do not count that day — never a page of zeros; unlabeled results are empty slots.
 */
export type TExSettings = {
  ctrTable: string;
  monotoneCtr: boolean;
  engineWeightProfile: string;
  engineWeights: Partial<Record<TSermEngine, number>>;
  queryWeighting: TSermQueryWeighting;
  exDepth: number;
};

export type TDayResult = { position: number; url: string; t: number | null; own: boolean };
export type TDayItem = { queryId: string; engine: TSermEngine; status: TScanItemStatus; frequency: number | null; results: readonly TDayResult[] };

export type TWeightingUsed = { requested: TSermQueryWeighting; used: TSermQueryWeighting; note: string | null };

export type TDayEx = { result: TExResult | null; error: string | null; weighting: TWeightingUsed };

export function ctrValuesOf(settings: Pick<TExSettings, "ctrTable" | "monotoneCtr">): readonly number[] {
  const id = isCtrTableId(settings.ctrTable) ? settings.ctrTable : "awr-2020-desktop";
  const values = CTR_TABLES[id].values;
  return settings.monotoneCtr ? monotoneCtr(values) : values;
}

/** F(S): the profile's figures with the brand's own over them (renormalized by computeEx). */
export function engineWeightsOf(settings: Pick<TExSettings, "engineWeightProfile" | "engineWeights">): Partial<Record<TSermEngine, number>> {
  const profile = isEngineWeightProfileId(settings.engineWeightProfile) ? ENGINE_WEIGHT_PROFILES[settings.engineWeightProfile].weights : {};
  const weights: Partial<Record<TSermEngine, number>> = {};
  for (const [engine, weight] of Object.entries(profile) as [string, number][]) {
    if (engine === "yandex" || engine === "google" || engine === "bing" || engine === "brave") weights[engine] = weight;
  }
  return { ...weights, ...settings.engineWeights };
}

/** Weighting by frequency needs every counted query's frequency; without it queries weigh equally, and the answer says so. */
export function weightingFor(settings: Pick<TExSettings, "queryWeighting">, items: readonly Pick<TDayItem, "frequency">[]): TWeightingUsed {
  const requested = settings.queryWeighting;
  if (requested === "frequency" && items.some((item) => item.frequency === null)) {
    return { requested, used: "equal", note: "some queries have no frequency: queries weighed equally" };
  }
  return { requested, used: requested, note: null };
}

export function exOptionsOf(settings: TExSettings, used: TSermQueryWeighting): TExOptions {
  return { ctr: ctrValuesOf(settings), depth: settings.exDepth, engineWeights: engineWeightsOf(settings), queryWeights: used, mode: "flat" };
}

/** The items that count: searched (complete or partial), each as computeEx's input keyed by query id. */
export function countedItems(items: readonly TDayItem[]): TDayItem[] {
  return items.filter((item) => item.status === "complete" || item.status === "partial");
}

export function computeDayEx(items: readonly TDayItem[], settings: TExSettings): TDayEx {
  const counted = countedItems(items);
  const weighting = weightingFor(settings, counted);
  if (counted.length === 0) return { result: null, error: "no query was searched successfully that day", weighting };
  const serps = counted.map((item) => ({
    engine: item.engine,
    query: item.queryId,
    frequency: item.frequency ?? undefined,
    results: item.results.flatMap((r) => (r.t === null ? [] : [{ position: r.position, url: r.url, t: r.t, own: r.own }])),
  }));
  try {
    return { result: computeEx(serps, exOptionsOf(settings, weighting.used)), error: null, weighting };
  } catch (error) {
    if (error instanceof ExInputError) return { result: null, error: error.message, weighting };
    throw error;
  }
}
