import type { TExecutor } from "../../../context.ts";
import type { TSermEngine } from "../../../db/schema/serm.ts";
import { findSettingsRow } from "../config/queries.ts";
import { type TSermSettings, settingsOf } from "../config/serm-settings.ts";
import { type TDayEx, type TDayItem, computeDayEx } from "../day-ex.ts";
import type { TAggregateIndices } from "../ex-index.ts";
import { type TDayItemRow, type TExDayInsert, type TResultRow, dayItems, queriesByIds, replaceExDay, resultsOfItems } from "./queries.ts";

/**
 * The stored Ex of a day (overall, per engine, per query × engine, with the §2.2 indices),
 * computed by day-ex.ts from the items that stand for that day. Recomputed whenever a scan of
 * the day finishes, a label or the site table changes a result's T, or the Ex settings change.
 */
/** A day as stored: the item standing for each query × engine (`rows`), their results, and both as Ex inputs (`items`, same order). */
export type TLoadedDay = { day: string; items: TDayItem[]; rows: TDayItemRow[]; results: Map<string, TResultRow[]> };

/** The day items with their results and current query frequencies, grouped by day. */
export async function loadDays(db: TExecutor, brandId: string, days: readonly string[]): Promise<TLoadedDay[]> {
  const rows = await dayItems(db, brandId, { days });
  const results = await resultsOfItems(db, rows.filter((r) => r.status !== "failed").map((r) => r.id));
  const byItem = new Map<string, typeof results>();
  for (const r of results) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  const queries = new Map((await queriesByIds(db, [...new Set(rows.map((r) => r.queryId))])).map((q) => [q.id, q]));
  const out = new Map<string, TLoadedDay>(days.map((day) => [day, { day, items: [], rows: [], results: new Map() }]));
  for (const row of rows) {
    const loaded = out.get(row.day);
    if (!loaded) continue;
    loaded.rows.push(row);
    loaded.results.set(row.id, byItem.get(row.id) ?? []);
    loaded.items.push({
      queryId: row.queryId,
      engine: row.engine,
      status: row.status,
      frequency: queries.get(row.queryId)?.frequency ?? null,
      results: (byItem.get(row.id) ?? []).map((r) => ({ position: r.position, url: r.url, t: r.t, own: r.own })),
    });
  }
  return [...out.values()];
}

const indexColumns = (indices: TAggregateIndices) => ({
  negShare: indices.negShare,
  negVisibility: indices.negVisibility,
  ownShare: indices.ownShare,
  gfdScore: indices.gfdScore,
  eisenegger: indices.eisenegger,
});

export function exRowsOf(brandId: string, loaded: TLoadedDay, computed: TDayEx): TExDayInsert[] {
  const { day } = loaded;
  const result = computed.result;
  const rows: TExDayInsert[] = [];
  const counted = result ? result.queries.reduce((n, q) => n + q.results.length, 0) : 0;
  rows.push({ brandId, day, key: "overall", level: "overall", ex: result?.overall ?? null, ...(result ? indexColumns(result.indices) : {}), results: counted });
  for (const engine of result?.engines ?? []) {
    const n = result?.queries.filter((q) => q.engine === engine.engine).reduce((s, q) => s + q.results.length, 0) ?? 0;
    rows.push({ brandId, day, key: `engine:${engine.engine}`, level: "engine", engine: engine.engine as TSermEngine, ex: engine.ex, weight: engine.weight, ...indexColumns(engine.indices), results: n });
  }
  for (const item of loaded.items) {
    const q = result?.queries.find((x) => x.query === item.queryId && x.engine === item.engine);
    rows.push({
      brandId,
      day,
      key: `query:${item.queryId}:${item.engine}`,
      level: "query",
      engine: item.engine,
      queryId: item.queryId,
      ex: q?.ex ?? null,
      weight: q?.weight ?? null,
      ...(q ? indexColumns(q.indices) : {}),
      results: q?.results.length ?? 0,
      status: item.status,
    });
  }
  return rows;
}

/** Computes and stores the days given; returns how many were stored. */
export async function storeExDays(db: TExecutor, brandId: string, days: readonly string[], settings?: TSermSettings): Promise<number> {
  if (days.length === 0) return 0;
  const effective = settings ?? settingsOf(await findSettingsRow(db, brandId));
  let stored = 0;
  // A few weeks at a time: a year of history is recomputed without holding it all in memory.
  for (let i = 0; i < days.length; i += 31) {
    for (const loaded of await loadDays(db, brandId, days.slice(i, i + 31))) {
      await replaceExDay(db, brandId, loaded.day, loaded.items.length === 0 ? [] : exRowsOf(brandId, loaded, computeDayEx(loaded.items, effective)));
      stored++;
    }
  }
  return stored;
}
