import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { checkOverdueCases } from "../check-overdue.ts";
import { CASE_JOBS } from "./job-names.ts";

export const caseSlaJob = defineJob({
  name: CASE_JOBS.sla,
  schema: z.object({}),
  cron: "*/5 * * * *",
  retry: { limit: 2, delaySeconds: 60, backoff: false },
  async handler(_data, { app }) {
    await checkOverdueCases(app);
  },
});
