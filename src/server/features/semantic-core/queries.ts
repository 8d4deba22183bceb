import { and, asc, eq } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { type TKeptVariant, type TRuleGroup, semanticRules } from "../../db/schema/monitoring.ts";

export type TRuleRow = typeof semanticRules.$inferSelect;
export type TNewRule = { brandId: string; group: TRuleGroup; name: string; query: string; variants?: TKeptVariant[]; enabled?: boolean };

export async function insertRule(db: TExecutor, rule: TNewRule): Promise<TRuleRow> {
  const [row] = await db.insert(semanticRules).values(rule).returning();
  if (!row) throw new Error("rule insert returned nothing");
  return row;
}

export async function listBrandRules(db: TExecutor, brandId: string): Promise<TRuleRow[]> {
  return db.select().from(semanticRules).where(eq(semanticRules.brandId, brandId)).orderBy(asc(semanticRules.createdAt), asc(semanticRules.id));
}

export async function findBrandRule(db: TExecutor, brandId: string, ruleId: string): Promise<TRuleRow | undefined> {
  const [row] = await db
    .select()
    .from(semanticRules)
    .where(and(eq(semanticRules.brandId, brandId), eq(semanticRules.id, ruleId)))
    .limit(1);
  return row;
}

export async function updateRule(db: TExecutor, ruleId: string, patch: Partial<typeof semanticRules.$inferInsert>): Promise<TRuleRow | undefined> {
  const [row] = await db.update(semanticRules).set(patch).where(eq(semanticRules.id, ruleId)).returning();
  return row;
}

export async function deleteRule(db: TExecutor, ruleId: string): Promise<void> {
  await db.delete(semanticRules).where(eq(semanticRules.id, ruleId));
}
