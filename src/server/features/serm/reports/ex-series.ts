import type { TAppContext } from "../../../context.ts";
import { loadSettings } from "../config/manage-settings.ts";
import { listBrandQueries } from "../config/queries.ts";
import { daysBetween } from "../local-day.ts";
import { type TExDayRow, exDays } from "../scan/queries.ts";
import { type TBand, exBand } from "../tonality-colour.ts";
import { resolveRange } from "./range.ts";

/**
 * The stored daily Ex (SERM.md §2) with NegShare@N and NegVisibility@N and the other §2.2
 * indices, overall, per engine and per query × engine, over a period; a day without a scan is
 * null (a gap in the chart). The bands of §2.2 come along so a chart can shade them.
 */
export const EX_BANDS: { band: TBand; from: number; to: number }[] = [
  { band: "critical", from: -100, to: -60 },
  { band: "negative", from: -60, to: -20 },
  { band: "neutral", from: -20, to: 20 },
  { band: "positive", from: 20, to: 60 },
  { band: "strong", from: 60, to: 100 },
];

export type TExPoint = {
  ex: number | null;
  band: TBand | null;
  negShare: number | null;
  negVisibility: number | null;
  ownShare: number | null;
  gfdScore: number | null;
  eisenegger: number | null;
  weight: number | null;
  results: number;
};

export type TExSeriesDay = {
  day: string;
  overall: TExPoint | null;
  engines: Record<string, TExPoint>;
  queries: (TExPoint & { queryId: string; engine: string; status: string | null })[];
};

export type TExSeries = { from: string; to: string; depth: number; bands: { band: TBand; from: number; to: number }[]; queries: { id: string; text: string; frequency: number | null }[]; days: TExSeriesDay[] };

const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits || 0);

export function exPoint(row: Pick<TExDayRow, "ex" | "negShare" | "negVisibility" | "ownShare" | "gfdScore" | "eisenegger" | "weight" | "results">): TExPoint {
  return {
    ex: round(row.ex),
    band: row.ex === null ? null : exBand(row.ex),
    negShare: round(row.negShare),
    negVisibility: round(row.negVisibility),
    ownShare: round(row.ownShare),
    gfdScore: round(row.gfdScore),
    eisenegger: round(row.eisenegger),
    weight: round(row.weight, 4),
    results: row.results,
  };
}

export async function exSeries(app: TAppContext, brandId: string, input: { from?: string; to?: string }): Promise<TExSeries> {
  const settings = await loadSettings(app, brandId);
  const range = resolveRange(input.from, input.to, settings.timeZone);
  const rows = await exDays(app.db, brandId, range.from, range.to, ["overall", "engine", "query"]);
  const byDay = new Map<string, TExDayRow[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  const days = daysBetween(range.from, range.to).map((day): TExSeriesDay => {
    const dayRows = byDay.get(day) ?? [];
    const overall = dayRows.find((r) => r.level === "overall");
    return {
      day,
      overall: overall ? exPoint(overall) : null,
      engines: Object.fromEntries(dayRows.filter((r) => r.level === "engine" && r.engine).map((r) => [r.engine as string, exPoint(r)])),
      queries: dayRows.filter((r) => r.level === "query" && r.queryId && r.engine).map((r) => ({ ...exPoint(r), queryId: r.queryId as string, engine: r.engine as string, status: r.status })),
    };
  });
  const queries = (await listBrandQueries(app.db, brandId)).map((q) => ({ id: q.id, text: q.text, frequency: q.frequency }));
  return { from: range.from, to: range.to, depth: settings.exDepth, bands: EX_BANDS.map((b) => ({ ...b })), queries, days };
}
