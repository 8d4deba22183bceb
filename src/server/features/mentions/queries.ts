import { type SQL, and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TExecutor } from "../../context.ts";
import { users } from "../../db/schema/accounts.ts";
import { type TMentionStatus, type TSentiment, mentionRevisions, mentions, sources } from "../../db/schema/monitoring.ts";
import { type TSearch, type TSearchTerm, isSafeSearchWord } from "./search-query.ts";

/** What the feed is narrowed to; every field but the brand is optional. */
export type TFeedFilter = {
  brandId: string;
  search: TSearch | null;
  from?: Date;
  /** Inclusive. */
  to?: Date;
  sourceKinds?: readonly string[];
  sourceIds?: readonly string[];
  sites?: readonly string[];
  sentiments?: readonly (TSentiment | "unlabelled")[];
  groups?: readonly string[];
  langs?: readonly string[];
  /** Unset = every status but `irrelevant`. */
  statuses?: readonly TMentionStatus[];
  matched?: boolean;
};

/** Filter dimensions the facets count over (each without its own filter). */
export type TFacetDimension = "sourceKind" | "sourceId" | "site" | "sentiment" | "group" | "lang" | "status";

/** The other copies of a mention's cluster, as a second reference to the same table. */
const COPY_ALIAS = "copy";
const copy = alias(mentions, COPY_ALIAS);
type TMentionsTable = typeof mentions | typeof copy;

/** The facets' scanned rows, as a CTE whose columns are named as the table's. */
const FACET_BASE = "facet_base";
const facetBase = alias(mentions, FACET_BASE);
type TFacetColumns = TMentionsTable | typeof facetBase;

const CONFIGS = ["russian", "english", "simple"] as const;

// ---------- full-text search ----------

/**
 * One word in every configuration: Russian and English stemming plus the word as written
 * (names, transliterations, words neither stemmer knows). The word is a bound parameter and,
 * being letters and digits only, cannot carry tsquery syntax; the operators around it are ours.
 */
function wordTsquery(word: string, prefix: boolean): SQL {
  if (!isSafeSearchWord(word)) throw new Error(`unsafe search word ${JSON.stringify(word)}`);
  const lexeme = prefix ? `${word}:*` : word;
  return sql`(${sql.join(
    CONFIGS.map((config) => sql`to_tsquery(${sql.raw(`'${config}'`)}::regconfig, ${lexeme})`),
    sql` || `,
  )})`;
}

function termTsquery(term: TSearchTerm): SQL {
  const [first, ...rest] = term.words.map((w) => wordTsquery(w, term.prefix));
  if (!first) throw new Error("empty search term");
  return rest.reduce((phrase, next) => sql`tsquery_phrase(${phrase}, ${next})`, first);
}

/** The search as one tsquery expression: clauses ANDed, alternatives ORed, exclusions negated. */
export function searchTsquery(search: TSearch): SQL | undefined {
  const parts: SQL[] = [];
  for (const clause of search.all) {
    const alternatives = clause.map(termTsquery);
    if (alternatives.length) parts.push(sql`(${sql.join(alternatives, sql` || `)})`);
  }
  for (const term of search.none) parts.push(sql`(!! ${termTsquery(term)})`);
  if (parts.length === 0) return undefined;
  return sql`(${sql.join(parts, sql` && `)})`;
}

// ---------- filters ----------

const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** What narrows the scope before any facet: the brand, the period, the search, the match. */
function scopeConditions(t: TMentionsTable, filter: TFeedFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(t.brandId, filter.brandId)];
  if (filter.from) conditions.push(gte(t.publishedAt, filter.from));
  if (filter.to) conditions.push(lte(t.publishedAt, filter.to));
  if (filter.matched !== undefined) conditions.push(eq(t.matched, filter.matched));
  const tsquery = filter.search ? searchTsquery(filter.search) : undefined;
  if (tsquery) conditions.push(sql`${t.search} @@ ${tsquery}`);
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** The filters the facets count over, each of which can be left out (`omit`). */
function facetConditions(t: TFacetColumns, filter: TFeedFilter, omit?: TFacetDimension): SQL[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.sourceKinds?.length && omit !== "sourceKind") conditions.push(inArray(t.sourceKind, [...filter.sourceKinds]));
  if (filter.sourceIds?.length && omit !== "sourceId") conditions.push(inArray(t.sourceId, [...filter.sourceIds]));
  if (filter.sites?.length && omit !== "site") conditions.push(inArray(t.site, [...filter.sites]));
  if (filter.sentiments?.length && omit !== "sentiment") {
    const labels = filter.sentiments.filter((s): s is TSentiment => s !== "unlabelled");
    conditions.push(
      or(labels.length ? inArray(t.sentiment, labels) : undefined, filter.sentiments.includes("unlabelled") ? isNull(t.sentiment) : undefined),
    );
  }
  if (filter.groups?.length && omit !== "group") conditions.push(sql`${t.matchedGroups} && ${textArray(filter.groups)}`);
  if (filter.langs?.length && omit !== "lang") conditions.push(inArray(t.lang, [...filter.langs]));
  if (omit !== "status") {
    conditions.push(filter.statuses?.length ? inArray(t.status, [...filter.statuses]) : ne(t.status, "irrelevant"));
  }
  return conditions.filter((c): c is SQL => c !== undefined);
}

function filterConditions(t: TMentionsTable, filter: TFeedFilter): SQL[] {
  return [...scopeConditions(t, filter), ...facetConditions(t, filter)];
}

/**
 * Folded feeds show one row per copy cluster: the cluster's earliest mention among those the
 * filter lets through (the original, or the first copy inside the period). A row is that
 * representative when no earlier matching row of its cluster exists — an index probe on
 * `cluster_id` per row, cheap because almost every cluster is a single mention.
 */
function isClusterRepresentative(filter: TFeedFilter): SQL {
  const earlier = and(
    eq(copy.clusterId, mentions.clusterId),
    ne(copy.id, mentions.id),
    or(sql`${copy.publishedAt} < ${mentions.publishedAt}`, and(sql`${copy.publishedAt} = ${mentions.publishedAt}`, sql`${copy.id} < ${mentions.id}`)),
    ...filterConditions(copy, filter),
  );
  return sql`not exists (select 1 from ${mentions} as ${sql.identifier(COPY_ALIAS)} where ${earlier})`;
}

export type TFeedKey = { at: string; id: string };

/**
 * Feed order: newest first, ties broken by id ascending — exactly the order of the index
 * `(brand_id, published_at desc nulls last, id)`, so a page is a short index range scan. Any other
 * spelling (`id desc`, or plain `desc`, which means nulls first) makes PostgreSQL sort every row of
 * the brand: seconds at a million mentions.
 */
const FEED_ORDER = [sql`${mentions.publishedAt} desc nulls last`, asc(mentions.id)];

/** Rows strictly after the key in feed order. */
function afterKey(key: TFeedKey): SQL {
  return sql`(${mentions.publishedAt} <= ${key.at}::timestamptz and (${mentions.publishedAt} < ${key.at}::timestamptz or ${mentions.id} > ${key.id}::uuid))`;
}

function feedWhere(filter: TFeedFilter, folded: boolean, after?: TFeedKey): SQL | undefined {
  return and(...filterConditions(mentions, filter), folded ? isClusterRepresentative(filter) : undefined, after ? afterKey(after) : undefined);
}

/** The instant as stored, to the microsecond, UTC: fixed width, so it sorts as text. */
const publishedKey = sql<string>`to_char(${mentions.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Everything the feed shows of a mention (not the raw platform object, not the tsvector). */
export const feedColumns = {
  id: mentions.id,
  sourceKind: mentions.sourceKind,
  sourceId: mentions.sourceId,
  sourceName: sources.name,
  origin: mentions.origin,
  kind: mentions.kind,
  url: mentions.url,
  site: mentions.site,
  target: mentions.target,
  parentUrl: mentions.parentUrl,
  authorName: mentions.authorName,
  authorHandle: mentions.authorHandle,
  authorUrl: mentions.authorUrl,
  authorIsOwner: mentions.authorIsOwner,
  title: mentions.title,
  text: mentions.text,
  pros: mentions.pros,
  cons: mentions.cons,
  lang: mentions.lang,
  ratingValue: mentions.ratingValue,
  ratingScale: mentions.ratingScale,
  publishedAt: mentions.publishedAt,
  /** The exact stored instant (microseconds), for the keyset cursor. */
  publishedKey,
  firstSeenAt: mentions.firstSeenAt,
  metrics: mentions.metrics,
  ownerReply: mentions.ownerReply,
  replyCapability: mentions.replyCapability,
  clusterId: mentions.clusterId,
  matched: mentions.matched,
  matchedGroups: mentions.matchedGroups,
  matches: mentions.matches,
  sentiment: mentions.sentiment,
  sentimentConfidence: mentions.sentimentConfidence,
  sentimentOrigin: mentions.sentimentOrigin,
  sentimentAt: mentions.sentimentAt,
  negativeType: mentions.negativeType,
  negativeTypeConfidence: mentions.negativeTypeConfidence,
  negativeTypeOrigin: mentions.negativeTypeOrigin,
  aspects: mentions.aspects,
  status: mentions.status,
  tags: mentions.tags,
  revision: mentions.revision,
};

export type TFeedRow = Awaited<ReturnType<typeof listFeedRows>>[number];

/**
 * One page of the feed in feed order, by walking the date index; ask for one more than you show
 * to learn if more exist. Only for filters known to match many rows (more than the count cap):
 * then a page is found within a few thousand index entries, while the planner, misjudging how
 * many rows a prefix search matches, would rather build a bitmap of every match and sort it. So
 * bitmap and sequential scans are switched off for this one query, in its own transaction.
 */
export async function listFeedRows(db: TExecutor, filter: TFeedFilter, options: { folded: boolean; after?: TFeedKey; limit: number }) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx
      .select(feedColumns)
      .from(mentions)
      .leftJoin(sources, eq(sources.id, mentions.sourceId))
      .where(feedWhere(filter, options.folded, options.after))
      .orderBy(...FEED_ORDER)
      .limit(options.limit);
  });
}

/**
 * The keys of the rows (folded: cluster representatives) the filter lets through, in no order and
 * no more than `cap + 1` of them: how many there are, exactly up to the cap, and — when that is
 * all of them — everything needed to page through them without asking PostgreSQL to order. With
 * no ORDER BY the planner takes the cheapest way to find matches (the GIN index for a rare word)
 * instead of walking the date index past a million rows that do not match.
 */
export async function feedKeys(db: TExecutor, filter: TFeedFilter, options: { folded: boolean; cap: number }): Promise<TFeedKey[]> {
  return db
    .select({ id: mentions.id, at: publishedKey })
    .from(mentions)
    .where(feedWhere(filter, options.folded))
    .limit(options.cap + 1);
}

/** Feed rows by id, this brand's only, in no particular order. */
export async function feedRowsByIds(db: TExecutor, brandId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select(feedColumns)
    .from(mentions)
    .leftJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(eq(mentions.brandId, brandId), inArray(mentions.id, [...ids])));
}

/** Members of each cluster that the filter lets through (the representative included). */
export async function clusterSizes(db: TExecutor, filter: TFeedFilter, clusterIds: readonly string[]): Promise<Map<string, number>> {
  if (clusterIds.length === 0) return new Map();
  const rows = await db
    .select({ clusterId: mentions.clusterId, n: count() })
    .from(mentions)
    .where(and(inArray(mentions.clusterId, [...clusterIds]), ...filterConditions(mentions, filter)))
    .groupBy(mentions.clusterId);
  return new Map(rows.map((r) => [r.clusterId, r.n]));
}

// ---------- one mention ----------

export async function findMention(db: TExecutor, brandId: string, mentionId: string) {
  const [row] = await db
    .select({ ...feedColumns, originalUrl: mentions.originalUrl, externalId: mentions.externalId, sourceUpdatedAt: mentions.sourceUpdatedAt, changedAt: mentions.changedAt, sentimentModel: mentions.sentimentModel, sentimentByName: users.name })
    .from(mentions)
    .leftJoin(sources, eq(sources.id, mentions.sourceId))
    .leftJoin(users, eq(users.id, mentions.sentimentBy))
    .where(and(eq(mentions.brandId, brandId), eq(mentions.id, mentionId)))
    .limit(1);
  return row;
}

/** Earlier texts of a mention, oldest first. */
export async function mentionRevisionRows(db: TExecutor, mentionId: string) {
  return db
    .select({
      revision: mentionRevisions.revision,
      title: mentionRevisions.title,
      text: mentionRevisions.text,
      ratingValue: mentionRevisions.ratingValue,
      sourceUpdatedAt: mentionRevisions.sourceUpdatedAt,
      recordedAt: mentionRevisions.recordedAt,
    })
    .from(mentionRevisions)
    .where(eq(mentionRevisions.mentionId, mentionId))
    .orderBy(asc(mentionRevisions.revision));
}

/** The other members of a copy cluster, oldest first, whatever their status. */
export async function clusterMembers(db: TExecutor, brandId: string, clusterId: string, exceptId: string, limit: number) {
  const where = and(eq(mentions.brandId, brandId), eq(mentions.clusterId, clusterId), ne(mentions.id, exceptId));
  const rows = await db
    .select({
      id: mentions.id,
      sourceKind: mentions.sourceKind,
      sourceName: sources.name,
      url: mentions.url,
      site: mentions.site,
      title: mentions.title,
      authorName: mentions.authorName,
      publishedAt: mentions.publishedAt,
      sentiment: mentions.sentiment,
      status: mentions.status,
    })
    .from(mentions)
    .leftJoin(sources, eq(sources.id, mentions.sourceId))
    .where(where)
    .orderBy(asc(mentions.publishedAt), asc(mentions.id))
    .limit(limit);
  const [total] = await db.select({ n: count() }).from(mentions).where(where);
  return { rows, total: total?.n ?? 0 };
}

// ---------- bulk changes ----------

/** Only this brand's rows among `ids` are touched; returns the ids that were. */
function inBrand(brandId: string, ids: readonly string[]): SQL | undefined {
  return and(eq(mentions.brandId, brandId), inArray(mentions.id, [...ids]));
}

export async function setMentionsStatus(db: TExecutor, brandId: string, ids: readonly string[], status: TMentionStatus): Promise<string[]> {
  const rows = await db.update(mentions).set({ status }).where(inBrand(brandId, ids)).returning({ id: mentions.id });
  return rows.map((r) => r.id);
}

export async function addMentionsTag(db: TExecutor, brandId: string, ids: readonly string[], tag: string): Promise<string[]> {
  const rows = await db
    .update(mentions)
    .set({ tags: sql`case when ${tag}::text = any(${mentions.tags}) then ${mentions.tags} else array_append(${mentions.tags}, ${tag}::text) end` })
    .where(inBrand(brandId, ids))
    .returning({ id: mentions.id });
  return rows.map((r) => r.id);
}

export async function removeMentionsTag(db: TExecutor, brandId: string, ids: readonly string[], tag: string): Promise<string[]> {
  const rows = await db
    .update(mentions)
    .set({ tags: sql`array_remove(${mentions.tags}, ${tag}::text)` })
    .where(inBrand(brandId, ids))
    .returning({ id: mentions.id });
  return rows.map((r) => r.id);
}

// ---------- facets ----------

export type TFacetCount = { value: string; label: string | null; count: number };
export type TFacetRow = { dim: TFacetDimension | "scanned"; value: string | null; label: string | null; n: number };

/**
 * Counts per value of every facet dimension, each over the filter without that dimension's own
 * condition, in one statement: the rows in scope (brand, period, search, match) are read once,
 * at most `scanCap` of them, into a CTE, and each dimension is counted from it. The cap bounds
 * the work on a brand with millions of mentions; the `scanned` row says how many were in scope
 * (one more than the cap when there were more).
 */
export async function facetCounts(db: TExecutor, filter: TFeedFilter, limits: Record<TFacetDimension, number>, scanCap: number): Promise<TFacetRow[]> {
  const b = facetBase;
  const where = (dim: TFacetDimension) => {
    const conditions = facetConditions(b, filter, dim);
    return conditions.length ? sql`where ${and(...conditions)}` : sql``;
  };
  const plain = (dim: TFacetDimension, column: SQL, extra?: SQL) => {
    const conditions = [...facetConditions(b, filter, dim), ...(extra ? [extra] : [])];
    return sql`(select ${dim}::text as dim, ${column}::text as value, null::text as label, count(*)::int as n
      from ${sql.identifier(FACET_BASE)} ${conditions.length ? sql`where ${and(...conditions)}` : sql``}
      group by 2 order by 4 desc, 2 limit ${limits[dim]})`;
  };
  const parts = [
    sql`(select 'scanned'::text as dim, null::text as value, null::text as label, count(*)::int as n from facet_probe)`,
    plain("sourceKind", sql`${b.sourceKind}`),
    plain("site", sql`${b.site}`, sql`${b.site} is not null`),
    plain("sentiment", sql`coalesce(${b.sentiment}, 'unlabelled')`),
    plain("lang", sql`${b.lang}`, sql`${b.lang} is not null`),
    plain("status", sql`${b.status}`),
    sql`(select 'group'::text as dim, g.value::text as value, null::text as label, count(*)::int as n
      from ${sql.identifier(FACET_BASE)} cross join lateral unnest(${b.matchedGroups}) as g(value) ${where("group")}
      group by 2 order by 4 desc, 2 limit ${limits.group})`,
    sql`(select 'sourceId'::text as dim, ${b.sourceId}::text as value, min(${sources.name}) as label, count(*)::int as n
      from ${sql.identifier(FACET_BASE)} join ${sources} on ${sources.id} = ${b.sourceId} ${where("sourceId")}
      group by 2 order by 4 desc, 2 limit ${limits.sourceId})`,
  ];
  const result = await db.execute(sql`
    with facet_probe as materialized (
      select ${mentions.sourceKind}, ${mentions.sourceId}, ${mentions.site}, ${mentions.sentiment}, ${mentions.lang}, ${mentions.status}, ${mentions.matchedGroups}
      from ${mentions} where ${and(...scopeConditions(mentions, filter))}
      limit ${scanCap + 1}
    ), ${sql.identifier(FACET_BASE)} as materialized (select * from facet_probe limit ${scanCap})
    ${sql.join(parts, sql` union all `)}`);
  return (result as unknown as { rows: TFacetRow[] }).rows;
}
