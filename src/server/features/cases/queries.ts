import { type SQL, and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { brands, grants, users } from "../../db/schema/accounts.ts";
import { type TCaseState, caseEvents, caseRules, cases } from "../../db/schema/cases.ts";
import { brandClassifiers } from "../../db/schema/classification.ts";
import { type TNegativeType, mentions, sources } from "../../db/schema/monitoring.ts";
import { OPEN_STATES } from "./case-state.ts";

export type TCaseRow = typeof cases.$inferSelect;
export type TCaseInsert = typeof cases.$inferInsert;

// ---------- brand, people, rules ----------

export async function brandInfo(db: TExecutor, brandId: string) {
  const [row] = await db.select({ id: brands.id, name: brands.name, workspaceId: brands.workspaceId }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row;
}

/** Everyone whose grants reach the brand, one row per grant (the caller keeps each person's strongest role). */
export async function brandMemberRows(db: TExecutor, brandId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale, role: grants.role })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .innerJoin(
      brands,
      and(
        eq(brands.id, brandId),
        eq(brands.workspaceId, users.workspaceId),
        or(and(isNull(grants.clientId), isNull(grants.brandId)), eq(brands.clientId, grants.clientId), eq(brands.id, grants.brandId)),
      ),
    );
}

export async function userNames(db: TExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The brand's OpenAI-compatible provider settings, as stored (null when none). */
export async function brandProviderSettings(db: TExecutor, brandId: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ provider: brandClassifiers.provider }).from(brandClassifiers).where(eq(brandClassifiers.brandId, brandId)).limit(1);
  return row?.provider ?? null;
}

export async function caseRulesRow(db: TExecutor, brandId: string) {
  const [row] = await db.select().from(caseRules).where(eq(caseRules.brandId, brandId)).limit(1);
  return row;
}

export async function upsertCaseRules(db: TExecutor, values: typeof caseRules.$inferInsert) {
  const { brandId: _brandId, ...patch } = values;
  const [row] = await db.insert(caseRules).values(values).onConflictDoUpdate({ target: caseRules.brandId, set: patch }).returning();
  if (!row) throw new Error("case rules upsert returned nothing");
  return row;
}

// ---------- mentions a case is about ----------

/** What the rules and a new case need of each mention, this brand's only. */
export async function mentionsForCases(db: TExecutor, brandId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: mentions.id,
      clusterId: mentions.clusterId,
      publishedAt: mentions.publishedAt,
      sentiment: mentions.sentiment,
      sentimentConfidence: mentions.sentimentConfidence,
      sentimentOrigin: mentions.sentimentOrigin,
      negativeType: mentions.negativeType,
      sourceKind: mentions.sourceKind,
      status: mentions.status,
      authorIsOwner: mentions.authorIsOwner,
    })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), inArray(mentions.id, [...ids])));
}

/** Everything a case view shows of its mention. */
export const caseMentionColumns = {
  id: mentions.id,
  externalId: mentions.externalId,
  sourceKind: mentions.sourceKind,
  sourceId: mentions.sourceId,
  kind: mentions.kind,
  url: mentions.url,
  originalUrl: mentions.originalUrl,
  site: mentions.site,
  title: mentions.title,
  text: mentions.text,
  pros: mentions.pros,
  cons: mentions.cons,
  lang: mentions.lang,
  authorExternalId: mentions.authorExternalId,
  authorName: mentions.authorName,
  authorHandle: mentions.authorHandle,
  authorUrl: mentions.authorUrl,
  ratingValue: mentions.ratingValue,
  ratingScale: mentions.ratingScale,
  publishedAt: mentions.publishedAt,
  sentiment: mentions.sentiment,
  sentimentConfidence: mentions.sentimentConfidence,
  sentimentOrigin: mentions.sentimentOrigin,
  negativeType: mentions.negativeType,
  negativeTypeConfidence: mentions.negativeTypeConfidence,
  negativeTypeOrigin: mentions.negativeTypeOrigin,
  aspects: mentions.aspects,
  replyCapability: mentions.replyCapability,
  replyTarget: mentions.replyTarget,
  ownerReply: mentions.ownerReply,
  revision: mentions.revision,
  clusterId: mentions.clusterId,
  sourceName: sources.name,
  sourceConnector: sources.connector,
};

// ---------- cases ----------

/** Inserts unless the cluster already has a case; returns the new row or undefined. */
export async function insertCase(db: TExecutor, values: TCaseInsert): Promise<TCaseRow | undefined> {
  const [row] = await db.insert(cases).values(values).onConflictDoNothing({ target: [cases.brandId, cases.clusterId] }).returning();
  return row;
}

export async function findCaseByCluster(db: TExecutor, brandId: string, clusterId: string): Promise<TCaseRow | undefined> {
  const [row] = await db.select().from(cases).where(and(eq(cases.brandId, brandId), eq(cases.clusterId, clusterId))).limit(1);
  return row;
}

export async function findCase(db: TExecutor, brandId: string, caseId: string, lock = false): Promise<TCaseRow | undefined> {
  const query = db.select().from(cases).where(and(eq(cases.brandId, brandId), eq(cases.id, caseId))).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function updateCase(db: TExecutor, caseId: string, patch: Partial<TCaseInsert>): Promise<TCaseRow> {
  const [row] = await db.update(cases).set(patch).where(eq(cases.id, caseId)).returning();
  if (!row) throw new Error(`case ${caseId} vanished`);
  return row;
}

/** Claims the case for one publication call: false while another call's claim is fresher than `staleBefore`. */
export async function claimPublishing(db: TExecutor, caseId: string, now: Date, staleBefore: Date): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set({ publishingSince: now })
    .where(and(eq(cases.id, caseId), or(isNull(cases.publishingSince), lt(cases.publishingSince, staleBefore))))
    .returning({ id: cases.id });
  return rows.length > 0;
}

export async function caseWithMention(db: TExecutor, brandId: string, caseId: string) {
  const [row] = await db
    .select({ c: cases, m: caseMentionColumns })
    .from(cases)
    .innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .leftJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(eq(cases.brandId, brandId), eq(cases.id, caseId)))
    .limit(1);
  return row;
}

export type TCaseWithMention = NonNullable<Awaited<ReturnType<typeof caseWithMention>>>;

export type TCaseFilter = {
  brandId: string;
  states?: readonly TCaseState[];
  /** "none" = a case whose mention has no type. */
  negativeTypes?: readonly (TNegativeType | "none")[];
  sourceKinds?: readonly string[];
  assigneeId?: string | null;
  overdue?: boolean;
  now: Date;
};

const openStates = () => inArray(cases.state, [...OPEN_STATES]);
const overdueCondition = (now: Date) => and(openStates(), lt(cases.dueAt, now));

function filterConditions(filter: TCaseFilter): SQL[] {
  const conditions: (SQL | undefined)[] = [eq(cases.brandId, filter.brandId)];
  if (filter.states?.length) conditions.push(inArray(cases.state, [...filter.states]));
  if (filter.negativeTypes?.length) {
    const types = filter.negativeTypes.filter((t): t is TNegativeType => t !== "none");
    conditions.push(or(types.length ? inArray(mentions.negativeType, types) : undefined, filter.negativeTypes.includes("none") ? isNull(mentions.negativeType) : undefined));
  }
  if (filter.sourceKinds?.length) conditions.push(inArray(mentions.sourceKind, [...filter.sourceKinds]));
  if (filter.assigneeId !== undefined) conditions.push(filter.assigneeId === null ? isNull(cases.assigneeId) : eq(cases.assigneeId, filter.assigneeId));
  if (filter.overdue === true) conditions.push(overdueCondition(filter.now));
  if (filter.overdue === false) conditions.push(or(notInArray(cases.state, [...OPEN_STATES]), gte(cases.dueAt, filter.now)));
  return conditions.filter((c): c is SQL => c !== undefined);
}

export async function listCaseRows(db: TExecutor, filter: TCaseFilter, page: { sort: "opened" | "due"; limit: number; offset: number }) {
  const order = page.sort === "due" ? [asc(cases.dueAt), asc(cases.id)] : [desc(cases.openedAt), desc(cases.id)];
  return db
    .select({ c: cases, m: caseMentionColumns })
    .from(cases)
    .innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .leftJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(...filterConditions(filter)))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset);
}

export async function countCases(db: TExecutor, filter: TCaseFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .where(and(...filterConditions(filter)));
  return row?.n ?? 0;
}

/** Per state, plus overdue and unassigned open cases, for the section's tabs. */
export async function caseStateCounts(db: TExecutor, brandId: string, now: Date) {
  const byState = await db.select({ state: cases.state, n: count() }).from(cases).where(eq(cases.brandId, brandId)).groupBy(cases.state);
  const [extra] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})::int`,
      unassigned: sql<number>`count(*) filter (where ${and(openStates(), isNull(cases.assigneeId))})::int`,
    })
    .from(cases)
    .where(eq(cases.brandId, brandId));
  return { byState, overdue: Number(extra?.overdue ?? 0), unassigned: Number(extra?.unassigned ?? 0) };
}

/** The main menu's live counter: new (untouched) cases, open cases and overdue ones per brand. */
export async function liveCaseCounts(db: TExecutor, brandIds: readonly string[], now: Date) {
  if (brandIds.length === 0) return [];
  return db
    .select({
      brandId: cases.brandId,
      newCases: sql<number>`count(*) filter (where ${cases.state} = 'new')::int`,
      open: sql<number>`count(*) filter (where ${openStates()})::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})::int`,
    })
    .from(cases)
    .where(inArray(cases.brandId, [...brandIds]))
    .groupBy(cases.brandId);
}

// ---------- transitions ----------

export async function insertCaseEvent(db: TExecutor, event: typeof caseEvents.$inferInsert): Promise<void> {
  await db.insert(caseEvents).values(event);
}

export async function listCaseEvents(db: TExecutor, caseId: string) {
  return db
    .select({
      id: caseEvents.id,
      action: caseEvents.action,
      fromState: caseEvents.fromState,
      toState: caseEvents.toState,
      reason: caseEvents.reason,
      actorUserId: caseEvents.actorUserId,
      actorLabel: caseEvents.actorLabel,
      actorName: users.name,
      via: caseEvents.via,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

// ---------- the card ----------

/** Other mentions of the same author on the brand (same platform account, else same name on the same site), newest first. */
export async function mentionsBySameAuthor(
  db: TExecutor,
  brandId: string,
  m: { clusterId: string; sourceKind: string; site: string | null; authorExternalId: string | null; authorName: string | null },
  limit: number,
) {
  const sameAuthor = m.authorExternalId
    ? and(eq(mentions.sourceKind, m.sourceKind), eq(mentions.authorExternalId, m.authorExternalId))
    : m.authorName && m.site
      ? and(isNull(mentions.authorExternalId), eq(mentions.authorName, m.authorName), eq(mentions.site, m.site))
      : undefined;
  if (!sameAuthor) return [];
  return db
    .select({
      id: mentions.id,
      url: mentions.url,
      site: mentions.site,
      title: mentions.title,
      text: mentions.text,
      publishedAt: mentions.publishedAt,
      sentiment: mentions.sentiment,
      negativeType: mentions.negativeType,
      caseId: cases.id,
      caseState: cases.state,
    })
    .from(mentions)
    .leftJoin(cases, and(eq(cases.brandId, brandId), eq(cases.clusterId, mentions.clusterId)))
    .where(and(eq(mentions.brandId, brandId), ne(mentions.clusterId, m.clusterId), sameAuthor))
    .orderBy(desc(mentions.publishedAt), asc(mentions.id))
    .limit(limit);
}

// ---------- jobs ----------

/** Open cases past their due time whose overdue notice has not gone out, oldest first. */
export async function overdueCasesToNotify(db: TExecutor, now: Date, limit: number) {
  return db
    .select({ id: cases.id, brandId: cases.brandId })
    .from(cases)
    .where(and(isNull(cases.overdueNotifiedAt), overdueCondition(now)))
    .orderBy(asc(cases.dueAt))
    .limit(limit);
}

/** Marks the notice as sent; false when another worker did it first. */
export async function markOverdueNotified(db: TExecutor, caseId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set({ overdueNotifiedAt: now })
    .where(and(eq(cases.id, caseId), isNull(cases.overdueNotifiedAt)))
    .returning({ id: cases.id });
  return rows.length > 0;
}

/** Cases whose page (or published answer) still needs a screenshot. */
export async function casesNeedingScreenshots(db: TExecutor, limit: number, maxAttempts: number) {
  return db
    .select({ id: cases.id, brandId: cases.brandId })
    .from(cases)
    .where(
      or(
        and(eq(cases.screenshotStatus, "pending"), lt(cases.screenshotAttempts, maxAttempts)),
        and(eq(cases.confirmationScreenshotStatus, "pending"), isNotNull(cases.publishedUrl)),
      ),
    )
    .orderBy(asc(cases.openedAt))
    .limit(limit);
}

// ---------- KPIs ----------

const seconds = (later: SQL | typeof cases.publishedAt, earlier: typeof cases.openedAt) => sql`extract(epoch from (${later} - ${earlier}))`;

/**
 * Over the cases opened in [from, to) whose mention is negative: how long the first proposal,
 * the approval and the publication took after the case opened (median, p90, seconds), how many
 * needed a response (not "no response needed"), were answered (published), and were answered
 * by their due time.
 */
export async function caseKpiRow(db: TExecutor, brandId: string, from: Date, to: Date, now: Date) {
  const pct = (p: number, column: typeof cases.firstProposedAt) =>
    sql<number | null>`percentile_cont(${sql.raw(String(p))}) within group (order by ${seconds(column, cases.openedAt)}) filter (where ${column} is not null)`;
  const [row] = await db
    .select({
      opened: sql<number>`count(*)::int`,
      needingResponse: sql<number>`count(*) filter (where ${cases.state} <> 'no_response_needed')::int`,
      answered: sql<number>`count(*) filter (where ${cases.publishedAt} is not null)::int`,
      answeredWithinTarget: sql<number>`count(*) filter (where ${cases.publishedAt} is not null and ${cases.publishedAt} <= ${cases.dueAt})::int`,
      overdueOpen: sql<number>`count(*) filter (where ${overdueCondition(now)})::int`,
      proposalP50: pct(0.5, cases.firstProposedAt),
      proposalP90: pct(0.9, cases.firstProposedAt),
      approvalP50: pct(0.5, cases.approvedAt),
      approvalP90: pct(0.9, cases.approvedAt),
      publicationP50: pct(0.5, cases.publishedAt),
      publicationP90: pct(0.9, cases.publishedAt),
    })
    .from(cases)
    .innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .where(and(eq(cases.brandId, brandId), gte(cases.openedAt, from), lt(cases.openedAt, to), eq(mentions.sentiment, "negative")));
  return row;
}

// ---------- demo ----------

/** The newest negative mentions of a brand whose cluster has no case, one per cluster. */
export async function newestNegativesWithoutCase(db: TExecutor, brandId: string, limit: number) {
  const rows = await db
    .select({ id: mentions.id, clusterId: mentions.clusterId, publishedAt: mentions.publishedAt, negativeType: mentions.negativeType, url: mentions.url })
    .from(mentions)
    .leftJoin(cases, and(eq(cases.brandId, brandId), eq(cases.clusterId, mentions.clusterId)))
    .where(and(eq(mentions.brandId, brandId), eq(mentions.sentiment, "negative"), ne(mentions.status, "irrelevant"), isNull(cases.id)))
    .orderBy(desc(mentions.publishedAt), asc(mentions.id))
    .limit(limit * 3);
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.clusterId) && seen.add(r.clusterId)).slice(0, limit);
}
