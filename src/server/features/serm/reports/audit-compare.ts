import type { TAppContext } from "../../../context.ts";
import { invalid } from "../../../lib/errors.ts";
import { loadSettings } from "../config/manage-settings.ts";
import { listBrandQueries } from "../config/queries.ts";
import { latestPageShots } from "../scan/queries.ts";
import { loadDays } from "../scan/store-ex.ts";
import { type TBand, exBand } from "../tonality-colour.ts";
import { NEGATIVE_UP_TO } from "../tonality.ts";
import { explainDay } from "./ex-explain.ts";
import { requireDay } from "./range.ts";
import { type TResultView, presentResult } from "./result-view.ts";

/**
 * An audit: two days side by side (SERM.md §2, issue 6) — per query and engine the results of
 * each day coloured by tonality, the negatives in the top N and Ex; per engine and overall, Ex
 * and negatives. A query × engine not searched on a day (no scan, or the search failed) has a
 * null or failed side: a gap, not an empty page.
 */
export type TAuditFigure = { ex: number | null; band: TBand | null; negatives: number };
export type TAuditSide = TAuditFigure & { status: string; error: string | null; results: TResultView[] };
export type TAuditRow = { queryId: string; query: string; frequency: number | null; engine: string; a: TAuditSide | null; b: TAuditSide | null };
export type TAuditComparison = {
  dayA: string;
  dayB: string;
  depth: number;
  overall: { a: TAuditFigure; b: TAuditFigure };
  engines: { engine: string; a: TAuditFigure | null; b: TAuditFigure | null }[];
  rows: TAuditRow[];
};

const isNegative = (r: { t: number | null; own: boolean }) => r.t !== null && !r.own && r.t <= NEGATIVE_UP_TO;
const figure = (ex: number | null, negatives: number): TAuditFigure => ({ ex, band: ex === null ? null : exBand(ex), negatives });

export async function compareDays(app: TAppContext, brandId: string, dayA: string, dayB: string): Promise<TAuditComparison> {
  requireDay(dayA, "dayA");
  requireDay(dayB, "dayB");
  if (dayA === dayB) throw invalid("dayB", "pick two different days");
  const settings = await loadSettings(app, brandId);
  const queries = await listBrandQueries(app.db, brandId);
  const texts = new Map(queries.map((q) => [q.id, q.text]));
  const loaded = await loadDays(app.db, brandId, [dayA, dayB]);
  const allResults = loaded.flatMap((d) => [...d.results.values()].flat());
  const shots = await latestPageShots(app.db, brandId, [...new Set(allResults.map((r) => r.urlKey))]);
  const sides = loaded.map((day) => {
    const explained = explainDay(day, settings, texts);
    const perItem = new Map<string, TAuditSide>();
    day.rows.forEach((row) => {
      const results = (day.results.get(row.id) ?? []).map((r) => presentResult(r, shots));
      const q = explained.queries.find((x) => x.queryId === row.queryId && x.engine === row.engine);
      const negatives = results.filter((r) => r.position <= settings.exDepth && isNegative(r)).length;
      perItem.set(`${row.queryId}:${row.engine}`, { ...figure(q?.ex ?? null, negatives), status: row.status, error: row.error, results });
    });
    const sum = (engine?: string) =>
      [...perItem.entries()].filter(([key]) => engine === undefined || key.endsWith(`:${engine}`)).reduce((n, [, side]) => n + side.negatives, 0);
    return {
      perItem,
      overall: figure(explained.overall, sum()),
      engines: new Map(explained.engines.map((e) => [e.engine, figure(e.ex, sum(e.engine))])),
    };
  });
  const [a, b] = sides;
  const rows: TAuditRow[] = [];
  for (const query of queries) {
    for (const engine of query.engines) {
      const key = `${query.id}:${engine}`;
      const sideA = a?.perItem.get(key) ?? null;
      const sideB = b?.perItem.get(key) ?? null;
      if (!sideA && !sideB && !query.enabled) continue;
      rows.push({ queryId: query.id, query: query.text, frequency: query.frequency, engine, a: sideA, b: sideB });
    }
  }
  const engines = [...new Set([...(a?.engines.keys() ?? []), ...(b?.engines.keys() ?? [])])].sort();
  return {
    dayA,
    dayB,
    depth: settings.exDepth,
    overall: { a: a?.overall ?? figure(null, 0), b: b?.overall ?? figure(null, 0) },
    engines: engines.map((engine) => ({ engine, a: a?.engines.get(engine) ?? null, b: b?.engines.get(engine) ?? null })),
    rows,
  };
}
