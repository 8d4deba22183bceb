import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { deleteExpiredUnsubscribeTokens } from "../notify/queries.ts";
import { sendDigests } from "../notify/send-digests.ts";
import { CASE_JOBS } from "./job-names.ts";

/** Hourly: daily digests of those for whom it is now the digest hour; expired unsubscribe tokens go. */
export const notificationDigestJob = defineJob({
  name: CASE_JOBS.digest,
  schema: z.object({}),
  cron: "0 * * * *",
  retry: { limit: 1, delaySeconds: 300, backoff: false },
  async handler(_data, { app }) {
    await sendDigests(app);
    await deleteExpiredUnsubscribeTokens(app.db, new Date());
  },
});
