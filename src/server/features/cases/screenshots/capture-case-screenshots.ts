import type { TAppContext, TExecutor } from "../../../context.ts";
import { type TBrowserPool, createBrowserPool } from "../../../lib/browser/browser-pool.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { putBlob } from "../../blobs/queries.ts";
import { httpUrlOrNull } from "../case-links.ts";
import { casesNeedingScreenshots, caseWithMention, updateCase } from "../queries.ts";

/**
 * The `cases.screenshots` job: the page of each new case's mention, and the page of each answer
 * published by hand, are captured in headless Chromium (every request vetted like guardedFetch)
 * and stored by content hash in the brand's blobs, so the card shows the page as it was even
 * after the original is deleted. A page that fails is tried MAX_ATTEMPTS times in all.
 */
export const MAX_ATTEMPTS = 3;
const PER_RUN = 10;

export type TScreenshotDeps = {
  /** Default: a browser pool for this run, closed at its end. */
  browser?: Pick<TBrowserPool, "screenshotUrl">;
  store?: (db: TExecutor, brandId: string, bytes: Buffer, mime: string) => Promise<{ hash: string }>;
  now?: () => Date;
};

export async function captureCaseScreenshots(app: TAppContext, deps: TScreenshotDeps = {}): Promise<{ captured: number; failed: number }> {
  const now = deps.now ?? (() => new Date());
  const store = deps.store ?? putBlob;
  const todo = await casesNeedingScreenshots(app.db, PER_RUN, MAX_ATTEMPTS);
  const totals = { captured: 0, failed: 0 };
  if (todo.length === 0) return totals;
  let own: TBrowserPool | undefined;
  const browser = () => deps.browser ?? (own ??= createBrowserPool({ allowLoopback: app.config.fetchAllowLoopback, logger: app.logger.child({ part: "case-screenshots" }) }));
  const shoot = async (brandId: string, url: string) => {
    const shot = await browser().screenshotUrl(url, { timeoutMs: 45_000 });
    return (await store(app.db, brandId, shot.image, shot.mime)).hash;
  };
  try {
    for (const { id, brandId } of todo) {
      const row = await caseWithMention(app.db, brandId, id);
      if (!row) continue;
      const { c, m } = row;
      if (c.screenshotStatus === "pending") {
        const url = httpUrlOrNull(m.originalUrl) ?? httpUrlOrNull(m.url);
        if (!url) {
          await updateCase(app.db, id, { screenshotStatus: "skipped", screenshotError: "the mention has no web address" });
        } else {
          try {
            const hash = await shoot(brandId, url);
            await updateCase(app.db, id, { screenshotStatus: "captured", screenshotHash: hash, screenshotAt: now(), screenshotError: null, screenshotAttempts: c.screenshotAttempts + 1 });
            totals.captured++;
          } catch (error) {
            const attempts = c.screenshotAttempts + 1;
            await updateCase(app.db, id, { screenshotStatus: attempts >= MAX_ATTEMPTS ? "failed" : "pending", screenshotError: errorMessage(error).slice(0, 500), screenshotAttempts: attempts });
            totals.failed++;
          }
        }
      }
      if (c.confirmationScreenshotStatus === "pending" && c.publishedUrl) {
        const url = httpUrlOrNull(c.publishedUrl);
        try {
          if (!url) throw new Error("not an http(s) address");
          const hash = await shoot(brandId, url);
          await updateCase(app.db, id, { confirmationScreenshotStatus: "captured", confirmationScreenshotHash: hash });
          totals.captured++;
        } catch (error) {
          app.logger.warn({ caseId: id, err: errorMessage(error) }, "screenshot of a published answer failed");
          await updateCase(app.db, id, { confirmationScreenshotStatus: "failed" });
          totals.failed++;
        }
      }
    }
  } finally {
    await own?.close();
  }
  return totals;
}
