import type { TAppContext } from "../../context.ts";
import { errorMessage } from "../../lib/errors.ts";
import { CASE_JOBS } from "./jobs/job-names.ts";
import { kickJob } from "./jobs/kick-job.ts";
import { openCasesByRules } from "./open-cases-by-rules.ts";

/**
 * The ingest pipeline's "notify" step, called after a page of a source has committed: new and
 * edited mentions that the brand's rules select open cases at once (the live counter sees them
 * within a poll). It never fails the sync: when opening fails here, a `cases.auto_open` job with
 * the same mentions is queued and retried by pg-boss.
 */
export async function afterIngestCommit(app: TAppContext, page: { brandId: string; mentionIds: readonly string[]; now?: Date }): Promise<void> {
  if (page.mentionIds.length === 0) return;
  try {
    await openCasesByRules(app, page.brandId, page.mentionIds, page.now);
  } catch (error) {
    app.logger.warn({ brandId: page.brandId, err: errorMessage(error) }, "opening cases after ingest failed; queued for a retry");
    await kickJob(app, CASE_JOBS.autoOpen, { brandId: page.brandId, mentionIds: [...page.mentionIds] });
  }
}
