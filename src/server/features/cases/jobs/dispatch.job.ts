import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { dispatchNotifications } from "../notify/dispatch-notifications.ts";
import { CASE_JOBS } from "./job-names.ts";

/** Every minute (and at once after a change): outbox events to people and webhooks. */
export const dispatchNotificationsJob = defineJob({
  name: CASE_JOBS.dispatch,
  schema: z.object({}),
  cron: "* * * * *",
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  async handler(_data, { app }) {
    await dispatchNotifications(app);
  },
});
