import type { TAppContext } from "../../../context.ts";
import type { TSermEngine } from "../../../db/schema/serm.ts";
import { invalid } from "../../../lib/errors.ts";
import { findBrandQuery } from "../config/queries.ts";
import { loadSettings } from "../config/manage-settings.ts";
import { daysBetween } from "../local-day.ts";
import { type TResultRow, dayItems, latestPageShots, resultsOfItems } from "../scan/queries.ts";
import { type TTonalityColour, tonalityColour } from "../tonality-colour.ts";
import { blobUrl } from "./result-view.ts";
import { resolveRange } from "./range.ts";

/**
 * Which URL held which position on which day, for one query on one engine (SERM.md §8 grid
 * (a): positions × days, coloured by tonality), with each URL's move since the previous day
 * with data. A day whose search failed, or that has no scan, is a gap — its cells are null and
 * the day says why — never a row of zeros or "dropped out". A partial day shows the positions
 * it has.
 */
export type THistoryDay = { day: string; status: "complete" | "partial" | "failed" | "none"; scanId: string | null; error: string | null; serpShot: string | null };

export type THistoryCell = {
  urlKey: string;
  url: string;
  domain: string;
  title: string;
  t: number | null;
  own: boolean;
  tonalitySource: string | null;
  colour: TTonalityColour;
  /** Where this URL stood on the previous day with data; null = not there (new in the top N). */
  previousPosition: number | null;
  /** previousPosition − position: > 0 moved up, < 0 moved down; null when new. */
  movement: number | null;
};

export type THistoryUrl = { urlKey: string; url: string; domain: string; title: string; positions: (number | null)[]; colour: TTonalityColour; t: number | null; pageShot: string | null };

export type THistoryGrid = {
  query: { id: string; text: string; depth: number };
  engine: TSermEngine;
  from: string;
  to: string;
  days: THistoryDay[];
  rows: { position: number; cells: (THistoryCell | null)[] }[];
  urls: THistoryUrl[];
};

export async function historyGrid(app: TAppContext, brandId: string, input: { queryId: string; engine: TSermEngine; from?: string; to?: string }): Promise<THistoryGrid> {
  const query = await findBrandQuery(app.db, brandId, input.queryId);
  if (!query) throw invalid("queryId", "not a search query of this brand");
  if (!query.engines.includes(input.engine)) throw invalid("engine", `the query is not tracked on ${input.engine}`);
  const settings = await loadSettings(app, brandId);
  const range = resolveRange(input.from, input.to, settings.timeZone);
  const days = daysBetween(range.from, range.to);
  const items = await dayItems(app.db, brandId, range, { queryId: query.id, engine: input.engine });
  const itemByDay = new Map(items.map((i) => [i.day, i]));
  const results = await resultsOfItems(app.db, items.filter((i) => i.status !== "failed").map((i) => i.id));
  const byItem = new Map<string, TResultRow[]>();
  for (const r of results) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  const shots = await latestPageShots(app.db, brandId, [...new Set(results.map((r) => r.urlKey))]);

  const depth = Math.max(query.depth, ...items.map((i) => i.depth));
  const rows = Array.from({ length: depth }, (_, i) => ({ position: i + 1, cells: [] as (THistoryCell | null)[] }));
  const urls = new Map<string, THistoryUrl>();
  let previous: Map<string, number> | undefined;
  const historyDays: THistoryDay[] = days.map((day, dayIndex) => {
    const item = itemByDay.get(day);
    const dayResults = item && item.status !== "failed" ? (byItem.get(item.id) ?? []) : [];
    const byPosition = new Map(dayResults.map((r) => [r.position, r]));
    for (const row of rows) {
      const r = byPosition.get(row.position);
      if (!r) {
        row.cells.push(null);
        continue;
      }
      const before = previous?.get(r.urlKey) ?? null;
      row.cells.push({
        urlKey: r.urlKey,
        url: r.url,
        domain: r.domain,
        title: r.title,
        t: r.t,
        own: r.own,
        tonalitySource: r.tonalitySource,
        colour: tonalityColour(r.t === null ? undefined : { t: r.t, own: r.own }),
        previousPosition: before,
        movement: before === null ? null : before - r.position,
      });
    }
    for (const r of dayResults) {
      const shot = shots.get(r.urlKey)?.blobHash;
      const entry = urls.get(r.urlKey) ?? { urlKey: r.urlKey, url: r.url, domain: r.domain, title: r.title, positions: days.map(() => null), colour: tonalityColour(undefined), t: null, pageShot: null };
      entry.positions[dayIndex] = Math.min(r.position, entry.positions[dayIndex] ?? Infinity);
      entry.t = r.t;
      entry.colour = tonalityColour(r.t === null ? undefined : { t: r.t, own: r.own });
      entry.pageShot = shot ? blobUrl(brandId, shot) : null;
      urls.set(r.urlKey, entry);
    }
    if (item && item.status !== "failed") previous = new Map(dayResults.map((r) => [r.urlKey, r.position]));
    return {
      day,
      status: item ? (item.status === "pending" ? "none" : item.status) : "none",
      scanId: item?.scanId ?? null,
      error: item?.error ?? null,
      serpShot: item?.serpShotHash ? blobUrl(brandId, item.serpShotHash) : null,
    };
  });
  // Best positions first: the URLs that matter most lead the list.
  const best = (u: THistoryUrl) => Math.min(...u.positions.map((p) => p ?? Infinity));
  return {
    query: { id: query.id, text: query.text, depth },
    engine: input.engine,
    from: range.from,
    to: range.to,
    days: historyDays,
    rows,
    urls: [...urls.values()].sort((a, b) => best(a) - best(b)),
  };
}
