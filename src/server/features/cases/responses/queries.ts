import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { caseResponses } from "../../../db/schema/cases.ts";

export type TResponseRow = typeof caseResponses.$inferSelect;

export async function latestResponse(db: TExecutor, caseId: string): Promise<TResponseRow | undefined> {
  const [row] = await db.select().from(caseResponses).where(eq(caseResponses.caseId, caseId)).orderBy(desc(caseResponses.version)).limit(1);
  return row;
}

/** The latest version of each of these cases, in one query. */
export async function latestResponsesOf(db: TExecutor, caseIds: readonly string[]): Promise<Map<string, TResponseRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([caseResponses.caseId])
    .from(caseResponses)
    .where(inArray(caseResponses.caseId, [...caseIds]))
    .orderBy(caseResponses.caseId, desc(caseResponses.version));
  return new Map(rows.map((r) => [r.caseId, r]));
}

export async function findResponse(db: TExecutor, caseId: string, responseId: string): Promise<TResponseRow | undefined> {
  const [row] = await db.select().from(caseResponses).where(and(eq(caseResponses.caseId, caseId), eq(caseResponses.id, responseId))).limit(1);
  return row;
}

export async function findResponseByVersion(db: TExecutor, caseId: string, version: number): Promise<TResponseRow | undefined> {
  const [row] = await db.select().from(caseResponses).where(and(eq(caseResponses.caseId, caseId), eq(caseResponses.version, version))).limit(1);
  return row;
}

export async function listResponses(db: TExecutor, caseId: string): Promise<TResponseRow[]> {
  return db.select().from(caseResponses).where(eq(caseResponses.caseId, caseId)).orderBy(asc(caseResponses.version));
}

/** The next version number; call with the case row locked so two writers cannot take the same one. */
export async function insertResponse(db: TExecutor, values: Omit<typeof caseResponses.$inferInsert, "version">): Promise<TResponseRow> {
  const [row] = await db
    .insert(caseResponses)
    .values({ ...values, version: sql`(select coalesce(max(${caseResponses.version}), 0) + 1 from ${caseResponses} where ${caseResponses.caseId} = ${values.caseId})` })
    .returning();
  if (!row) throw new Error("response insert returned nothing");
  return row;
}
