import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { runScan } from "./run-scan.ts";
import { defaultScanDeps } from "./scan-deps.ts";
import { SCAN_JOB } from "./start-scan.ts";

/**
 * One scan. Failures of a search are the scan's business (stored per item, with retries and
 * backoff inside the run); the job fails only on a bug or a lost database, and its retry takes
 * the scan up where it stopped. One run per scan at a time (stately, keyed by the scan id).
 */
export const sermScanJob = defineJob({
  name: SCAN_JOB,
  schema: z.object({ scanId: z.string().uuid() }),
  policy: "stately",
  retry: { limit: 3, delaySeconds: 120, backoff: true },
  expireInSeconds: 60 * 60,
  async handler({ scanId }, { app }) {
    await runScan(app, scanId, defaultScanDeps(app));
  },
});
