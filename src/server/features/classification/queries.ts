import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { type TLabelField, brandClassifiers, mentionLabels } from "../../db/schema/classification.ts";
import { type TNegativeType, type TSentiment, mentions } from "../../db/schema/monitoring.ts";

/** What labelling needs of a mention: its text (for the per-brand adjustment) and its current labels. */
export async function mentionsForLabelling(db: TExecutor, brandId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: mentions.id,
      title: mentions.title,
      text: mentions.text,
      pros: mentions.pros,
      cons: mentions.cons,
      lang: mentions.lang,
      sourceKind: mentions.sourceKind,
      ratingValue: mentions.ratingValue,
      ratingScale: mentions.ratingScale,
      matchedGroups: mentions.matchedGroups,
      sentiment: mentions.sentiment,
      sentimentConfidence: mentions.sentimentConfidence,
      sentimentOrigin: mentions.sentimentOrigin,
      sentimentModel: mentions.sentimentModel,
      negativeType: mentions.negativeType,
      negativeTypeConfidence: mentions.negativeTypeConfidence,
      negativeTypeOrigin: mentions.negativeTypeOrigin,
    })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), inArray(mentions.id, [...ids])))
    .orderBy(asc(mentions.id))
    .for("update");
}

export type TLabelRow = typeof mentionLabels.$inferInsert;

export async function insertLabels(db: TExecutor, rows: readonly TLabelRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(mentionLabels).values([...rows]);
}

export async function setSpecialistSentiment(db: TExecutor, id: string, label: TSentiment, by: { userId: string; at: Date }): Promise<void> {
  await db
    .update(mentions)
    .set({ sentiment: label, sentimentConfidence: 1, sentimentOrigin: "specialist", sentimentBy: by.userId, sentimentAt: by.at })
    .where(eq(mentions.id, id));
}

export async function setNegativeType(
  db: TExecutor,
  id: string,
  value: { type: TNegativeType | null; confidence: number | null; origin: "model" | "specialist" | null; by: string | null; at: Date | null },
): Promise<void> {
  await db
    .update(mentions)
    .set({ negativeType: value.type, negativeTypeConfidence: value.confidence, negativeTypeOrigin: value.origin, negativeTypeBy: value.by, negativeTypeAt: value.at })
    .where(eq(mentions.id, id));
}

// ---------- the brand's classifier state ----------

export async function brandClassifierRow(db: TExecutor, brandId: string, lock = false) {
  const query = db.select().from(brandClassifiers).where(eq(brandClassifiers.brandId, brandId)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Cheap freshness check for cached state: changes whenever the row does. */
export async function brandClassifierStamp(db: TExecutor, brandId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ at: sql<string>`${brandClassifiers.updatedAt}::text` })
    .from(brandClassifiers)
    .where(eq(brandClassifiers.brandId, brandId))
    .limit(1);
  return row?.at;
}

/** Creates the row if missing and locks it, so concurrent corrections queue instead of overwriting each other. */
export async function lockBrandClassifier(db: TExecutor, brandId: string) {
  await db.insert(brandClassifiers).values({ brandId }).onConflictDoNothing();
  return brandClassifierRow(db, brandId, true);
}

export async function saveBrandClassifier(
  db: TExecutor,
  brandId: string,
  patch: { adaptation?: Buffer | null; baseModel?: string | null; corrections?: number; provider?: Record<string, unknown> | null },
  at: Date,
): Promise<void> {
  await db.update(brandClassifiers).set({ ...patch, updatedAt: at }).where(eq(brandClassifiers.brandId, brandId));
}

// ---------- accuracy and the review queue ----------

/** Verifications of machine labels (the first one per mention; later re-labels are the person's own). */
export async function verifiedLabels(db: TExecutor, brandId: string, field: TLabelField, range: { from?: Date; to?: Date }) {
  return db
    .select({ at: mentionLabels.labelledAt, machine: mentionLabels.machineValue, value: mentionLabels.value, model: mentionLabels.machineModel })
    .from(mentionLabels)
    .where(
      and(
        eq(mentionLabels.brandId, brandId),
        eq(mentionLabels.field, field),
        isNotNull(mentionLabels.machineValue),
        range.from ? sql`${mentionLabels.labelledAt} >= ${range.from.toISOString()}::timestamptz` : undefined,
        range.to ? sql`${mentionLabels.labelledAt} <= ${range.to.toISOString()}::timestamptz` : undefined,
      ),
    )
    .orderBy(asc(mentionLabels.labelledAt));
}

export type TQueueKey = { confidence: number; id: string };

/**
 * Machine-labelled mentions of a brand, least sure first (a rating-decided label is sure only of
 * its stars, so it queues by its confidence too). Irrelevant ones are not worth a look.
 */
export async function reviewQueueIds(
  db: TExecutor,
  brandId: string,
  options: { sentiments?: readonly TSentiment[]; after?: TQueueKey; limit: number },
): Promise<TQueueKey[]> {
  const { after } = options;
  const rows = await db
    .select({ id: mentions.id, confidence: mentions.sentimentConfidence })
    .from(mentions)
    .where(
      and(
        eq(mentions.brandId, brandId),
        sql`${mentions.sentimentOrigin} in ('model', 'rating')`,
        isNotNull(mentions.sentimentConfidence),
        ne(mentions.status, "irrelevant"),
        options.sentiments?.length ? inArray(mentions.sentiment, [...options.sentiments]) : undefined,
        after
          ? // real, as stored: the cursor's number came back from a real and compares equal only as one
            sql`(${mentions.sentimentConfidence}, ${mentions.id}) > (${after.confidence}::real, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(mentions.sentimentConfidence), asc(mentions.id))
    .limit(options.limit);
  return rows.map((r) => ({ id: r.id, confidence: r.confidence ?? 0 }));
}

export async function reviewQueueSize(db: TExecutor, brandId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), sql`${mentions.sentimentOrigin} in ('model', 'rating')`, ne(mentions.status, "irrelevant")));
  return row?.n ?? 0;
}
