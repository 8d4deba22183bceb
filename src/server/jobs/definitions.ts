import { cleanupAccountsJob } from "../features/accounts/cleanup-accounts.job.ts";
import { caseJobs } from "../features/cases/jobs/case-jobs.ts";
import { dispatchSourcesJob } from "../features/ingest/dispatch-sources.job.ts";
import { syncSourceJob } from "../features/ingest/sync-source.job.ts";
import { sermJobs } from "../features/serm/serm-jobs.ts";
import type { TJobDefinition } from "./job.ts";

/** Every background job, by name. A new job is one file and one line here. */
export const jobDefinitions: TJobDefinition[] = [cleanupAccountsJob, dispatchSourcesJob, syncSourceJob, ...caseJobs, ...sermJobs];
