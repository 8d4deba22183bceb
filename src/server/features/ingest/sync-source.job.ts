import { z } from "zod";
import { defineJob } from "../../jobs/job.ts";
import { defaultIngestClassifier } from "./ingest-classifier.ts";
import { syncSource } from "./sync-source.ts";

/**
 * One run of one source. Failures are the source's business (recorded on its row with
 * backoff), not the queue's: the job itself only fails on a bug, so pg-boss retries are few.
 */
export const syncSourceJob = defineJob({
  name: "sources.sync",
  schema: z.object({ sourceId: z.string().uuid() }),
  policy: "stately",
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  expireInSeconds: 30 * 60,
  async handler({ sourceId }, { app }) {
    await syncSource(app, sourceId, { classifier: await defaultIngestClassifier() });
  },
});
