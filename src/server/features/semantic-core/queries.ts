import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { type TKeptVariant, type TRuleGroup, mentions, semanticRules } from "../../db/schema/monitoring.ts";

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

/**
 * A change to a rule, with `updated_at` set from the database's wall clock at the moment of the
 * write (not the transaction start): compiled matchers are cached by the latest `updated_at`.
 */
export async function updateRuleTouched(db: TExecutor, ruleId: string, patch: Partial<Omit<typeof semanticRules.$inferInsert, "updatedAt">>): Promise<TRuleRow | undefined> {
  const [row] = await db
    .update(semanticRules)
    .set({ ...patch, updatedAt: sql`clock_timestamp()` })
    .where(eq(semanticRules.id, ruleId))
    .returning();
  return row;
}

export async function deleteRule(db: TExecutor, ruleId: string): Promise<void> {
  await db.delete(semanticRules).where(eq(semanticRules.id, ruleId));
}

/** Stored mentions of the brand that each rule matched (`mentions.matches[*].ruleId`), by rule id. */
export async function ruleMatchCounts(db: TExecutor, brandId: string): Promise<Map<string, number>> {
  // One pass over the brand's mentions rather than one containment scan per rule.
  const result = await db.execute(sql`
    select hit->>'ruleId' as rule_id, count(*)::int as n
    from ${mentions} m cross join lateral jsonb_array_elements(m.matches) hit
    where m.brand_id = ${brandId} and hit->>'ruleId' is not null
    group by 1`);
  const rows = (result as unknown as { rows: { rule_id: string; n: number }[] }).rows;
  return new Map(rows.map((r) => [r.rule_id, Number(r.n)]));
}

/** Mentions of the brand whose recorded hits include the rule (jsonb containment). */
export async function countRuleMatches(db: TExecutor, brandId: string, ruleId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), sql`${mentions.matches} @> ${JSON.stringify([{ ruleId }])}::jsonb`));
  return Number(row?.n ?? 0);
}

export type TPreviewMention = {
  id: string;
  title: string | null;
  text: string;
  pros: string | null;
  cons: string | null;
  url: string;
  publishedAt: Date;
};

/** One page of the brand's mentions, newest first, after the keyset `before`. */
export async function recentMentionsPage(
  db: TExecutor,
  brandId: string,
  limit: number,
  before?: { publishedAt: Date; id: string },
): Promise<TPreviewMention[]> {
  return db
    .select({
      id: mentions.id,
      title: mentions.title,
      text: mentions.text,
      pros: mentions.pros,
      cons: mentions.cons,
      url: mentions.url,
      publishedAt: mentions.publishedAt,
    })
    .from(mentions)
    .where(
      and(
        eq(mentions.brandId, brandId),
        before
          ? or(lt(mentions.publishedAt, before.publishedAt), and(eq(mentions.publishedAt, before.publishedAt), lt(mentions.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(mentions.publishedAt), desc(mentions.id))
    .limit(limit);
}
