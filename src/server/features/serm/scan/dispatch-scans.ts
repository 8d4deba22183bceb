import type { TAppContext } from "../../../context.ts";
import { scheduledBrands } from "../config/queries.ts";
import { isTimeZone, localDayAndHour } from "../local-day.ts";
import { enqueue } from "./enqueue.ts";
import { enabledQueries, stalledScans } from "./queries.ts";
import { SCAN_JOB, createScan } from "./start-scan.ts";

/**
 * Every few minutes: each brand with daily scans on gets its scan of the local day once its
 * local hour has come (one per day: a unique index settles races between workers), and scans
 * whose job was lost — never enqueued, or a worker that died without pg-boss noticing yet —
 * are sent again (the queue keeps one per scan).
 */
export const STALLED_AFTER_MINUTES = 20;

export async function dispatchScans(app: TAppContext, now = new Date()): Promise<{ created: number; resent: number }> {
  let created = 0;
  for (const brand of await scheduledBrands(app.db)) {
    if (!isTimeZone(brand.timeZone)) continue;
    if (localDayAndHour(now, brand.timeZone).hour < brand.scanHour) continue;
    const scan = await app.db.transaction(async (tx) => {
      if ((await enabledQueries(tx, brand.brandId)).length === 0) return null;
      return createScan(tx, brand.brandId, { trigger: "schedule", now });
    });
    if (!scan) continue;
    created++;
    await enqueue(app, SCAN_JOB, { scanId: scan.id }, scan.id);
  }
  let resent = 0;
  for (const scan of await stalledScans(app.db, new Date(now.getTime() - STALLED_AFTER_MINUTES * 60_000), 50)) {
    if (await enqueue(app, SCAN_JOB, { scanId: scan.id }, scan.id)) resent++;
  }
  return { created, resent };
}
