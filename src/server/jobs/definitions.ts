import { cleanupAccountsJob } from "../features/accounts/cleanup-accounts.job.ts";
import { dispatchSourcesJob } from "../features/ingest/dispatch-sources.job.ts";
import { syncSourceJob } from "../features/ingest/sync-source.job.ts";
import type { TJobDefinition } from "./job.ts";

/** Every background job, by name. A new job is one file and one line here. */
export const jobDefinitions: TJobDefinition[] = [cleanupAccountsJob, dispatchSourcesJob, syncSourceJob];
