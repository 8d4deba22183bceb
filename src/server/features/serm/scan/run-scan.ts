import type { TAppContext } from "../../../context.ts";
import type { TScanStats, TScanStatus } from "../../../db/schema/serm.ts";
import type { TBrowserPool } from "../../../lib/browser/browser-pool.ts";
import { loadSettings } from "../config/manage-settings.ts";
import type { TSerpProvider } from "../providers/provider.ts";
import { findSerpProvider } from "../providers/registry.ts";
import { type TPutBlob, capturePageShots, captureSerpShots } from "./capture-screenshots.ts";
import { mapLimit } from "./map-limit.ts";
import { abortableSleep } from "./provider-context.ts";
import { type TScanItemRow, brandName, claimScan, findScan, itemsOfScan, queriesByIds, resultsOfScan, updateItem, updateScan } from "./queries.ts";
import { resolveStoredResults } from "./resolve-results.ts";
import { scanItem } from "./scan-item.ts";
import type { TSnippetClassifier } from "./snippet-sentiment.ts";
import { storeExDays } from "./store-ex.ts";

/**
 * One scan, start to finish, resumable: (1) each pending item searched and stored on its own,
 * (2) screenshots — the result pages, then each result's page not captured in the last N days,
 * (3) tonality of every result, (4) the day's Ex, (5) the scan's status: complete, partial
 * (some items failed or lost a page) or failed (nothing found). Taken up again after a crash,
 * it skips what is stored: finished items, screenshots taken, fresh pages.
 */
export type TOpenedBrowser = { pool: Pick<TBrowserPool, "screenshotUrl" | "screenshotHtml">; concurrency: number; close(): Promise<void> } | { unavailable: string };

export type TScanDeps = {
  classifier: TSnippetClassifier;
  openBrowser: () => Promise<TOpenedBrowser>;
  putBlob: TPutBlob;
  providers?: (id: string) => TSerpProvider | undefined;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  jitter?: () => number;
  now?: () => Date;
  signal?: AbortSignal;
  /** Items searched at once (each provider still paces its own requests). Default 4. */
  searchConcurrency?: number;
};

export type TScanOutcome = { status: "skipped"; reason: string } | { status: Exclude<TScanStatus, "queued" | "running">; stats: TScanStats; error: string | null };

const FINISHED: readonly TScanStatus[] = ["complete", "partial", "failed"];
/** A running scan not heard of for this long has lost its worker and may be taken up again. */
export const STALE_AFTER_MS = 10 * 60_000;
const HEARTBEAT_MS = 15_000;

function summarize(items: readonly TScanItemRow[]): { status: Exclude<TScanStatus, "queued" | "running">; error: string | null } {
  const complete = items.filter((i) => i.status === "complete").length;
  const problems = items.filter((i) => i.status === "failed" || i.status === "partial");
  const status = items.length === 0 || complete + items.filter((i) => i.status === "partial").length === 0 ? "failed" : problems.length === 0 ? "complete" : "partial";
  if (items.length === 0) return { status, error: "the brand has no enabled search query" };
  if (problems.length === 0) return { status, error: null };
  const reasons = [...new Set(problems.map((i) => `${i.engine}: ${i.error ?? i.status}`))].slice(0, 3);
  return { status, error: `${problems.length} of ${items.length} searches ${status === "failed" ? "failed" : "failed or are incomplete"} (${reasons.join("; ")})` };
}

export async function runScan(app: TAppContext, scanId: string, deps: TScanDeps): Promise<TScanOutcome> {
  const now = deps.now ?? (() => new Date());
  const signal = deps.signal ?? new AbortController().signal;
  const found = await findScan(app.db, scanId);
  if (!found) return { status: "skipped", reason: "scan not found" };
  if (FINISHED.includes(found.status)) return { status: "skipped", reason: `scan already ${found.status}` };
  // One run at a time: a scan whose worker is alive (heard of within STALE_AFTER) is left to it.
  const scan = await claimScan(app.db, scanId, now(), new Date(now().getTime() - STALE_AFTER_MS));
  if (!scan) return { status: "skipped", reason: "another run is working on the scan" };
  const logger = app.logger.child({ scanId, brandId: scan.brandId });
  let lastBeat = now().getTime();
  const heartbeat = async () => {
    if (now().getTime() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = now().getTime();
    await updateScan(app.db, scanId, { heartbeatAt: now() });
  };
  const settings = await loadSettings(app, scan.brandId);
  const context = { brandId: scan.brandId, brandName: (await brandName(app.db, scan.brandId)) ?? "", settings };
  const items = await itemsOfScan(app.db, scanId);
  const queries = new Map((await queriesByIds(app.db, [...new Set(items.map((i) => i.queryId))])).map((q) => [q.id, q]));
  const itemDeps = {
    classifier: deps.classifier,
    providers: deps.providers ?? findSerpProvider,
    sleep: deps.sleep ?? abortableSleep,
    jitter: deps.jitter ?? Math.random,
    now,
    signal,
  };

  // (1) Searches: only what is not stored yet.
  await mapLimit(
    items.filter((i) => i.status === "pending"),
    deps.searchConcurrency ?? 4,
    async (item) => {
      const query = queries.get(item.queryId);
      if (query) await scanItem(app, itemDeps, context, item, query);
      await heartbeat();
    },
  );
  const searched = await itemsOfScan(app.db, scanId);

  // (2) Screenshots; Chromium is started only when there is something to render.
  const results = settings.pageScreenshots ? await resultsOfScan(app.db, scanId) : [];
  const serpToRender = settings.serpScreenshots && searched.some((i) => !i.serpShotDone && i.htmlGz !== null && i.status !== "failed");
  const wantShots = serpToRender || results.length > 0;
  const browser: TOpenedBrowser = wantShots
    ? await deps.openBrowser()
    : { unavailable: settings.serpScreenshots || settings.pageScreenshots ? "nothing to capture" : "screenshots are switched off in the settings" };
  const shotDeps = {
    db: app.db,
    pool: "pool" in browser ? browser.pool : null,
    unavailable: "unavailable" in browser ? browser.unavailable : null,
    putBlob: deps.putBlob,
    concurrency: "pool" in browser ? browser.concurrency : 1,
    logger,
    heartbeat,
  };
  let serpShots = 0;
  let pages = { captured: 0, failed: 0, fresh: 0 };
  try {
    if (settings.serpScreenshots) {
      const title = (id: string | null) => (id ? (itemDeps.providers(id)?.title.en ?? id) : "The provider");
      serpShots = await captureSerpShots(shotDeps, scan.brandId, searched, title);
    } else {
      for (const item of searched.filter((i) => !i.serpShotDone)) {
        await updateItem(app.db, item.id, { serpShotDone: true, serpShotNote: "screenshots of result pages are switched off in the settings" });
      }
    }
    if (results.length > 0) pages = await capturePageShots(shotDeps, scan.brandId, results, settings.screenshotFreshnessDays, now());
  } finally {
    if ("close" in browser) await browser.close().catch((error: unknown) => logger.warn({ err: error }, "closing the browser failed"));
  }

  // (3) Tonality, (4) Ex of the day.
  await resolveStoredResults(app.db, scan.brandId, { scanId });
  await storeExDays(app.db, scan.brandId, [scan.day], settings);

  // (5) Status.
  const final = await itemsOfScan(app.db, scanId);
  const { status, error } = summarize(final);
  const stats: TScanStats = {
    searched: final.filter((i) => i.status === "complete").length,
    failed: final.filter((i) => i.status === "failed").length,
    partial: final.filter((i) => i.status === "partial").length,
    requests: final.reduce((n, i) => n + i.requests, 0),
    serpShots: final.filter((i) => i.serpShotHash !== null).length,
    pageShots: pages.captured,
    pageShotFailures: pages.failed,
    pagesFresh: pages.fresh,
    screenshotsNote: "unavailable" in browser ? browser.unavailable : null,
  };
  await updateScan(app.db, scanId, { status, finishedAt: now(), heartbeatAt: now(), error, stats });
  logger.info({ status, ...stats, serpShotsNow: serpShots }, "SERM scan finished");
  return { status, stats, error };
}
