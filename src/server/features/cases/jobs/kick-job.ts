import type { TAppContext } from "../../../context.ts";
import { errorMessage } from "../../../lib/errors.ts";

/**
 * Asks for a job to run now, after a commit that left work for it (an outbox row, a pending
 * screenshot). Best effort: the job's cron sweeps the same work every minute or so, so a queue
 * that does not answer in time only delays it.
 */
const KICK_TIMEOUT_MS = 3_000;

export async function kickJob(app: TAppContext, name: string, data: object = {}, singletonKey?: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the job queue did not answer")), KICK_TIMEOUT_MS);
    });
    await Promise.race([app.queue.send(name, data, singletonKey ? { singletonKey } : {}), timeout]);
  } catch (error) {
    app.logger.debug({ job: name, err: errorMessage(error) }, "could not kick a job; its schedule will pick the work up");
  } finally {
    clearTimeout(timer);
  }
}
