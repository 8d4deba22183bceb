import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { mentions, sources } from "../../db/schema/monitoring.ts";

export type TSourceRow = typeof sources.$inferSelect;
export type TNewSource = {
  brandId: string;
  connector: string;
  name: string;
  config: Record<string, unknown>;
  ownPlace: boolean;
  intervalMinutes: number;
  status?: "active" | "paused";
  rateLimitPerMinute?: number | null;
  expectedItemMinutes?: number | null;
};

export async function insertSource(db: TExecutor, source: TNewSource): Promise<TSourceRow> {
  const [row] = await db.insert(sources).values(source).returning();
  if (!row) throw new Error("source insert returned nothing");
  return row;
}

export async function listBrandSources(db: TExecutor, brandId: string): Promise<TSourceRow[]> {
  return db.select().from(sources).where(eq(sources.brandId, brandId)).orderBy(asc(sources.createdAt), asc(sources.id));
}

export async function findBrandSource(db: TExecutor, brandId: string, sourceId: string): Promise<TSourceRow | undefined> {
  const [row] = await db
    .select()
    .from(sources)
    .where(and(eq(sources.brandId, brandId), eq(sources.id, sourceId)))
    .limit(1);
  return row;
}

export async function updateSource(db: TExecutor, sourceId: string, patch: Partial<typeof sources.$inferInsert>): Promise<TSourceRow | undefined> {
  const [row] = await db.update(sources).set(patch).where(eq(sources.id, sourceId)).returning();
  return row;
}

export async function deleteSource(db: TExecutor, sourceId: string): Promise<void> {
  await db.delete(sources).where(eq(sources.id, sourceId));
}

/** Mentions each source of a brand brought in (`mentions.source_id`), by source id. */
export async function mentionCountsBySource(db: TExecutor, brandId: string, sourceIds?: readonly string[]): Promise<Map<string, number>> {
  if (sourceIds && sourceIds.length === 0) return new Map();
  const rows = await db
    .select({ sourceId: mentions.sourceId, n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), sourceIds ? inArray(mentions.sourceId, [...sourceIds]) : isNotNull(mentions.sourceId)))
    .groupBy(mentions.sourceId);
  return new Map(rows.flatMap((r) => (r.sourceId ? [[r.sourceId, Number(r.n)] as const] : [])));
}
