import { gunzipSync } from "node:zlib";
import type { TExecutor } from "../../../context.ts";
import type { TSermEngine } from "../../../db/schema/serm.ts";
import type { TBrowserPool } from "../../../lib/browser/browser-pool.ts";
import { errorMessage } from "../../../lib/errors.ts";
import type { TLogger } from "../../../lib/logger.ts";
import { pageAggregateRating } from "../page-rating.ts";
import { mapLimit } from "./map-limit.ts";
import { type TScanItemRow, freshPageShotKeys, insertPageShot, updateItem } from "./queries.ts";

/**
 * Screenshots of a scan (SERM.md §6): the result page as a user sees it — the provider's HTML
 * rendered in Chromium with no network, or none when the provider returned no HTML, and the
 * item says so — and each result's page not captured in the last N days, in parallel within
 * the pool's page limit. Images go to the brand's blob store by hash; a page seen on several
 * queries is captured once.
 */
export type TPutBlob = (db: TExecutor, brandId: string, bytes: Buffer, mime: string) => Promise<{ hash: string; size: number }>;

export type TShotDeps = {
  db: TExecutor;
  /** null: no screenshots, for the reason in `unavailable`. */
  pool: Pick<TBrowserPool, "screenshotUrl" | "screenshotHtml"> | null;
  unavailable: string | null;
  putBlob: TPutBlob;
  /** Pages rendered at once (the pool queues the rest anyway). */
  concurrency: number;
  logger: TLogger;
  /** Called after each capture: the scan tells the world its worker is alive. */
  heartbeat?: () => Promise<void>;
};

/** Where relative links of a saved result page point; nothing is fetched from there. */
const ENGINE_HOME: Readonly<Record<TSermEngine, string>> = {
  yandex: "https://yandex.ru/",
  google: "https://www.google.com/",
  bing: "https://www.bing.com/",
  brave: "https://search.brave.com/",
};

export const SERP_SHOT = { width: 1280, height: 900, fullPage: true, format: "jpeg" } as const;
export const PAGE_SHOT = { width: 1280, height: 1200, fullPage: false, format: "jpeg", timeoutMs: 30_000 } as const;

export async function captureSerpShots(deps: TShotDeps, brandId: string, items: readonly TScanItemRow[], providerTitle: (id: string | null) => string): Promise<number> {
  let shots = 0;
  const todo = items.filter((item) => !item.serpShotDone && item.status !== "pending");
  await mapLimit(todo, deps.concurrency, async (item) => {
    const done = (patch: { serpShotHash?: string; serpShotNote?: string }) => updateItem(deps.db, item.id, { serpShotDone: true, ...patch });
    if (item.status === "failed") return done({ serpShotNote: "the search failed: there is no result page to show" });
    if (!item.htmlGz) return done({ serpShotNote: `${providerTitle(item.provider)} returned no result page HTML, only the results: no screenshot of the result page` });
    if (!deps.pool) return done({ serpShotNote: `no screenshot: ${deps.unavailable ?? "screenshots are unavailable"}` });
    try {
      const html = gunzipSync(item.htmlGz).toString("utf8");
      const shot = await deps.pool.screenshotHtml(html, { ...SERP_SHOT, baseUrl: ENGINE_HOME[item.engine] });
      const blob = await deps.putBlob(deps.db, brandId, shot.image, shot.mime);
      shots++;
      await done({ serpShotHash: blob.hash });
    } catch (error) {
      deps.logger.warn({ itemId: item.id, err: errorMessage(error) }, "SERP screenshot failed");
      await done({ serpShotNote: `the screenshot of the result page failed: ${errorMessage(error)}` });
    }
    await deps.heartbeat?.();
  });
  return shots;
}

export type TPageShotStats = { captured: number; failed: number; fresh: number };

export async function capturePageShots(
  deps: TShotDeps,
  brandId: string,
  results: readonly { url: string; urlKey: string }[],
  freshnessDays: number,
  now: Date,
): Promise<TPageShotStats> {
  const byKey = new Map<string, string>();
  for (const r of results) if (!byKey.has(r.urlKey) && /^https?:/i.test(r.url)) byKey.set(r.urlKey, r.url);
  const since = new Date(now.getTime() - freshnessDays * 86_400_000);
  const fresh = await freshPageShotKeys(deps.db, brandId, [...byKey.keys()], since);
  const todo = [...byKey].filter(([key]) => !fresh.has(key));
  const stats: TPageShotStats = { captured: 0, failed: 0, fresh: fresh.size };
  const pool = deps.pool;
  if (!pool) return stats;
  await mapLimit(todo, deps.concurrency, async ([urlKey, url]) => {
    try {
      const shot = await pool.screenshotUrl(url, PAGE_SHOT);
      const blob = await deps.putBlob(deps.db, brandId, shot.image, shot.mime);
      const rating = pageAggregateRating(shot.html);
      await insertPageShot(deps.db, { brandId, urlKey, url, blobHash: blob.hash, finalUrl: shot.finalUrl, title: shot.title.slice(0, 500), aggregateRating: rating ?? null, capturedAt: new Date() });
      stats.captured++;
    } catch (error) {
      stats.failed++;
      deps.logger.info({ url, err: errorMessage(error) }, "page screenshot failed");
      await insertPageShot(deps.db, { brandId, urlKey, url, error: errorMessage(error).slice(0, 500), capturedAt: new Date() });
    }
    await deps.heartbeat?.();
  });
  return stats;
}
