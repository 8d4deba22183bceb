import { and, asc, eq, sql } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { brands } from "../../../db/schema/accounts.ts";
import { semanticRules } from "../../../db/schema/monitoring.ts";
import { sermLabels, sermQueries, sermSettings, sermSiteDefaults } from "../../../db/schema/serm.ts";

export type TSermQueryRow = typeof sermQueries.$inferSelect;
export type TSermSettingsRow = typeof sermSettings.$inferSelect;
export type TSermLabelRow = typeof sermLabels.$inferSelect;
export type TSiteDefaultRow = typeof sermSiteDefaults.$inferSelect;

export async function brandNameAndPersons(db: TExecutor, brandId: string): Promise<{ name: string; persons: string[] } | undefined> {
  const [brand] = await db.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId)).limit(1);
  if (!brand) return undefined;
  const rules = await db
    .select({ name: semanticRules.name })
    .from(semanticRules)
    .where(and(eq(semanticRules.brandId, brandId), eq(semanticRules.group, "persons"), eq(semanticRules.enabled, true)))
    .orderBy(asc(semanticRules.createdAt));
  return { name: brand.name, persons: rules.map((r) => r.name) };
}

// Search queries

export async function listBrandQueries(db: TExecutor, brandId: string): Promise<TSermQueryRow[]> {
  return db.select().from(sermQueries).where(eq(sermQueries.brandId, brandId)).orderBy(asc(sermQueries.createdAt), asc(sermQueries.id));
}

export async function findBrandQuery(db: TExecutor, brandId: string, queryId: string): Promise<TSermQueryRow | undefined> {
  const [row] = await db
    .select()
    .from(sermQueries)
    .where(and(eq(sermQueries.brandId, brandId), eq(sermQueries.id, queryId)))
    .limit(1);
  return row;
}

/** A query of the brand with the same text (any case) and device, other than `exceptId`. */
export async function findSameQuery(db: TExecutor, brandId: string, text: string, device: string, exceptId?: string): Promise<TSermQueryRow | undefined> {
  const rows = await db
    .select()
    .from(sermQueries)
    .where(and(eq(sermQueries.brandId, brandId), sql`lower(${sermQueries.text}) = lower(${text})`, eq(sermQueries.device, device as "desktop" | "mobile")));
  return rows.find((r) => r.id !== exceptId);
}

export async function insertQuery(db: TExecutor, values: typeof sermQueries.$inferInsert): Promise<TSermQueryRow> {
  const [row] = await db.insert(sermQueries).values(values).returning();
  if (!row) throw new Error("query insert returned nothing");
  return row;
}

export async function updateQuery(db: TExecutor, queryId: string, patch: Partial<typeof sermQueries.$inferInsert>): Promise<TSermQueryRow | undefined> {
  const [row] = await db.update(sermQueries).set(patch).where(eq(sermQueries.id, queryId)).returning();
  return row;
}

export async function deleteQuery(db: TExecutor, queryId: string): Promise<void> {
  await db.delete(sermQueries).where(eq(sermQueries.id, queryId));
}

// Settings

export async function findSettingsRow(db: TExecutor, brandId: string): Promise<TSermSettingsRow | undefined> {
  const [row] = await db.select().from(sermSettings).where(eq(sermSettings.brandId, brandId)).limit(1);
  return row;
}

export async function saveSettingsRow(db: TExecutor, row: typeof sermSettings.$inferInsert): Promise<TSermSettingsRow> {
  const { brandId: _brandId, ...set } = row;
  const [saved] = await db.insert(sermSettings).values(row).onConflictDoUpdate({ target: sermSettings.brandId, set }).returning();
  if (!saved) throw new Error("settings upsert returned nothing");
  return saved;
}

/** Brands whose daily scan is switched on, with their schedule. */
export async function scheduledBrands(db: TExecutor): Promise<{ brandId: string; scanHour: number; timeZone: string }[]> {
  return db
    .select({ brandId: sermSettings.brandId, scanHour: sermSettings.scanHour, timeZone: sermSettings.timeZone })
    .from(sermSettings)
    .where(eq(sermSettings.scansEnabled, true));
}

// Manual labels

export async function listBrandLabels(db: TExecutor, brandId: string): Promise<TSermLabelRow[]> {
  return db.select().from(sermLabels).where(eq(sermLabels.brandId, brandId)).orderBy(asc(sermLabels.urlKey));
}

export async function findLabel(db: TExecutor, brandId: string, labelId: string): Promise<TSermLabelRow | undefined> {
  const [row] = await db
    .select()
    .from(sermLabels)
    .where(and(eq(sermLabels.brandId, brandId), eq(sermLabels.id, labelId)))
    .limit(1);
  return row;
}

export async function upsertLabel(db: TExecutor, values: typeof sermLabels.$inferInsert): Promise<TSermLabelRow> {
  const { brandId: _b, urlKey: _k, id: _id, createdAt: _c, ...set } = values;
  const [row] = await db
    .insert(sermLabels)
    .values(values)
    .onConflictDoUpdate({ target: [sermLabels.brandId, sermLabels.urlKey], set: { ...set, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error("label upsert returned nothing");
  return row;
}

export async function deleteLabel(db: TExecutor, labelId: string): Promise<void> {
  await db.delete(sermLabels).where(eq(sermLabels.id, labelId));
}

// Site defaults (the brand's own entries; the code's defaults are in site-defaults.ts)

export async function listSiteDefaults(db: TExecutor, brandId: string): Promise<TSiteDefaultRow[]> {
  return db.select().from(sermSiteDefaults).where(eq(sermSiteDefaults.brandId, brandId)).orderBy(asc(sermSiteDefaults.pattern));
}

export async function findSiteDefault(db: TExecutor, brandId: string, id: string): Promise<TSiteDefaultRow | undefined> {
  const [row] = await db
    .select()
    .from(sermSiteDefaults)
    .where(and(eq(sermSiteDefaults.brandId, brandId), eq(sermSiteDefaults.id, id)))
    .limit(1);
  return row;
}

export async function upsertSiteDefault(db: TExecutor, values: typeof sermSiteDefaults.$inferInsert): Promise<TSiteDefaultRow> {
  const [row] = await db
    .insert(sermSiteDefaults)
    .values(values)
    .onConflictDoUpdate({
      target: [sermSiteDefaults.brandId, sermSiteDefaults.pattern],
      set: { siteClass: values.siteClass, t: values.t ?? null, note: values.note ?? null, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error("site default upsert returned nothing");
  return row;
}

export async function deleteSiteDefault(db: TExecutor, id: string): Promise<void> {
  await db.delete(sermSiteDefaults).where(eq(sermSiteDefaults.id, id));
}
