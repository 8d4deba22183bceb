import type { TAppContext } from "../../../context.ts";
import { errorMessage } from "../../../lib/errors.ts";

/**
 * Asks the queue for a job and says whether it took it. The rows are the truth the jobs read
 * (a queued scan, a brand to recompute), and the dispatcher picks up what was not enqueued: a
 * queue that is down or slow is logged, never an error of the request that asked.
 */
const ENQUEUE_TIMEOUT_MS = 5_000;

export async function enqueue(app: TAppContext, name: string, data: object, singletonKey: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the job queue did not answer")), ENQUEUE_TIMEOUT_MS);
    });
    await Promise.race([app.queue.send(name, data, { singletonKey }), timeout]);
    return true;
  } catch (error) {
    app.logger.warn({ job: name, singletonKey, err: errorMessage(error) }, "could not enqueue a SERM job");
    return false;
  } finally {
    clearTimeout(timer);
  }
}
