import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { captureCaseScreenshots } from "../screenshots/capture-case-screenshots.ts";
import { CASE_JOBS } from "./job-names.ts";

export const caseScreenshotsJob = defineJob({
  name: CASE_JOBS.screenshots,
  schema: z.object({}),
  cron: "*/5 * * * *",
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  expireInSeconds: 15 * 60,
  async handler(_data, { app }) {
    await captureCaseScreenshots(app);
  },
});
