import type { TAppContext } from "../../context.ts";
import { CASE_JOBS } from "./jobs/job-names.ts";
import { kickJob } from "./jobs/kick-job.ts";
import { nudgeLive } from "./live/live-hub.ts";

/**
 * After a commit that changed cases: the live counters look again, and the jobs that fan out
 * notifications (and take screenshots of new cases) are asked to run now.
 */
export async function afterCaseChange(app: TAppContext, work: { notify?: boolean; screenshots?: boolean } = { notify: true }): Promise<void> {
  nudgeLive(app);
  const kicks: Promise<void>[] = [];
  if (work.notify) kicks.push(kickJob(app, CASE_JOBS.dispatch));
  if (work.screenshots) kicks.push(kickJob(app, CASE_JOBS.screenshots));
  await Promise.all(kicks);
}
