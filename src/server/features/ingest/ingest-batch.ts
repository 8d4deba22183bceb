import { randomUUID } from "node:crypto";
import type { TExecutor } from "../../context.ts";
import type { TSentiment, TSentimentOrigin } from "../../db/schema/monitoring.ts";
import type { TBrandMatch, TBrandMatcher } from "./brand-matcher.ts";
import { CopyClusterIndex } from "./copy-clusters.ts";
import type { TNormalizedMention } from "./normalize-item.ts";
import {
  type TExistingMention,
  type TMentionInsert,
  clusterCandidates,
  existingByIdentity,
  insertBands,
  insertMentions,
  insertRevision,
  lockBrandForIngest,
  replaceBands,
  takenUrlKeys,
  updateMention,
} from "./queries.ts";
import { simhashBands } from "./simhash.ts";
import { describeMention } from "./describe-mention.ts";

/**
 * Stores one page of normalized items for a brand: new ones inserted, edited ones updated with
 * their previous text kept as a revision, repeats left alone. Runs inside the caller's
 * transaction, which also saves the source's cursor — a crash before commit loses the page and
 * its cursor together, so the page is fetched again and nothing is lost or doubled.
 */
export type TIngestClassifier = {
  id: string;
  version: string;
  classifyBatch(inputs: readonly { text: string; rating?: { value: number; scale: number } | null; lang?: string | null }[]): Promise<readonly { label: TSentiment; confidence: number }[]>;
};

type TVerdict = { label: TSentiment; confidence: number };

export type TIngestTarget = {
  brandId: string;
  sourceId: string | null;
  origin: "connector" | "import";
  /** Keep items no rule matched (own places, imports); otherwise they are dropped. */
  keepUnmatched: boolean;
  connectorVersion: string | null;
};

export type TIngestDeps = { matcher: TBrandMatcher; classifier: TIngestClassifier; now: Date };

export type TIngestStats = {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Not matched by the semantic core on a keyword source. */
  dropped: number;
  /** The same post or article already stored from another source (same canonical URL). */
  duplicates: number;
  /** Inserted into an existing copy cluster. */
  clustered: number;
  newestPublishedAt: Date | null;
};

export type TIngestResult = { stats: TIngestStats; insertedIds: string[]; updatedIds: string[] };

/** Item kinds whose URL is their own permalink; reviews and comments often share a page URL. */
const URL_IDENTIFIED = new Set(["post", "article"]);

export async function ingestBatch(
  tx: TExecutor,
  target: TIngestTarget,
  items: readonly TNormalizedMention[],
  deps: TIngestDeps,
): Promise<TIngestResult> {
  const stats: TIngestStats = { received: items.length, inserted: 0, updated: 0, unchanged: 0, dropped: 0, duplicates: 0, clustered: 0, newestPublishedAt: null };
  const unique = lastPerIdentity(items);
  stats.unchanged += items.length - unique.length;
  const existing = await loadExisting(tx, target.brandId, unique);

  const fresh: { item: TNormalizedMention; match: TBrandMatch }[] = [];
  const edits: { item: TNormalizedMention; match: TBrandMatch; before: TExistingMention }[] = [];
  for (const item of unique) {
    const before = existing.get(identity(item));
    if (before) {
      if (before.contentHash === item.contentHash && before.ratingValue === item.ratingValue) {
        stats.unchanged++;
        if (item.ownerReply && !sameRecord(item.ownerReply, before.ownerReply)) {
          await updateMention(tx, before.id, { ownerReply: item.ownerReply, changedAt: deps.now });
        }
        continue;
      }
      edits.push({ item, match: deps.matcher.match(item), before });
      continue;
    }
    const match = deps.matcher.match(item);
    if (!match.matched && !target.keepUnmatched) {
      stats.dropped++;
      continue;
    }
    fresh.push({ item, match });
  }

  // Classification is the CPU-heavy part: done before the brand lock, so another source of the
  // same brand can store its page meanwhile. A few items it labels may turn out to be URL copies.
  const verdicts = await deps.classifier.classifyBatch([...fresh, ...edits].map(({ item }) => classifyInput(item)));
  const labelled = fresh.map((entry, i) => ({ ...entry, verdict: verdicts[i] }));

  // From here to commit one page per brand at a time: URL copies and copy clusters are decided
  // against everything stored before, including a page another source stored a moment ago.
  await lockBrandForIngest(tx, target.brandId);
  const accepted = await withoutUrlDuplicates(tx, target.brandId, labelled);
  stats.duplicates += fresh.length - accepted.length;
  const insertedIds = await insertFresh(tx, target, accepted, deps, stats);
  const updatedIds: string[] = [];
  for (const [i, edit] of edits.entries()) {
    const verdict = verdicts[fresh.length + i];
    await applyEdit(tx, target.brandId, edit, verdict, deps);
    updatedIds.push(edit.before.id);
    stats.updated++;
  }
  for (const { item } of [...accepted, ...edits]) {
    if (!stats.newestPublishedAt || item.publishedAt > stats.newestPublishedAt) stats.newestPublishedAt = item.publishedAt;
  }
  return { stats, insertedIds, updatedIds };
}

/** Key order differs between what a connector builds and what jsonb gives back. */
function sameRecord(a: Record<string, string>, b: Record<string, string> | null): boolean {
  if (!b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function identity(item: { sourceKind: string; externalId: string }): string {
  return `${item.sourceKind}\u0000${item.externalId}`;
}

/** A page may list an item twice (overlapping windows); the last copy is the newest. */
function lastPerIdentity(items: readonly TNormalizedMention[]): TNormalizedMention[] {
  const map = new Map<string, TNormalizedMention>();
  for (const item of items) {
    const key = identity(item);
    map.delete(key);
    map.set(key, item);
  }
  return [...map.values()];
}

async function loadExisting(tx: TExecutor, brandId: string, items: readonly TNormalizedMention[]): Promise<Map<string, TExistingMention>> {
  const byKind = new Map<string, string[]>();
  for (const item of items) {
    const list = byKind.get(item.sourceKind);
    if (list) list.push(item.externalId);
    else byKind.set(item.sourceKind, [item.externalId]);
  }
  const found = new Map<string, TExistingMention>();
  for (const [kind, ids] of byKind) {
    for (const row of await existingByIdentity(tx, brandId, kind, ids)) found.set(identity(row), row);
  }
  return found;
}

async function withoutUrlDuplicates<T extends { item: TNormalizedMention }>(tx: TExecutor, brandId: string, fresh: readonly T[]): Promise<T[]> {
  const keys = fresh.filter(({ item }) => item.urlKey && URL_IDENTIFIED.has(item.kind)).map(({ item }) => item.urlKey as string);
  const taken = await takenUrlKeys(tx, brandId, keys);
  return fresh.filter(({ item }) => {
    if (!item.urlKey || !URL_IDENTIFIED.has(item.kind)) return true;
    if (taken.has(item.urlKey)) return false;
    taken.add(item.urlKey);
    return true;
  });
}

function classifyInput(item: TNormalizedMention) {
  const rating = item.ratingValue !== null && item.ratingScale ? { value: item.ratingValue, scale: item.ratingScale } : null;
  const text = [item.title, item.text, item.pros, item.cons].filter(Boolean).join("\n");
  return { text, rating, lang: item.lang };
}

/** Ratings at the ends of the scale decide the label; the middle is left to the text. */
function sentimentOrigin(item: TNormalizedMention): TSentimentOrigin {
  if (item.ratingValue === null || !item.ratingScale) return "model";
  const share = item.ratingValue / item.ratingScale;
  return share <= 0.4 || share >= 0.8 ? "rating" : "model";
}

async function insertFresh(
  tx: TExecutor,
  target: TIngestTarget,
  accepted: readonly { item: TNormalizedMention; match: TBrandMatch; verdict: TVerdict | undefined }[],
  deps: TIngestDeps,
  stats: TIngestStats,
): Promise<string[]> {
  if (accepted.length === 0) return [];
  const hashes = accepted.filter(({ item }) => item.simhash).map(({ item }) => item.contentHash);
  const bands = accepted.flatMap(({ item }) => item.bands);
  const clusters = new CopyClusterIndex(await clusterCandidates(tx, target.brandId, hashes, bands), (h) => simhashBands(h));
  const rows: TMentionInsert[] = [];
  for (const { item, match, verdict } of accepted) {
    const id = randomUUID();
    const clusterId = clusters.assign({ id, contentHash: item.contentHash, simhash: item.simhash, bands: item.bands });
    rows.push({
      ...columnsOf(item),
      id,
      brandId: target.brandId,
      sourceId: target.sourceId,
      origin: target.origin,
      sourceKind: item.sourceKind,
      externalId: item.externalId,
      clusterId,
      ...matchColumns(match),
      ...sentimentColumns(item, verdict, deps),
      ...describeMention(item, item.sentiment ?? verdict?.label ?? null, match.groups),
      connectorVersion: target.connectorVersion,
      raw: item.raw ?? null,
      firstSeenAt: deps.now,
      changedAt: deps.now,
    });
  }
  // Another source of the same kind may have stored the same item (two VK searches finding one
  // post) between our lookup and the lock: the identity constraint keeps it once.
  for (const row of rows) row.clusterId = clusters.clusterOf(row.clusterId as string);
  const inserted = new Set(await insertMentions(tx, rows));
  const bandRows: { brandId: string; band: string; mentionId: string }[] = [];
  for (const [i, { item }] of accepted.entries()) {
    const row = rows[i] as TMentionInsert & { id: string };
    if (!inserted.has(row.id)) continue;
    if (row.clusterId !== row.id) stats.clustered++;
    for (const band of item.bands) bandRows.push({ brandId: target.brandId, band, mentionId: row.id });
  }
  await insertBands(tx, bandRows);
  stats.inserted += inserted.size;
  stats.unchanged += rows.length - inserted.size;
  return rows.filter((r) => inserted.has(r.id as string)).map((r) => r.id as string);
}

async function applyEdit(
  tx: TExecutor,
  brandId: string,
  { item, match, before }: { item: TNormalizedMention; match: TBrandMatch; before: TExistingMention },
  verdict: TVerdict | undefined,
  deps: TIngestDeps,
): Promise<void> {
  await insertRevision(tx, {
    mentionId: before.id,
    revision: before.revision,
    title: before.title,
    text: before.text,
    ratingValue: before.ratingValue,
    contentHash: before.contentHash,
    sourceUpdatedAt: before.sourceUpdatedAt,
    recordedAt: deps.now,
  });
  // A specialist's label stands until they change it; the machine's is redone for the new text.
  const keepLabel = before.sentimentOrigin === "specialist";
  const label = keepLabel ? before.sentiment : (item.sentiment ?? verdict?.label ?? null);
  const described = describeMention(item, label, match.groups);
  await updateMention(tx, before.id, {
    ...columnsOf(item),
    ...matchColumns(match),
    ...(keepLabel ? {} : sentimentColumns(item, verdict, deps)),
    aspects: described.aspects,
    ...(before.negativeTypeOrigin === "specialist" ? {} : described),
    revision: before.revision + 1,
    changedAt: deps.now,
  });
  await replaceBands(tx, brandId, before.id, item.bands);
}

function columnsOf(item: TNormalizedMention) {
  return {
    kind: item.kind,
    url: item.url,
    urlKey: item.urlKey,
    originalUrl: item.originalUrl,
    site: item.site,
    target: item.target,
    parentExternalId: item.parentExternalId,
    parentUrl: item.parentUrl,
    authorExternalId: item.authorExternalId,
    authorName: item.authorName,
    authorHandle: item.authorHandle,
    authorUrl: item.authorUrl,
    authorIsOwner: item.authorIsOwner,
    title: item.title,
    text: item.text,
    pros: item.pros,
    cons: item.cons,
    lang: item.lang,
    ratingValue: item.ratingValue,
    ratingScale: item.ratingScale,
    publishedAt: item.publishedAt,
    sourceUpdatedAt: item.sourceUpdatedAt,
    metrics: item.metrics,
    ownerReply: item.ownerReply,
    replyCapability: item.replyCapability,
    replyTarget: item.replyTarget,
    contentHash: item.contentHash,
    simhash: item.simhash,
  } satisfies Partial<TMentionInsert>;
}

function matchColumns(match: TBrandMatch) {
  return { matched: match.matched, matchedGroups: match.groups, matches: match.hits };
}

function sentimentColumns(item: TNormalizedMention, verdict: TVerdict | undefined, deps: TIngestDeps) {
  // A label that came with the item (an imported export's sentiment column) wins over the model's.
  if (item.sentiment) {
    return { sentiment: item.sentiment, sentimentConfidence: null, sentimentOrigin: "import" as const, sentimentModel: null, sentimentBy: null, sentimentAt: deps.now };
  }
  if (!verdict) return {};
  return {
    sentiment: verdict.label,
    sentimentConfidence: verdict.confidence,
    sentimentOrigin: sentimentOrigin(item),
    sentimentModel: `${deps.classifier.id}@${deps.classifier.version}`,
    sentimentBy: null,
    sentimentAt: deps.now,
  };
}
