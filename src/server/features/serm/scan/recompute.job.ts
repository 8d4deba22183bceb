import { z } from "zod";
import { defineJob } from "../../../jobs/job.ts";
import { RECOMPUTE_JOB, recomputeBrand } from "./recompute-brand.ts";

/** A brand's stored tonality and Ex recomputed after its site table or Ex settings changed. */
export const sermRecomputeJob = defineJob({
  name: RECOMPUTE_JOB,
  schema: z.object({ brandId: z.string().uuid() }),
  policy: "stately",
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ brandId }, { app }) {
    await recomputeBrand(app, brandId);
  },
});
