import type { TAppContext } from "../../../context.ts";
import { invalid } from "../../../lib/errors.ts";
import { loadSettings } from "../config/manage-settings.ts";
import { listBrandQueries } from "../config/queries.ts";
import type { TSermSettings } from "../config/serm-settings.ts";
import { type TWeightingUsed, computeDayEx, ctrValuesOf, engineWeightsOf } from "../day-ex.ts";
import { CTR_TABLES, isCtrTableId } from "../default-tables.ts";
import type { TAggregateIndices } from "../ex-index.ts";
import { type TLoadedDay, loadDays } from "../scan/store-ex.ts";
import { type TBand, type TTonalityColour, exBand, tonalityColour } from "../tonality-colour.ts";
import { requireDay } from "./range.ts";

/**
 * One day's Ex explained (SERM.md §2): computed again from the stored results with the brand's
 * settings, each result with its P(n), T, the source of T, and its share of its query's Ex and
 * of the overall figure (the shares add up to them). Queries whose search failed that day are
 * listed apart as gaps. The same computation, with another N, gives NegShare@N and
 * NegVisibility@N for any N up to the CTR table's length.
 */
const round = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits || 0);
const roundIndices = (i: TAggregateIndices) => ({ negShare: round(i.negShare), negVisibility: round(i.negVisibility), ownShare: round(i.ownShare), gfdScore: round(i.gfdScore), eisenegger: round(i.eisenegger) });

export type TExplainedResult = {
  position: number;
  url: string;
  domain: string;
  title: string;
  t: number;
  own: boolean;
  tonalitySource: string | null;
  colour: TTonalityColour;
  ctr: number;
  queryContribution: number | null;
  overallContribution: number | null;
};

export type TExplainedQuery = {
  queryId: string;
  query: string | null;
  engine: string;
  status: string;
  frequency: number | null;
  weight: number | null;
  ctrSum: number | null;
  ex: number | null;
  band: TBand | null;
  indices: ReturnType<typeof roundIndices>;
  results: TExplainedResult[];
};

export type TExExplanation = {
  day: string;
  depth: number;
  overall: number | null;
  band: TBand | null;
  error: string | null;
  indices: ReturnType<typeof roundIndices> | null;
  expectedClicks: number | null;
  weighting: TWeightingUsed;
  settings: { ctrTable: string; ctrLabel: string; ctr: number[]; engineWeights: Record<string, number> };
  engines: { engine: string; weight: number; ex: number | null; band: TBand | null; indices: ReturnType<typeof roundIndices> }[];
  queries: TExplainedQuery[];
  gaps: { queryId: string; query: string | null; engine: string; status: string; error: string | null }[];
};

export function explainDay(loaded: TLoadedDay, settings: TSermSettings, queryTexts: ReadonlyMap<string, string>): TExExplanation {
  const computed = computeDayEx(loaded.items, settings);
  const result = computed.result;
  const ctr = ctrValuesOf(settings);
  const queries: TExplainedQuery[] = [];
  const gaps: TExExplanation["gaps"] = [];
  loaded.rows.forEach((row, index) => {
    const item = loaded.items[index];
    const text = queryTexts.get(row.queryId) ?? null;
    if (row.status === "failed" || !item) {
      gaps.push({ queryId: row.queryId, query: text, engine: row.engine, status: row.status, error: row.error });
      return;
    }
    const q = result?.queries.find((x) => x.query === row.queryId && x.engine === row.engine);
    const stored = loaded.results.get(row.id) ?? [];
    const byPosition = new Map((q?.results ?? []).map((r) => [r.position, r]));
    queries.push({
      queryId: row.queryId,
      query: text,
      engine: row.engine,
      status: row.status,
      frequency: item.frequency,
      weight: round(q?.weight, 4),
      ctrSum: round(q?.ctrSum),
      ex: round(q?.ex),
      band: q?.ex === null || q?.ex === undefined ? null : exBand(q.ex),
      indices: roundIndices(q?.indices ?? { negShare: null, negVisibility: null, ownShare: null, gfdScore: null, eisenegger: null }),
      results: stored
        .filter((r) => r.t !== null && r.position <= settings.exDepth)
        .map((r) => {
          const c = byPosition.get(r.position);
          return {
            position: r.position,
            url: r.url,
            domain: r.domain,
            title: r.title,
            t: round(r.t) ?? 0,
            own: r.own,
            tonalitySource: r.tonalitySource,
            colour: tonalityColour({ t: r.t ?? 0, own: r.own }),
            ctr: ctr[r.position - 1] ?? 0,
            queryContribution: round(c?.queryContribution, 4),
            overallContribution: round(c?.overallContribution, 4),
          };
        }),
    });
  });
  const ctrTable = isCtrTableId(settings.ctrTable) ? settings.ctrTable : "awr-2020-desktop";
  return {
    day: loaded.day,
    depth: settings.exDepth,
    overall: round(result?.overall),
    band: result?.overall === null || result?.overall === undefined ? null : exBand(result.overall),
    error: computed.error,
    indices: result ? roundIndices(result.indices) : null,
    expectedClicks: round(result?.expectedClicks, 1),
    weighting: computed.weighting,
    settings: { ctrTable, ctrLabel: CTR_TABLES[ctrTable].label + (settings.monotoneCtr ? " (monotone)" : ""), ctr: ctr.slice(0, settings.exDepth), engineWeights: engineWeightsOf(settings) as Record<string, number> },
    engines: (result?.engines ?? []).map((e) => ({ engine: e.engine, weight: round(e.weight, 4) ?? 0, ex: round(e.ex), band: e.ex === null ? null : exBand(e.ex), indices: roundIndices(e.indices) })),
    queries,
    gaps,
  };
}

export async function explainEx(app: TAppContext, brandId: string, day: string, depth?: number): Promise<TExExplanation> {
  requireDay(day, "day");
  const stored = await loadSettings(app, brandId);
  const settings = depth === undefined ? stored : { ...stored, exDepth: depth };
  if (depth !== undefined && ctrValuesOf(settings).length < depth) throw invalid("n", `the CTR table ${settings.ctrTable} has only ${ctrValuesOf(settings).length} positions`);
  const [loaded] = await loadDays(app.db, brandId, [day]);
  const queryTexts = new Map((await listBrandQueries(app.db, brandId)).map((q) => [q.id, q.text]));
  return explainDay(loaded ?? { day, items: [], rows: [], results: new Map() }, settings, queryTexts);
}
