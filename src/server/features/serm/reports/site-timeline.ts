import type { TAppContext } from "../../../context.ts";
import type { TSermEngine } from "../../../db/schema/serm.ts";
import { invalid } from "../../../lib/errors.ts";
import { loadSettings } from "../config/manage-settings.ts";
import { findBrandQuery } from "../config/queries.ts";
import { daysBetween } from "../local-day.ts";
import { dayItems, resultsOfItems } from "../scan/queries.ts";
import { type TTonalityColour, tonalityColour } from "../tonality-colour.ts";
import { resolveRange } from "./range.ts";

/**
 * Each site's colour over time (SERM.md §8 grid (b): domains × days, the position as the cell's
 * text): on each day, over the brand's queries and engines (or one of them), the site's best
 * position, how many results it had and the mean T of them. A review site whose pages turned
 * from red to green, a complaint site that sank out of the top N: this is where it shows. Days
 * without any searched item are gaps (null for every site).
 */
export const MAX_SITES = 50;

export type TSiteCell = { bestPosition: number; results: number; t: number | null; own: boolean; colour: TTonalityColour } | null;
export type TSiteRow = { domain: string; appearances: number; cells: TSiteCell[] };
export type TSiteTimeline = { from: string; to: string; engine: TSermEngine | null; queryId: string | null; days: { day: string; searched: boolean }[]; sites: TSiteRow[] };

export async function siteTimeline(app: TAppContext, brandId: string, input: { from?: string; to?: string; engine?: TSermEngine; queryId?: string }): Promise<TSiteTimeline> {
  if (input.queryId && !(await findBrandQuery(app.db, brandId, input.queryId))) throw invalid("queryId", "not a search query of this brand");
  const settings = await loadSettings(app, brandId);
  const range = resolveRange(input.from, input.to, settings.timeZone);
  const days = daysBetween(range.from, range.to);
  const items = (await dayItems(app.db, brandId, range, { queryId: input.queryId, engine: input.engine })).filter((i) => i.status !== "failed");
  const dayOfItem = new Map(items.map((i) => [i.id, i.day]));
  const results = await resultsOfItems(app.db, items.map((i) => i.id));
  type TAcc = { best: number; n: number; tSum: number; tN: number; own: boolean };
  const sites = new Map<string, Map<string, TAcc>>();
  for (const r of results) {
    const day = dayOfItem.get(r.itemId);
    if (!day || r.domain === "") continue;
    const perDay = sites.get(r.domain) ?? new Map<string, TAcc>();
    sites.set(r.domain, perDay);
    const acc = perDay.get(day) ?? { best: Infinity, n: 0, tSum: 0, tN: 0, own: false };
    acc.best = Math.min(acc.best, r.position);
    acc.n++;
    if (r.t !== null) {
      acc.tSum += r.t;
      acc.tN++;
    }
    acc.own ||= r.own;
    perDay.set(day, acc);
  }
  const searchedDays = new Set(items.map((i) => i.day));
  const rows: TSiteRow[] = [...sites].map(([domain, perDay]) => ({
    domain,
    appearances: [...perDay.values()].reduce((n, a) => n + a.n, 0),
    cells: days.map((day) => {
      const acc = perDay.get(day);
      if (!acc) return null;
      const t = acc.tN > 0 ? Math.round((acc.tSum / acc.tN) * 100) / 100 : null;
      return { bestPosition: acc.best, results: acc.n, t, own: acc.own, colour: tonalityColour(t === null ? undefined : { t, own: acc.own }) };
    }),
  }));
  rows.sort((a, b) => b.appearances - a.appearances || a.domain.localeCompare(b.domain));
  return {
    from: range.from,
    to: range.to,
    engine: input.engine ?? null,
    queryId: input.queryId ?? null,
    days: days.map((day) => ({ day, searched: searchedDays.has(day) })),
    sites: rows.slice(0, MAX_SITES),
  };
}
