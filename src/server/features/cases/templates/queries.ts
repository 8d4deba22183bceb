import { and, asc, eq } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { type TTemplateSituation, replyTemplates } from "../../../db/schema/cases.ts";

export type TTemplateRow = typeof replyTemplates.$inferSelect;

export async function listTemplates(db: TExecutor, brandId: string, filter: { situation?: TTemplateSituation; lang?: "ru" | "en" } = {}) {
  return db
    .select()
    .from(replyTemplates)
    .where(
      and(
        eq(replyTemplates.brandId, brandId),
        filter.situation ? eq(replyTemplates.situation, filter.situation) : undefined,
        filter.lang ? eq(replyTemplates.lang, filter.lang) : undefined,
      ),
    )
    .orderBy(asc(replyTemplates.situation), asc(replyTemplates.lang), asc(replyTemplates.name), asc(replyTemplates.id));
}

export async function findTemplate(db: TExecutor, brandId: string, id: string): Promise<TTemplateRow | undefined> {
  const [row] = await db.select().from(replyTemplates).where(and(eq(replyTemplates.brandId, brandId), eq(replyTemplates.id, id))).limit(1);
  return row;
}

export async function insertTemplate(db: TExecutor, values: typeof replyTemplates.$inferInsert): Promise<TTemplateRow> {
  const [row] = await db.insert(replyTemplates).values(values).returning();
  if (!row) throw new Error("template insert returned nothing");
  return row;
}

export async function updateTemplate(db: TExecutor, id: string, patch: Partial<typeof replyTemplates.$inferInsert>): Promise<TTemplateRow | undefined> {
  const [row] = await db.update(replyTemplates).set(patch).where(eq(replyTemplates.id, id)).returning();
  return row;
}

export async function deleteTemplate(db: TExecutor, brandId: string, id: string): Promise<boolean> {
  const rows = await db.delete(replyTemplates).where(and(eq(replyTemplates.brandId, brandId), eq(replyTemplates.id, id))).returning({ id: replyTemplates.id });
  return rows.length > 0;
}
