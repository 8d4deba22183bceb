import { and, asc, count, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { brands, users } from "../../../db/schema/accounts.ts";
import {
  cases,
  inAppNotifications,
  notificationDigestItems,
  notificationOutbox,
  notificationPreferences,
  notificationSettings,
  unsubscribeTokens,
} from "../../../db/schema/cases.ts";
import { mentions } from "../../../db/schema/monitoring.ts";

// ---------- what an event says about a case ----------

export async function caseNotificationFacts(db: TExecutor, caseId: string) {
  const [row] = await db
    .select({
      caseId: cases.id,
      brandId: cases.brandId,
      brandName: brands.name,
      assigneeId: cases.assigneeId,
      dueAt: cases.dueAt,
      publishedUrl: cases.publishedUrl,
      mentionText: mentions.text,
      mentionTitle: mentions.title,
      authorName: mentions.authorName,
      site: mentions.site,
      sourceKind: mentions.sourceKind,
      mentionUrl: mentions.url,
    })
    .from(cases)
    .innerJoin(brands, eq(brands.id, cases.brandId))
    .innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .where(eq(cases.id, caseId))
    .limit(1);
  return row;
}

// ---------- outbox ----------

export async function insertOutbox(db: TExecutor, values: typeof notificationOutbox.$inferInsert): Promise<string> {
  const [row] = await db.insert(notificationOutbox).values(values).returning({ id: notificationOutbox.id });
  if (!row) throw new Error("outbox insert returned nothing");
  return row.id;
}

/** Takes up to `limit` waiting events and marks them taken, so no other worker sends them again. */
export async function claimOutbox(db: TExecutor, limit: number, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(notificationOutbox)
      .where(isNull(notificationOutbox.dispatchedAt))
      .orderBy(asc(notificationOutbox.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (rows.length > 0) {
      await tx
        .update(notificationOutbox)
        .set({ dispatchedAt: now, attempts: sql`${notificationOutbox.attempts} + 1` })
        .where(inArray(notificationOutbox.id, rows.map((r) => r.id)));
    }
    return rows;
  });
}

/** Marks the events of these cases as handled without sending them (demo data). */
export async function skipOutboxOfCases(db: TExecutor, caseIds: readonly string[], now: Date, reason: string): Promise<void> {
  if (caseIds.length === 0) return;
  await db
    .update(notificationOutbox)
    .set({ dispatchedAt: now, lastError: reason })
    .where(and(inArray(notificationOutbox.caseId, [...caseIds]), isNull(notificationOutbox.dispatchedAt)));
}

export async function setOutboxError(db: TExecutor, id: string, error: string | null): Promise<void> {
  await db.update(notificationOutbox).set({ lastError: error }).where(eq(notificationOutbox.id, id));
}

// ---------- people ----------

export async function userContacts(db: TExecutor, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      telegramChatId: notificationSettings.telegramChatId,
      timeZone: notificationSettings.timeZone,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(inArray(users.id, [...userIds]));
}

export async function findSettings(db: TExecutor, userId: string) {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)).limit(1);
  return row;
}

export async function upsertSettings(db: TExecutor, values: typeof notificationSettings.$inferInsert): Promise<void> {
  const { userId: _userId, ...patch } = values;
  await db.insert(notificationSettings).values(values).onConflictDoUpdate({ target: notificationSettings.userId, set: patch });
}

// ---------- preferences ----------

export async function preferencesOfBrand(db: TExecutor, brandId: string, kind: string) {
  return db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.brandId, brandId), eq(notificationPreferences.kind, kind)));
}

export async function preferencesOfUser(db: TExecutor, userId: string, brandIds: readonly string[]) {
  if (brandIds.length === 0) return [];
  return db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), inArray(notificationPreferences.brandId, [...brandIds])));
}

export async function upsertPreference(db: TExecutor, values: typeof notificationPreferences.$inferInsert): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.brandId, notificationPreferences.kind],
      set: { mode: values.mode, channels: values.channels, updatedAt: values.updatedAt },
    });
}

// ---------- digest ----------

export async function insertDigestItems(db: TExecutor, rows: (typeof notificationDigestItems.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(notificationDigestItems).values(rows);
}

/** People with digest items waiting, with the age of their oldest one. */
export async function pendingDigestUsers(db: TExecutor) {
  return db
    .select({ userId: notificationDigestItems.userId, oldest: sql<string>`min(${notificationDigestItems.createdAt})::text`, n: count() })
    .from(notificationDigestItems)
    .where(isNull(notificationDigestItems.sentAt))
    .groupBy(notificationDigestItems.userId);
}

/** A person's waiting items, locked so a parallel run skips them. */
export async function claimDigestItems(db: TExecutor, userId: string, limit: number) {
  return db
    .select()
    .from(notificationDigestItems)
    .where(and(eq(notificationDigestItems.userId, userId), isNull(notificationDigestItems.sentAt)))
    .orderBy(asc(notificationDigestItems.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function markDigestSent(db: TExecutor, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length > 0) await db.update(notificationDigestItems).set({ sentAt: at }).where(inArray(notificationDigestItems.id, [...ids]));
}

// ---------- in-app ----------

export async function insertInApp(db: TExecutor, rows: (typeof inAppNotifications.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(inAppNotifications).values(rows);
}

export async function listInApp(db: TExecutor, userId: string, brandIds: readonly string[], options: { unreadOnly: boolean; limit: number; before?: Date }) {
  if (brandIds.length === 0) return [];
  return db
    .select()
    .from(inAppNotifications)
    .where(
      and(
        eq(inAppNotifications.userId, userId),
        inArray(inAppNotifications.brandId, [...brandIds]),
        options.unreadOnly ? isNull(inAppNotifications.readAt) : undefined,
        options.before ? lt(inAppNotifications.createdAt, options.before) : undefined,
      ),
    )
    .orderBy(desc(inAppNotifications.createdAt), desc(inAppNotifications.id))
    .limit(options.limit);
}

export async function countUnreadInApp(db: TExecutor, userId: string, brandIds: readonly string[]): Promise<number> {
  if (brandIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(inAppNotifications)
    .where(and(eq(inAppNotifications.userId, userId), inArray(inAppNotifications.brandId, [...brandIds]), isNull(inAppNotifications.readAt)));
  return row?.n ?? 0;
}

export async function markInAppRead(db: TExecutor, userId: string, ids: readonly string[] | "all", at: Date): Promise<number> {
  const rows = await db
    .update(inAppNotifications)
    .set({ readAt: at })
    .where(and(eq(inAppNotifications.userId, userId), isNull(inAppNotifications.readAt), ids === "all" ? undefined : inArray(inAppNotifications.id, [...ids])))
    .returning({ id: inAppNotifications.id });
  return rows.length;
}

/** New in-app notifications of these people since `after` (for the live stream). */
export async function inAppSince(db: TExecutor, userIds: readonly string[], after: Date) {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(inAppNotifications)
    .where(and(inArray(inAppNotifications.userId, [...userIds]), gt(inAppNotifications.createdAt, after)))
    .orderBy(asc(inAppNotifications.createdAt))
    .limit(500);
}

// ---------- unsubscribe ----------

export async function insertUnsubscribeToken(db: TExecutor, values: typeof unsubscribeTokens.$inferInsert): Promise<void> {
  await db.insert(unsubscribeTokens).values(values);
}

export async function findUnsubscribeToken(db: TExecutor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: unsubscribeTokens, brandName: brands.name, email: users.email, locale: users.locale })
    .from(unsubscribeTokens)
    .innerJoin(users, eq(users.id, unsubscribeTokens.userId))
    .leftJoin(brands, eq(brands.id, unsubscribeTokens.brandId))
    .where(and(eq(unsubscribeTokens.tokenHash, tokenHash), gt(unsubscribeTokens.expiresAt, now)))
    .limit(1);
  return row;
}

export async function markUnsubscribeUsed(db: TExecutor, tokenHash: string, at: Date): Promise<void> {
  await db.update(unsubscribeTokens).set({ usedAt: at }).where(and(eq(unsubscribeTokens.tokenHash, tokenHash), or(isNull(unsubscribeTokens.usedAt), lt(unsubscribeTokens.usedAt, at))));
}

export async function deleteExpiredUnsubscribeTokens(db: TExecutor, now: Date): Promise<void> {
  await db.delete(unsubscribeTokens).where(lt(unsubscribeTokens.expiresAt, now));
}
