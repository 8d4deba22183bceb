import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { deliverDueWebhooks } from "../webhooks/deliver-due-webhooks.ts";
import { CASE_JOBS } from "./job-names.ts";

/** Every minute: due webhook deliveries and retries. */
export const deliverWebhooksJob = defineJob({
  name: CASE_JOBS.webhooks,
  schema: z.object({}),
  cron: "* * * * *",
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  async handler(_data, { app }) {
    await deliverDueWebhooks(app);
  },
});
