import { sermDispatchJob } from "./scan/dispatch-scans.job.ts";
import { sermRecomputeJob } from "./scan/recompute.job.ts";
import { sermScanJob } from "./scan/scan.job.ts";

/** The reputation environment's jobs: the daily dispatcher, one scan, a brand's recompute. */
export const sermJobs = [sermDispatchJob, sermScanJob, sermRecomputeJob];
