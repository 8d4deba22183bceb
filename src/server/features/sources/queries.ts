import { and, asc, eq } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { sources } from "../../db/schema/monitoring.ts";

export type TSourceRow = typeof sources.$inferSelect;
export type TNewSource = {
  brandId: string;
  connector: string;
  name: string;
  config: Record<string, unknown>;
  ownPlace: boolean;
  intervalMinutes: number;
  status?: "active" | "paused";
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
