import type { TAppContext } from "../../../context.ts";
import { createBrowserPool } from "../../../lib/browser/browser-pool.ts";
import { errorMessage } from "../../../lib/errors.ts";
import type { TOpenedBrowser } from "./run-scan.ts";

/**
 * The browser a scan takes its screenshots with: a pool of its own, opened for the scan and
 * closed after it (one scan a day per brand does not justify a Chromium idling in between).
 * A tiny page is rendered first: without Chromium the scan learns it once, says so on the scan,
 * and stores its results without screenshots instead of failing page after page.
 */
export const SCAN_BROWSER_PAGES = 3;

export async function openScanBrowser(app: TAppContext, pages = SCAN_BROWSER_PAGES): Promise<TOpenedBrowser> {
  const pool = createBrowserPool({ executablePath: app.config.chromiumPath, maxPages: pages, allowLoopback: app.config.fetchAllowLoopback, logger: app.logger.child({ part: "serm-screenshots" }) });
  try {
    await pool.screenshotHtml("<!doctype html><title>probe</title><p>ok</p>", { width: 64, height: 64, fullPage: false });
  } catch (error) {
    await pool.close().catch(() => undefined);
    app.logger.warn({ err: errorMessage(error) }, "no browser for SERM screenshots");
    return { unavailable: `no browser for screenshots (${errorMessage(error).split("\n")[0]})` };
  }
  return { pool, concurrency: pages, close: () => pool.close() };
}
