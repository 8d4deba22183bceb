import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../../db/schema/cases.ts";

export type TEndpointRow = typeof webhookEndpoints.$inferSelect;
export type TDeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function listEndpoints(db: TExecutor, brandId: string) {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.brandId, brandId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

export async function findEndpoint(db: TExecutor, brandId: string, id: string): Promise<TEndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.brandId, brandId), eq(webhookEndpoints.id, id))).limit(1);
  return row;
}

export async function insertEndpoint(db: TExecutor, values: typeof webhookEndpoints.$inferInsert): Promise<TEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error("endpoint insert returned nothing");
  return row;
}

export async function updateEndpoint(db: TExecutor, id: string, patch: Partial<typeof webhookEndpoints.$inferInsert>): Promise<TEndpointRow | undefined> {
  const [row] = await db.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, id)).returning();
  return row;
}

export async function deleteEndpoint(db: TExecutor, brandId: string, id: string): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.brandId, brandId), eq(webhookEndpoints.id, id))).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Enabled endpoints of the brand that take this kind (an empty list takes every kind). */
export async function endpointsFor(db: TExecutor, brandId: string, kind: string) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.brandId, brandId), eq(webhookEndpoints.enabled, true), sql`(cardinality(${webhookEndpoints.events}) = 0 or ${kind}::text = any(${webhookEndpoints.events}))`));
}

export async function insertDeliveries(db: TExecutor, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(webhookDeliveries).values(rows);
}

/**
 * Takes deliveries that are due and leases them for `leaseMs` (their next attempt moves out), so
 * a parallel run leaves them alone; the attempt's outcome then sets the real next time.
 */
export async function leaseDueDeliveries(db: TExecutor, now: Date, leaseMs: number, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(webhookDeliveries.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(webhookDeliveries.id, due.map((d) => d.id)))
      .returning();
  });
}

export async function updateDelivery(db: TExecutor, id: string, patch: Partial<typeof webhookDeliveries.$inferInsert>): Promise<void> {
  await db.update(webhookDeliveries).set(patch).where(eq(webhookDeliveries.id, id));
}

export async function insertAttempt(db: TExecutor, values: typeof webhookAttempts.$inferInsert): Promise<void> {
  await db.insert(webhookAttempts).values(values);
}

export async function listDeliveries(db: TExecutor, endpointId: string, limit: number) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
}

export async function attemptsOf(db: TExecutor, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  return db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, [...deliveryIds])).orderBy(webhookAttempts.deliveryId, webhookAttempts.attempt);
}
