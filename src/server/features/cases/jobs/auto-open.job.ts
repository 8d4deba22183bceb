import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { openCasesByRules } from "../open-cases-by-rules.ts";
import { CASE_JOBS } from "./job-names.ts";

/** Retry of the ingest hook: opens cases for mentions the brand's rules select (idempotent per cluster). */
export const autoOpenCasesJob = defineJob({
  name: CASE_JOBS.autoOpen,
  schema: z.object({ brandId: z.string().uuid(), mentionIds: z.array(z.string().uuid()).max(1000) }),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  async handler({ brandId, mentionIds }, { app }) {
    await openCasesByRules(app, brandId, mentionIds);
  },
});
