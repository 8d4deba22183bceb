import type { TAppContext } from "../../../context.ts";
import { resolveStoredResults } from "./resolve-results.ts";
import { scannedDays } from "./queries.ts";
import { storeExDays } from "./store-ex.ts";

/**
 * Everything stored for a brand recomputed from what it already holds: each result's tonality
 * (after the site table changed) and the Ex of every scanned day (after the Ex settings did).
 * No rescan: results keep every candidate of the precedence.
 */
export const RECOMPUTE_JOB = "serm.recompute";

/** A month of history at a time, so a year of results is never held in memory at once. */
const CHUNK_DAYS = 31;

export async function recomputeBrand(app: TAppContext, brandId: string): Promise<{ resultsChanged: number; days: number }> {
  const days = await scannedDays(app.db, brandId);
  let changed = 0;
  for (let i = 0; i < days.length; i += CHUNK_DAYS) {
    changed += (await resolveStoredResults(app.db, brandId, { days: days.slice(i, i + CHUNK_DAYS) })).changed;
  }
  const stored = await storeExDays(app.db, brandId, days);
  app.logger.info({ brandId, resultsChanged: changed, days: stored }, "SERM tonality and Ex recomputed");
  return { resultsChanged: changed, days: stored };
}
