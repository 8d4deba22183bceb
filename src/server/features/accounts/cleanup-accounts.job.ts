import { z } from "zod";
import { defineJob } from "../../jobs/job.ts";
import { deleteExpiredSessions, deleteOldLoginFailures } from "./queries.ts";

/** Hourly: forget expired sessions and sign-in failures older than a day. */
export const cleanupAccountsJob = defineJob({
  name: "accounts.cleanup",
  schema: z.object({}).passthrough(),
  cron: "17 * * * *",
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  async handler(_data, { app, logger }) {
    const now = new Date();
    const sessions = await deleteExpiredSessions(app.db, now);
    const failures = await deleteOldLoginFailures(app.db, new Date(now.getTime() - 24 * 3600_000));
    logger.info({ sessions, failures }, "accounts cleanup");
  },
});
