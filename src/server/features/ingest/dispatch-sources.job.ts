import { z } from "zod";
import type { TAppContext } from "../../context.ts";
import { defineJob } from "../../jobs/job.ts";
import { dueSources } from "./queries.ts";
import { syncSourceJob } from "./sync-source.job.ts";

/** Sources started per minute at most; the rest wait for the next tick, oldest first. */
export const DISPATCH_BATCH = 200;

/** Every minute: queue a run for each active source whose next run is due. */
export async function dispatchDueSources(app: TAppContext, now = new Date()): Promise<number> {
  let queued = 0;
  for (const { id } of await dueSources(app.db, now, DISPATCH_BATCH)) {
    // "stately" refuses a second waiting job for the same source: a slow run is not doubled.
    if (await app.queue.send(syncSourceJob.name, { sourceId: id }, { singletonKey: id })) queued++;
  }
  return queued;
}

export const dispatchSourcesJob = defineJob({
  name: "sources.dispatch",
  schema: z.object({}).passthrough(),
  cron: "* * * * *",
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 120,
  async handler(_data, { app, logger }) {
    const queued = await dispatchDueSources(app);
    if (queued) logger.info({ queued }, "sources queued");
  },
});
