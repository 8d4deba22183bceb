import type { TAppContext } from "../../context.ts";
import { ConnectorError, type TConnector } from "../../connectors/connector.ts";
import { findConnector } from "../../connectors/registry.ts";
import { nextRetryDelay } from "../../lib/backoff.ts";
import { FetchRefusedError } from "../../lib/guarded-fetch.ts";
import { classifierForBrand } from "../classification/brand-classifier.ts";
import { connectorContext } from "./connector-context.ts";
import { type TIngestClassifier, type TIngestStats, ingestBatch } from "./ingest-batch.ts";
import { brandMatcher } from "./matcher-cache.ts";
import { normalizeItem } from "./normalize-item.ts";
import { afterIngestCommit } from "../cases/ingest-hook.ts";
import { markSourceRun, saveSourceCursor, sourceForSync } from "./queries.ts";

/**
 * One run of one source: fetch pages from its connector and store each page together with the
 * cursor that follows it, in one transaction. A failure records the error and schedules the
 * next attempt with backoff; pages stored before it stay stored. Other sources never wait on it.
 */
export type TSyncOptions = {
  classifier: TIngestClassifier;
  /** Pages per run; a source with more waiting is run again at once. */
  maxPages?: number;
  signal?: AbortSignal;
  now?: () => Date;
  jitter?: () => number;
  /** Where connectors are looked up; tests pass their own. */
  connectors?: (id: string) => TConnector | undefined;
};

export type TSyncOutcome =
  | { status: "skipped"; reason: string }
  | { status: "ok"; pages: number; more: boolean; stats: TIngestStats }
  | { status: "failed"; pages: number; error: string; kind: string; retryInSeconds: number; stats: TIngestStats };

/** Another run advanced the cursor while this one fetched: its page is dropped, not doubled. */
class CursorMovedError extends Error {}

export const RETRY_BASE_SECONDS = 60;
export const RETRY_MAX_SECONDS = 6 * 3600;

export async function syncSource(app: TAppContext, sourceId: string, options: TSyncOptions): Promise<TSyncOutcome> {
  const now = options.now ?? (() => new Date());
  const source = await sourceForSync(app.db, sourceId, false);
  if (!source) return { status: "skipped", reason: "source not found" };
  if (source.status !== "active") return { status: "skipped", reason: "source paused" };
  const startedAt = now();
  const stats = emptyStats();
  const logger = app.logger.child({ sourceId, connector: source.connector });
  let pages = 0;
  try {
    const connector = (options.connectors ?? findConnector)(source.connector);
    if (!connector) throw new ConnectorError("upstream", `unknown connector "${source.connector}"`);
    const parsed = connector.configSchema.safeParse(source.config);
    if (!parsed.success) throw new ConnectorError("upstream", `invalid configuration: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
    const signal = options.signal ?? new AbortController().signal;
    let cursor = source.cursor;
    let more = false;
    for (const maxPages = options.maxPages ?? 50; pages < maxPages; ) {
      const ctx = connectorContext(app.config, connector, source, logger, signal, now);
      const result = await connector.fetch(ctx, parsed.data, cursor);
      const items = result.items.map((item) => normalizeItem(connector.sourceKind, item, ctx.now));
      let stored: string[] = [];
      await app.db.transaction(async (tx) => {
        const locked = await sourceForSync(tx, sourceId, true);
        if (!locked || locked.cursor !== cursor) throw new CursorMovedError("another run moved the cursor");
        const matcher = await brandMatcher(tx, source.brandId);
        const target = { brandId: source.brandId, sourceId, origin: "connector" as const, keepUnmatched: source.ownPlace, connectorVersion: connectorVersionOf(connector) };
        const classifier = await classifierForBrand(tx, source.brandId, options.classifier, app.config);
        const { stats: page, insertedIds, updatedIds } = await ingestBatch(tx, target, items, { matcher, classifier, now: now() });
        addStats(stats, page);
        await saveSourceCursor(tx, sourceId, result.nextCursor, page.inserted, page.newestPublishedAt);
        stored = [...insertedIds, ...updatedIds];
      });
      // Notify step, after the commit: new negatives the brand's rules select open cases.
      await afterIngestCommit(app, { brandId: source.brandId, mentionIds: stored, now: now() });
      cursor = result.nextCursor;
      pages++;
      more = result.hasMore;
      if (!result.hasMore) break;
    }
    const finished = now();
    await markSourceRun(app.db, sourceId, {
      lastRunAt: startedAt,
      lastSuccessAt: finished,
      consecutiveFailures: 0,
      retryAfter: null,
      lastError: null,
      lastErrorKind: null,
      nextRunAt: more ? finished : new Date(finished.getTime() + source.intervalMinutes * 60_000),
      updatedAt: finished,
    });
    logger.info({ pages, ...stats }, "source synced");
    return { status: "ok", pages, more, stats };
  } catch (error) {
    if (error instanceof CursorMovedError) return { status: "skipped", reason: error.message };
    const failures = source.consecutiveFailures + 1;
    const { kind, message, retryAfterSeconds } = describeFailure(error);
    const delay = nextRetryDelay({
      consecutiveFailures: failures,
      baseSeconds: RETRY_BASE_SECONDS,
      maxSeconds: RETRY_MAX_SECONDS,
      retryAfterSeconds,
      jitter: options.jitter ?? Math.random,
    });
    const failedAt = now();
    // Never sooner than the source's own cadence after a few failures in a row.
    const retryInSeconds = Math.max(delay, failures >= 3 ? Math.min(source.intervalMinutes * 60, RETRY_MAX_SECONDS) : 0);
    const retryAt = new Date(failedAt.getTime() + retryInSeconds * 1000);
    await markSourceRun(app.db, sourceId, {
      lastRunAt: startedAt,
      consecutiveFailures: failures,
      retryAfter: retryAt,
      nextRunAt: retryAt,
      lastError: message,
      lastErrorKind: kind,
      updatedAt: failedAt,
    });
    logger.warn({ pages, kind, failures, retryInSeconds, err: message }, "source sync failed");
    return { status: "failed", pages, error: message, kind, retryInSeconds, stats };
  }
}

function connectorVersionOf(connector: TConnector): string {
  return `${connector.id}@${connector.version}`;
}

function describeFailure(error: unknown): { kind: string; message: string; retryAfterSeconds?: number } {
  if (error instanceof ConnectorError) return { kind: error.kind, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof FetchRefusedError) return { kind: error.code === "timeout" || error.code === "network" ? "network" : "refused", message: error.message };
  // Anything else is our bug, not the platform's: say so without leaking internals.
  return { kind: "internal", message: error instanceof Error ? `internal error: ${error.message}` : "internal error" };
}

function emptyStats(): TIngestStats {
  return { received: 0, inserted: 0, updated: 0, unchanged: 0, dropped: 0, duplicates: 0, clustered: 0, newestPublishedAt: null };
}

function addStats(total: TIngestStats, page: TIngestStats): void {
  total.received += page.received;
  total.inserted += page.inserted;
  total.updated += page.updated;
  total.unchanged += page.unchanged;
  total.dropped += page.dropped;
  total.duplicates += page.duplicates;
  total.clustered += page.clustered;
  if (page.newestPublishedAt && (!total.newestPublishedAt || page.newestPublishedAt > total.newestPublishedAt)) {
    total.newestPublishedAt = page.newestPublishedAt;
  }
}
