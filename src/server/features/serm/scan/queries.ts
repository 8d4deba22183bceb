import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { brands } from "../../../db/schema/accounts.ts";
import {
  type TScanItemStatus,
  type TScanStatus,
  type TSermEngine,
  sermExDays,
  sermPageShots,
  sermQueries,
  sermResults,
  sermScanItems,
  sermScans,
} from "../../../db/schema/serm.ts";

export type TScanRow = typeof sermScans.$inferSelect;
export type TScanItemRow = typeof sermScanItems.$inferSelect;
export type TResultRow = typeof sermResults.$inferSelect;
export type TResultInsert = typeof sermResults.$inferInsert;
export type TPageShotRow = typeof sermPageShots.$inferSelect;

export async function brandName(db: TExecutor, brandId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row?.name;
}

// Scans

/** A new scan; null when it is the day's scheduled scan and another worker made it first. */
export async function insertScan(db: TExecutor, values: typeof sermScans.$inferInsert): Promise<TScanRow | null> {
  const [row] = await db.insert(sermScans).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findScan(db: TExecutor, scanId: string): Promise<TScanRow | undefined> {
  const [row] = await db.select().from(sermScans).where(eq(sermScans.id, scanId)).limit(1);
  return row;
}

export async function findBrandScan(db: TExecutor, brandId: string, scanId: string): Promise<TScanRow | undefined> {
  const [row] = await db
    .select()
    .from(sermScans)
    .where(and(eq(sermScans.brandId, brandId), eq(sermScans.id, scanId)))
    .limit(1);
  return row;
}

/** The brand's scan that is still queued or running, if any. */
export async function findUnfinishedScan(db: TExecutor, brandId: string): Promise<TScanRow | undefined> {
  const [row] = await db
    .select()
    .from(sermScans)
    .where(and(eq(sermScans.brandId, brandId), inArray(sermScans.status, ["queued", "running"])))
    .orderBy(desc(sermScans.createdAt))
    .limit(1);
  return row;
}

/**
 * Takes a scan up for this run: a queued one, or a running one whose worker has not been heard
 * of since `staleBefore` (it died). Undefined when another run holds it, or it is finished.
 */
export async function claimScan(db: TExecutor, scanId: string, now: Date, staleBefore: Date): Promise<TScanRow | undefined> {
  const [row] = await db
    .update(sermScans)
    .set({ status: "running", attempts: sql`${sermScans.attempts} + 1`, heartbeatAt: now, startedAt: sql`coalesce(${sermScans.startedAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(sermScans.id, scanId),
        or(eq(sermScans.status, "queued"), and(eq(sermScans.status, "running"), or(isNull(sermScans.heartbeatAt), lt(sermScans.heartbeatAt, staleBefore)))),
      ),
    )
    .returning();
  return row;
}

export async function updateScan(db: TExecutor, scanId: string, patch: Partial<typeof sermScans.$inferInsert>): Promise<TScanRow | undefined> {
  const [row] = await db.update(sermScans).set(patch).where(eq(sermScans.id, scanId)).returning();
  return row;
}

/** The brand's scans, newest first; `before` pages on (createdAt of the last one seen). */
export async function listBrandScans(db: TExecutor, brandId: string, limit: number, before?: Date): Promise<TScanRow[]> {
  return db
    .select()
    .from(sermScans)
    .where(and(eq(sermScans.brandId, brandId), before ? lt(sermScans.createdAt, before) : undefined))
    .orderBy(desc(sermScans.createdAt), desc(sermScans.id))
    .limit(limit);
}

/** The newest scan that got anywhere (complete, partial or still running), else the newest of all. */
export async function latestScan(db: TExecutor, brandId: string): Promise<TScanRow | undefined> {
  const [done] = await db
    .select()
    .from(sermScans)
    .where(and(eq(sermScans.brandId, brandId), inArray(sermScans.status, ["complete", "partial"])))
    .orderBy(desc(sermScans.day), desc(sermScans.finishedAt))
    .limit(1);
  if (done) return done;
  const [any] = await db.select().from(sermScans).where(eq(sermScans.brandId, brandId)).orderBy(desc(sermScans.createdAt)).limit(1);
  return any;
}

/** Scans not finished whose worker has not been heard of since `cutoff`: their job died. */
export async function stalledScans(db: TExecutor, cutoff: Date, limit: number): Promise<TScanRow[]> {
  return db
    .select()
    .from(sermScans)
    .where(
      and(
        inArray(sermScans.status, ["queued", "running"]),
        or(lt(sermScans.heartbeatAt, cutoff), and(isNull(sermScans.heartbeatAt), lt(sermScans.createdAt, cutoff))),
      ),
    )
    .orderBy(asc(sermScans.createdAt))
    .limit(limit);
}

/** How many scans of this trigger the brand has (the demo seeds a brand once). */
export async function countScans(db: TExecutor, brandId: string, trigger: "schedule" | "manual" | "demo"): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sermScans)
    .where(and(eq(sermScans.brandId, brandId), eq(sermScans.trigger, trigger)));
  return Number(row?.n ?? 0);
}

// Items

export async function insertItems(db: TExecutor, values: (typeof sermScanItems.$inferInsert)[]): Promise<TScanItemRow[]> {
  if (values.length === 0) return [];
  return db.insert(sermScanItems).values(values).returning();
}

export async function itemsOfScan(db: TExecutor, scanId: string): Promise<TScanItemRow[]> {
  return db.select().from(sermScanItems).where(eq(sermScanItems.scanId, scanId)).orderBy(asc(sermScanItems.queryId), asc(sermScanItems.engine));
}

export async function updateItem(db: TExecutor, itemId: string, patch: Partial<typeof sermScanItems.$inferInsert>): Promise<void> {
  await db.update(sermScanItems).set(patch).where(eq(sermScanItems.id, itemId));
}

/** The items' queries as they are now (text, frequency, device, region). */
export async function queriesByIds(db: TExecutor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(sermQueries).where(inArray(sermQueries.id, [...ids]));
}

export async function enabledQueries(db: TExecutor, brandId: string) {
  return db
    .select()
    .from(sermQueries)
    .where(and(eq(sermQueries.brandId, brandId), eq(sermQueries.enabled, true)))
    .orderBy(asc(sermQueries.createdAt));
}

// Results

/** An item's results replace whatever an interrupted earlier attempt left. */
export async function replaceItemResults(db: TExecutor, itemId: string, rows: readonly TResultInsert[]): Promise<void> {
  await db.delete(sermResults).where(eq(sermResults.itemId, itemId));
  for (let i = 0; i < rows.length; i += 500) await db.insert(sermResults).values(rows.slice(i, i + 500));
}

export async function insertResults(db: TExecutor, rows: readonly TResultInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(sermResults).values(rows.slice(i, i + 500));
}

/** Through the scan's items: results are indexed by item. */
const itemsOf = (db: TExecutor, scanId: string) => db.select({ id: sermScanItems.id }).from(sermScanItems).where(eq(sermScanItems.scanId, scanId));

export async function resultsOfScan(db: TExecutor, scanId: string): Promise<TResultRow[]> {
  return db.select().from(sermResults).where(inArray(sermResults.itemId, itemsOf(db, scanId))).orderBy(asc(sermResults.itemId), asc(sermResults.position));
}

export async function resultsOfItems(db: TExecutor, itemIds: readonly string[]): Promise<TResultRow[]> {
  if (itemIds.length === 0) return [];
  const rows: TResultRow[] = [];
  for (let i = 0; i < itemIds.length; i += 1000) {
    rows.push(
      ...(await db
        .select()
        .from(sermResults)
        .where(inArray(sermResults.itemId, itemIds.slice(i, i + 1000)))
        .orderBy(asc(sermResults.itemId), asc(sermResults.position))),
    );
  }
  return rows;
}

export type TResolveRow = Pick<TResultRow, "id" | "day" | "url" | "urlKey" | "rating" | "textLabel" | "textConfidence" | "t" | "own" | "tonalityClass" | "tonalitySource" | "needsReview">;

const resolveColumns = {
  id: sermResults.id,
  day: sermResults.day,
  url: sermResults.url,
  urlKey: sermResults.urlKey,
  rating: sermResults.rating,
  textLabel: sermResults.textLabel,
  textConfidence: sermResults.textConfidence,
  t: sermResults.t,
  own: sermResults.own,
  tonalityClass: sermResults.tonalityClass,
  tonalitySource: sermResults.tonalitySource,
  needsReview: sermResults.needsReview,
};

export type TResolveFilter = { scanId: string } | { urlKeys: readonly string[] } | { days: readonly string[] };

/** Results whose tonality is to be resolved again: of one scan, of some URLs, or of some days. */
export async function resultsToResolve(db: TExecutor, brandId: string, filter: TResolveFilter): Promise<TResolveRow[]> {
  const list = (values: readonly string[], column: typeof sermResults.urlKey | typeof sermResults.day) => (values.length > 0 ? inArray(column, [...values]) : sql`false`);
  const where = "scanId" in filter ? inArray(sermResults.itemId, itemsOf(db, filter.scanId)) : "urlKeys" in filter ? list(filter.urlKeys, sermResults.urlKey) : list(filter.days, sermResults.day);
  return db.select(resolveColumns).from(sermResults).where(and(eq(sermResults.brandId, brandId), where));
}

export type TTonalityUpdate = { id: string; t: number | null; own: boolean; tonalityClass: string | null; tonalitySource: string | null; needsReview: boolean };

export async function updateResultTonality(db: TExecutor, rows: readonly TTonalityUpdate[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await db.execute(sql`
      update serm_results r set t = x.t, own = x.own, tonality_class = x."tonalityClass", tonality_source = x."tonalitySource", needs_review = x."needsReview"
      from jsonb_to_recordset(${chunk}::jsonb) as x(id uuid, t real, own boolean, "tonalityClass" text, "tonalitySource" text, "needsReview" boolean)
      where r.id = x.id`);
  }
}

export async function setTextLabels(db: TExecutor, rows: readonly { id: string; textLabel: string; textConfidence: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = JSON.stringify(rows.slice(i, i + 1000));
    await db.execute(sql`
      update serm_results r set text_label = x."textLabel", text_confidence = x."textConfidence"
      from jsonb_to_recordset(${chunk}::jsonb) as x(id uuid, "textLabel" text, "textConfidence" real)
      where r.id = x.id`);
  }
}

// Page screenshots

/** URL keys captured (with an image) at or after `since`. */
export async function freshPageShotKeys(db: TExecutor, brandId: string, urlKeys: readonly string[], since: Date): Promise<Set<string>> {
  if (urlKeys.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ urlKey: sermPageShots.urlKey })
    .from(sermPageShots)
    .where(and(eq(sermPageShots.brandId, brandId), inArray(sermPageShots.urlKey, [...urlKeys]), gte(sermPageShots.capturedAt, since), sql`${sermPageShots.blobHash} is not null`));
  return new Set(rows.map((r) => r.urlKey));
}

export async function insertPageShot(db: TExecutor, values: typeof sermPageShots.$inferInsert): Promise<void> {
  await db.insert(sermPageShots).values(values);
}

/** The newest successful capture of each URL key (image hash and the page's AggregateRating). */
export async function latestPageShots(db: TExecutor, brandId: string, urlKeys: readonly string[]): Promise<Map<string, TPageShotRow>> {
  const out = new Map<string, TPageShotRow>();
  for (let i = 0; i < urlKeys.length; i += 1000) {
    const rows = await db
      .selectDistinctOn([sermPageShots.urlKey])
      .from(sermPageShots)
      .where(and(eq(sermPageShots.brandId, brandId), inArray(sermPageShots.urlKey, urlKeys.slice(i, i + 1000)), sql`${sermPageShots.blobHash} is not null`))
      .orderBy(sermPageShots.urlKey, desc(sermPageShots.capturedAt));
    for (const row of rows) out.set(row.urlKey, row);
  }
  return out;
}

// Days and Ex

export type TDayItemRow = { id: string; scanId: string; queryId: string; engine: TSermEngine; day: string; status: TScanItemStatus; depth: number; searchedAt: Date | null; error: string | null; errorKind: string | null; provider: string | null; coverage: string | null; serpShotHash: string | null; serpShotNote: string | null };

/**
 * For each day, query and engine, the item that stands for it: the newest that found results
 * (complete or partial), else the newest failed one. Items still pending do not count.
 */
export async function dayItems(db: TExecutor, brandId: string, range: { from: string; to: string } | { days: readonly string[] }, filter: { queryId?: string; engine?: TSermEngine } = {}): Promise<TDayItemRow[]> {
  const dayWhere = "days" in range ? (range.days.length > 0 ? inArray(sermScanItems.day, [...range.days]) : sql`false`) : and(gte(sermScanItems.day, range.from), sql`${sermScanItems.day} <= ${range.to}`);
  return db
    .selectDistinctOn([sermScanItems.day, sermScanItems.queryId, sermScanItems.engine], {
      id: sermScanItems.id,
      scanId: sermScanItems.scanId,
      queryId: sermScanItems.queryId,
      engine: sermScanItems.engine,
      day: sermScanItems.day,
      status: sermScanItems.status,
      depth: sermScanItems.depth,
      searchedAt: sermScanItems.searchedAt,
      error: sermScanItems.error,
      errorKind: sermScanItems.errorKind,
      provider: sermScanItems.provider,
      coverage: sermScanItems.coverage,
      serpShotHash: sermScanItems.serpShotHash,
      serpShotNote: sermScanItems.serpShotNote,
    })
    .from(sermScanItems)
    .where(
      and(
        eq(sermScanItems.brandId, brandId),
        dayWhere,
        sql`${sermScanItems.status} <> 'pending'`,
        filter.queryId ? eq(sermScanItems.queryId, filter.queryId) : undefined,
        filter.engine ? eq(sermScanItems.engine, filter.engine) : undefined,
      ),
    )
    .orderBy(
      sermScanItems.day,
      sermScanItems.queryId,
      sermScanItems.engine,
      desc(sql`(${sermScanItems.status} in ('complete', 'partial'))`),
      sql`${sermScanItems.searchedAt} desc nulls last`,
    );
}

/** Days of the brand on which any of these URL keys was seen. */
export async function daysWithUrls(db: TExecutor, brandId: string, urlKeys: readonly string[]): Promise<string[]> {
  if (urlKeys.length === 0) return [];
  const rows = await db
    .selectDistinct({ day: sermResults.day })
    .from(sermResults)
    .where(and(eq(sermResults.brandId, brandId), inArray(sermResults.urlKey, [...urlKeys])));
  return rows.map((r) => r.day).sort();
}

/** Every day with a searched item. */
export async function scannedDays(db: TExecutor, brandId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ day: sermScanItems.day })
    .from(sermScanItems)
    .where(and(eq(sermScanItems.brandId, brandId), sql`${sermScanItems.status} <> 'pending'`));
  return rows.map((r) => r.day).sort();
}

export type TExDayInsert = typeof sermExDays.$inferInsert;
export type TExDayRow = typeof sermExDays.$inferSelect;

export async function replaceExDay(db: TExecutor, brandId: string, day: string, rows: readonly TExDayInsert[]): Promise<void> {
  await db.delete(sermExDays).where(and(eq(sermExDays.brandId, brandId), eq(sermExDays.day, day)));
  for (let i = 0; i < rows.length; i += 500) await db.insert(sermExDays).values(rows.slice(i, i + 500));
}

export async function exDays(db: TExecutor, brandId: string, from: string, to: string, levels: readonly ("overall" | "engine" | "query")[]): Promise<TExDayRow[]> {
  return db
    .select()
    .from(sermExDays)
    .where(and(eq(sermExDays.brandId, brandId), gte(sermExDays.day, from), sql`${sermExDays.day} <= ${to}`, inArray(sermExDays.level, [...levels])))
    .orderBy(asc(sermExDays.day), asc(sermExDays.key));
}
