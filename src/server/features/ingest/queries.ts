import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { brands } from "../../db/schema/accounts.ts";
import { type TSentiment, mentionBands, mentionRevisions, mentions, semanticRules, sources } from "../../db/schema/monitoring.ts";

export type TMentionInsert = typeof mentions.$inferInsert;

export async function brandForIngest(db: TExecutor, brandId: string) {
  const [row] = await db.select({ id: brands.id, name: brands.name }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row;
}

export async function enabledRules(db: TExecutor, brandId: string) {
  return db
    .select({ id: semanticRules.id, group: semanticRules.group, name: semanticRules.name, query: semanticRules.query, variants: semanticRules.variants, updatedAt: semanticRules.updatedAt })
    .from(semanticRules)
    .where(and(eq(semanticRules.brandId, brandId), eq(semanticRules.enabled, true)));
}

/** A stamp that changes whenever the brand's rules do: compiled matchers are cached by it. */
export async function rulesStamp(db: TExecutor, brandId: string): Promise<string> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, at: sql<string | null>`max(${semanticRules.updatedAt})::text` })
    .from(semanticRules)
    .where(eq(semanticRules.brandId, brandId));
  return `${row?.n ?? 0}@${row?.at ?? ""}`;
}

export type TExistingMention = {
  id: string;
  sourceKind: string;
  externalId: string;
  contentHash: string;
  ratingValue: number | null;
  revision: number;
  title: string | null;
  text: string;
  sourceUpdatedAt: Date | null;
  sentimentOrigin: string | null;
  sentiment: TSentiment | null;
  negativeTypeOrigin: string | null;
  ownerReply: Record<string, string> | null;
};

export async function existingByIdentity(db: TExecutor, brandId: string, sourceKind: string, externalIds: readonly string[]): Promise<TExistingMention[]> {
  if (externalIds.length === 0) return [];
  return db
    .select({
      id: mentions.id,
      sourceKind: mentions.sourceKind,
      externalId: mentions.externalId,
      contentHash: mentions.contentHash,
      ratingValue: mentions.ratingValue,
      revision: mentions.revision,
      title: mentions.title,
      text: mentions.text,
      sourceUpdatedAt: mentions.sourceUpdatedAt,
      sentimentOrigin: mentions.sentimentOrigin,
      sentiment: mentions.sentiment,
      negativeTypeOrigin: mentions.negativeTypeOrigin,
      ownerReply: mentions.ownerReply,
    })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), eq(mentions.sourceKind, sourceKind), inArray(mentions.externalId, [...externalIds])));
}

/** URL keys already held by a post or article of the brand (cross-source duplicates). */
export async function takenUrlKeys(db: TExecutor, brandId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: mentions.urlKey })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), inArray(mentions.urlKey, [...keys]), inArray(mentions.kind, ["post", "article"])));
  return new Set(rows.map((r) => r.key).filter((k): k is string => k !== null));
}

export type TClusterCandidate = { id: string; clusterId: string; contentHash: string; simhash: string | null };

/** Mentions with the same content hash or sharing a SimHash band: near-duplicate candidates. */
export async function clusterCandidates(db: TExecutor, brandId: string, hashes: readonly string[], bands: readonly string[]): Promise<TClusterCandidate[]> {
  const columns = { id: mentions.id, clusterId: mentions.clusterId, contentHash: mentions.contentHash, simhash: mentions.simhash };
  const byHash = hashes.length
    ? await db.select(columns).from(mentions).where(and(eq(mentions.brandId, brandId), inArray(mentions.contentHash, [...hashes])))
    : [];
  const byBand = bands.length
    ? await db
        .selectDistinct(columns)
        .from(mentionBands)
        .innerJoin(mentions, eq(mentions.id, mentionBands.mentionId))
        .where(and(eq(mentionBands.brandId, brandId), inArray(mentionBands.band, [...bands])))
    : [];
  return [...byHash, ...byBand];
}

const CHUNK = 1000;

/** Columns written on insert (the generated search vector is computed by the database). */
const MENTION_COLUMNS = Object.entries(getTableColumns(mentions)).filter(([key]) => key !== "search");
const MENTION_COLUMN_LIST = sql.join(
  MENTION_COLUMNS.map(([, column]) => sql.identifier(column.name)),
  sql`, `,
);
/** What an omitted column would default to: jsonb_populate_recordset fills omissions with NULL. */
const MENTION_DEFAULTS: Partial<Record<keyof TMentionInsert, unknown>> = {
  status: "new",
  tags: [],
  revision: 1,
  authorIsOwner: false,
  matchedGroups: [],
  matches: [],
};

/**
 * Many rows in one statement with one parameter: the rows travel as a JSON array and
 * PostgreSQL spreads it into the table's row type. Building a 50-column multi-row VALUES list
 * costs more in the driver than the insert costs in the database.
 */
export async function insertMentions(db: TExecutor, rows: readonly TMentionInsert[]): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const records = rows.slice(i, i + CHUNK).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, column] of MENTION_COLUMNS) {
        const value = row[key as keyof TMentionInsert];
        record[column.name] = value === undefined ? (MENTION_DEFAULTS[key as keyof TMentionInsert] ?? null) : value;
      }
      return record;
    });
    const result = (await db.execute(
      sql`insert into mentions (${MENTION_COLUMN_LIST}) select ${MENTION_COLUMN_LIST} from jsonb_populate_recordset(null::mentions, ${JSON.stringify(records)}::jsonb) on conflict do nothing returning id`,
    )) as unknown as { rows: { id: string }[] };
    for (const row of result.rows) inserted.push(row.id);
  }
  return inserted;
}

/** Advisory lock class of "one page per brand at a time" (the second key is the brand). */
const INGEST_LOCK_CLASS = 7_301;

/** Held until the transaction ends: pages of one brand are stored one at a time, other brands' in parallel. */
export async function lockBrandForIngest(db: TExecutor, brandId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK_CLASS}, hashtext(${brandId}))`);
}

export async function insertBands(db: TExecutor, rows: readonly { brandId: string; band: string; mentionId: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK * 4) {
    const records = rows.slice(i, i + CHUNK * 4).map((r) => ({ brand_id: r.brandId, band: r.band, mention_id: r.mentionId }));
    await db.execute(
      sql`insert into mention_bands (brand_id, band, mention_id) select brand_id, band, mention_id from jsonb_populate_recordset(null::mention_bands, ${JSON.stringify(records)}::jsonb) on conflict do nothing`,
    );
  }
}

export async function insertRevision(db: TExecutor, row: typeof mentionRevisions.$inferInsert): Promise<void> {
  await db.insert(mentionRevisions).values(row).onConflictDoNothing();
}

export async function updateMention(db: TExecutor, id: string, patch: Partial<TMentionInsert>): Promise<void> {
  await db.update(mentions).set(patch).where(eq(mentions.id, id));
}

export async function replaceBands(db: TExecutor, brandId: string, mentionId: string, bands: readonly string[]): Promise<void> {
  await db.delete(mentionBands).where(eq(mentionBands.mentionId, mentionId));
  if (bands.length) await insertBands(db, bands.map((band) => ({ brandId, band, mentionId })));
}

// ---------- sources: sync state ----------

export async function sourceForSync(db: TExecutor, sourceId: string, lock: boolean) {
  const query = db.select().from(sources).where(eq(sources.id, sourceId)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function saveSourceCursor(db: TExecutor, sourceId: string, cursor: string | null, collected: number, newestItemAt: Date | null): Promise<void> {
  await db
    .update(sources)
    .set({
      cursor,
      itemsCollected: sql`${sources.itemsCollected} + ${collected}`,
      lastItemAt: newestItemAt ? sql`greatest(${sources.lastItemAt}, ${newestItemAt.toISOString()}::timestamptz)` : undefined,
    })
    .where(eq(sources.id, sourceId));
}

export async function markSourceRun(db: TExecutor, sourceId: string, patch: Partial<typeof sources.$inferInsert>): Promise<void> {
  await db.update(sources).set(patch).where(eq(sources.id, sourceId));
}

/** Active sources whose next run is due, oldest first. */
export async function dueSources(db: TExecutor, now: Date, limit: number) {
  return db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.status, "active"), sql`${sources.nextRunAt} <= ${now.toISOString()}::timestamptz`))
    .orderBy(sources.nextRunAt)
    .limit(limit);
}

// ---------- reading back (tests, evidence) ----------

export async function brandMentions(db: TExecutor, brandId: string) {
  return db.select().from(mentions).where(eq(mentions.brandId, brandId)).orderBy(mentions.publishedAt, mentions.externalId);
}

export async function mentionHistory(db: TExecutor, mentionId: string) {
  return db.select().from(mentionRevisions).where(eq(mentionRevisions.mentionId, mentionId)).orderBy(mentionRevisions.revision);
}
