import { CTR_TABLES, DEFAULT_CTR_TABLE, type TSearchEngine } from "./default-tables.ts";
import { SERP_INDEX_NAMES, type TIndexedResult, type TSerpIndices, serpIndices } from "./serp-indices.ts";

/**
 * The reputation index Ex, −100…+100 (docs SERM.md §2), per query and engine, per engine and
 * overall, with each result's share of it:
 *
 *   Ex(x,S) = Σ_n P_S(n)·T / Σ_n P_S(n)                 n ≤ N, empty slots skipped
 *   nested: Ex(S) = Σ_i w_i·Ex(x_i,S) / Σ_i w_i;  Ex = Σ_S F(S)·Ex(S) / Σ_S F(S)
 *   flat:   Ex = Σ F(S)·w_i·P_S(n)·T / Σ F(S)·w_i·P_S(n)   ("expected clicks", canonical)
 *
 * F is renormalized over the engines present in the input. The two forms agree when Σ P is the
 * same for every query (all top-N slots filled from one table) and every engine has the same
 * queries with the same weights; otherwise flat weighs each engine by F × its expected clicks,
 * nested by F alone. Flat stays right with gaps and per-engine CTR tables, so it is the default.
 */
export type TSerpResult = { position: number; url: string; t: number; own?: boolean };
export type TQuerySerp = { engine: TSearchEngine; query: string; frequency?: number; results: readonly TSerpResult[] };

export const QUERY_WEIGHT_MODES = ["frequency", "ctr", "equal"] as const;
export type TQueryWeightMode = (typeof QUERY_WEIGHT_MODES)[number];
export const EX_MODES = ["flat", "nested"] as const;
export type TExMode = (typeof EX_MODES)[number];

export type TExOptions = {
  /** P(n) in %, `[0]` = position 1; default AWR 2020 desktop. */
  ctr?: readonly number[];
  /** A CTR table for one engine (e.g. a Yandex table) instead of `ctr`. */
  ctrByEngine?: Partial<Record<TSearchEngine, readonly number[]>>;
  /** N: results below it do not count. Default 10. */
  depth?: number;
  /**
   * w_i: `frequency` = p(x_i) (Exiterra); `ctr` = the query's probable CTR, Σ P(n) over its filled
   * top-N slots (1PS's ΣEx·CTR/ΣCTR); `equal` = 1.
   */
  queryWeights?: TQueryWeightMode;
  /** F(S), any scale (shares or %); engines without a weight get 0 and do not count overall. */
  engineWeights: Partial<Record<TSearchEngine, number>>;
  mode?: TExMode;
};

export type TResultContribution = {
  position: number;
  url: string;
  t: number;
  own: boolean;
  /** P(n), %. */
  ctr: number;
  /** P(n)·T / Σ P: what the result adds to its query's Ex. */
  queryContribution: number;
  /** What the result adds to the overall Ex: these sum to it. */
  overallContribution: number;
};

export type TQueryEx = {
  engine: TSearchEngine;
  query: string;
  frequency: number | undefined;
  /** w_i as the chosen mode gives it. */
  weight: number;
  /** Σ P(n) over the results in the top N, %. */
  ctrSum: number;
  ex: number | null;
  indices: TSerpIndices;
  results: TResultContribution[];
};

export type TAggregateIndices = { [K in keyof TSerpIndices]: number | null };
export type TEngineEx = { engine: TSearchEngine; weight: number; ex: number | null; indices: TAggregateIndices };

export type TExResult = {
  overall: number | null;
  /** Σ F·p·ΣP/100 over queries and engines: clicks a month on the audited results (frequency mode only). */
  expectedClicks: number | null;
  indices: TAggregateIndices;
  engines: TEngineEx[];
  queries: TQueryEx[];
};

export class ExInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExInputError";
  }
}

export const DEFAULT_DEPTH = 10;

type TPrepared = Omit<TQueryEx, "results"> & { counted: (TIndexedResult & { url: string })[] };

export function computeEx(serps: readonly TQuerySerp[], options: TExOptions): TExResult {
  const depth = options.depth ?? DEFAULT_DEPTH;
  const mode = options.mode ?? "flat";
  const weightMode = options.queryWeights ?? "frequency";
  if (!Number.isInteger(depth) || depth < 1) throw new ExInputError(`depth must be a whole number ≥ 1, got ${depth}`);

  const seen = new Set<string>();
  const prepared = serps.map((serp): TPrepared => {
    const key = `${serp.engine}\u0000${serp.query}`;
    if (seen.has(key)) throw new ExInputError(`${describe(serp)} is given twice`);
    seen.add(key);
    return prepare(serp, ctrTableFor(serp.engine, options, depth), depth, weightMode);
  });

  const engineWeights = renormalizedEngineWeights(prepared.map((q) => q.engine), options.engineWeights);
  const byEngine = new Map<TSearchEngine, TPrepared[]>();
  for (const query of prepared) byEngine.set(query.engine, [...(byEngine.get(query.engine) ?? []), query]);

  const engines: TEngineEx[] = [...byEngine].map(([engine, queries]) => ({
    engine,
    weight: engineWeights.get(engine) ?? 0,
    ex: mode === "flat" ? flatEx(queries.map((q) => [q, 1])) : weightedMean(queries.map((q) => [q.ex, q.weight])),
    indices: aggregateIndices(queries.map((q) => [q.indices, q.weight])),
  }));
  const counting = engines.filter((e) => e.ex !== null && e.weight > 0);
  const overall =
    mode === "flat"
      ? flatEx(prepared.map((q) => [q, engineWeights.get(q.engine) ?? 0]))
      : weightedMean(counting.map((e) => [e.ex, e.weight]));

  // Each result's share of the overall figure: its engine's, its query's and its own weight, times T.
  const engineTotal = sum(counting.map((e) => e.weight));
  const flatTotal = sum(prepared.map((q) => (engineWeights.get(q.engine) ?? 0) * q.weight * q.ctrSum));
  const queryTotals = new Map(engines.map((e) => [e.engine, sum((byEngine.get(e.engine) ?? []).filter((q) => q.ex !== null).map((q) => q.weight))]));
  const queries = prepared.map(({ counted, ...query }): TQueryEx => {
    const engineWeight = engineWeights.get(query.engine) ?? 0;
    const engineCounts = counting.some((e) => e.engine === query.engine);
    const queryTotal = queryTotals.get(query.engine) ?? 0;
    const share = (ctr: number) => {
      if (mode === "flat") return flatTotal > 0 ? (engineWeight * query.weight * ctr) / flatTotal : 0;
      if (!engineCounts || engineTotal === 0 || queryTotal === 0 || query.ctrSum === 0) return 0;
      return (engineWeight / engineTotal) * (query.weight / queryTotal) * (ctr / query.ctrSum);
    };
    return {
      ...query,
      results: counted.map((r) => ({
        position: r.position,
        url: r.url,
        t: r.t,
        own: r.own,
        ctr: r.ctr,
        queryContribution: query.ctrSum > 0 ? (r.ctr * r.t) / query.ctrSum : 0,
        overallContribution: share(r.ctr) * r.t,
      })),
    };
  });

  return {
    overall,
    expectedClicks: weightMode === "frequency" ? flatTotal / 100 : null,
    indices: aggregateIndices(engines.map((e) => [e.indices, e.weight])),
    engines,
    queries,
  };
}

function describe(serp: { engine: string; query: string }): string {
  return `query "${serp.query}" on ${serp.engine}`;
}

function ctrTableFor(engine: TSearchEngine, options: TExOptions, depth: number): readonly number[] {
  const table = options.ctrByEngine?.[engine] ?? options.ctr ?? CTR_TABLES[DEFAULT_CTR_TABLE].values;
  if (table.length < depth) throw new ExInputError(`the CTR table${options.ctrByEngine?.[engine] ? ` for ${engine}` : ""} has ${table.length} positions, fewer than the depth ${depth}`);
  if (!table.every((p) => Number.isFinite(p) && p >= 0)) throw new ExInputError("CTR values must be numbers ≥ 0");
  return table;
}

function prepare(serp: TQuerySerp, ctr: readonly number[], depth: number, weightMode: TQueryWeightMode): TPrepared {
  const positions = new Set<number>();
  const counted: TPrepared["counted"] = [];
  for (const result of [...serp.results].sort((a, b) => a.position - b.position)) {
    if (!Number.isInteger(result.position) || result.position < 1) throw new ExInputError(`${describe(serp)}: position must be a whole number ≥ 1, got ${result.position}`);
    if (positions.has(result.position)) throw new ExInputError(`${describe(serp)}: position ${result.position} is given twice`);
    positions.add(result.position);
    if (!Number.isFinite(result.t) || result.t < -100 || result.t > 100) throw new ExInputError(`${describe(serp)}, position ${result.position}: T must be within -100…100, got ${result.t}`);
    if (result.position > depth) continue;
    counted.push({ position: result.position, url: result.url, t: result.t, own: result.own === true, ctr: ctr[result.position - 1] ?? 0 });
  }
  const ctrSum = sum(counted.map((r) => r.ctr));
  return {
    engine: serp.engine,
    query: serp.query,
    frequency: serp.frequency,
    weight: queryWeight(serp, weightMode, ctrSum),
    ctrSum,
    ex: ctrSum > 0 ? sum(counted.map((r) => r.ctr * r.t)) / ctrSum : null,
    indices: serpIndices(counted, depth),
    counted,
  };
}

function queryWeight(serp: TQuerySerp, mode: TQueryWeightMode, ctrSum: number): number {
  if (mode === "equal") return 1;
  if (mode === "ctr") return ctrSum;
  const { frequency } = serp;
  if (frequency === undefined) throw new ExInputError(`${describe(serp)} has no frequency (needed to weight queries by frequency)`);
  if (!Number.isFinite(frequency) || frequency < 0) throw new ExInputError(`${describe(serp)}: frequency must be a number ≥ 0, got ${frequency}`);
  return frequency;
}

/** F(S)/Σ F over the engines present; an error when none of them has a weight. */
function renormalizedEngineWeights(present: readonly TSearchEngine[], weights: TExOptions["engineWeights"]): Map<TSearchEngine, number> {
  const tracked = [...new Set(present)];
  for (const engine of tracked) {
    const weight = weights[engine];
    if (weight !== undefined && (!Number.isFinite(weight) || weight < 0)) throw new ExInputError(`the weight of ${engine} must be a number ≥ 0, got ${weight}`);
  }
  const total = sum(tracked.map((engine) => weights[engine] ?? 0));
  if (tracked.length > 0 && total === 0) throw new ExInputError(`none of the engines in the audit (${tracked.join(", ")}) has an engine weight`);
  return new Map(tracked.map((engine) => [engine, (weights[engine] ?? 0) / total]));
}

/** Σ F·w·P·T / Σ F·w·P over the given queries, each with its engine's weight F. */
function flatEx(queries: readonly [TPrepared, number][]): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const [query, engineWeight] of queries) {
    for (const r of query.counted) {
      numerator += engineWeight * query.weight * r.ctr * r.t;
      denominator += engineWeight * query.weight * r.ctr;
    }
  }
  return denominator > 0 ? numerator / denominator : null;
}

/** Σ w·v / Σ w over the pairs with a value; null when no weight remains. */
function weightedMean(pairs: readonly [number | null, number][]): number | null {
  const known = pairs.filter((pair): pair is [number, number] => pair[0] !== null);
  const total = sum(known.map(([, w]) => w));
  return total > 0 ? sum(known.map(([v, w]) => v * w)) / total : null;
}

/** Each §2.2 index averaged with the same weights that combine Ex (nested form). */
function aggregateIndices(pairs: readonly [TSerpIndices | TAggregateIndices, number][]): TAggregateIndices {
  const entries = SERP_INDEX_NAMES.map((name) => [name, weightedMean(pairs.map(([indices, w]) => [indices[name], w]))] as const);
  return Object.fromEntries(entries) as TAggregateIndices;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
