import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { brands } from "../../db/schema/accounts.ts";
import { auditLog } from "../../db/schema/audit.ts";

export type TAuditInsert = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: TExecutor, entry: TAuditInsert): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export type TAuditFilter = {
  workspaceId: string;
  brandId?: string;
  action?: string;
  before?: { at: Date; id: string };
  limit: number;
};

/** Newest first, keyset-paginated on (at, id). */
export async function listAuditEntries(db: TExecutor, filter: TAuditFilter) {
  const { before } = filter;
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      brandId: auditLog.brandId,
      brandName: brands.name,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(brands, eq(brands.id, auditLog.brandId))
    .where(
      and(
        eq(auditLog.workspaceId, filter.workspaceId),
        filter.brandId ? eq(auditLog.brandId, filter.brandId) : undefined,
        filter.action ? sql`${auditLog.action} like ${`${filter.action}%`}` : undefined,
        before
          ? or(lt(auditLog.at, before.at), and(eq(auditLog.at, before.at), lt(auditLog.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit);
}
