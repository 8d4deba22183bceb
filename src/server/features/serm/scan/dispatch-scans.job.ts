import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { dispatchScans } from "./dispatch-scans.ts";

/** Every five minutes: start the daily scans whose local hour has come. */
export const sermDispatchJob = defineJob({
  name: "serm.dispatch",
  schema: z.object({}).passthrough(),
  cron: "*/5 * * * *",
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 240,
  async handler(_data, { app, logger }) {
    const { created, resent } = await dispatchScans(app);
    if (created || resent) logger.info({ created, resent }, "SERM scans dispatched");
  },
});
