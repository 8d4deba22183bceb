import type { TAppContext } from "../../context.ts";
import { deadLetterQueue } from "../../jobs/job.ts";
import { notFound } from "../../lib/errors.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "../accounts/access.ts";
import { failedJobExists, listFailedJobs } from "./queries.ts";

export async function listQueues(app: TAppContext) {
  const queues = await app.queue.boss.getQueues();
  const crons = new Map([...app.queue.definitions.values()].map((d) => [d.name, d.cron ?? null]));
  return queues
    .filter((q) => !q.name.startsWith("__pgboss"))
    .map((q) => ({
      name: q.name,
      deadLetterOf: [...crons.keys()].find((name) => deadLetterQueue(name) === q.name) ?? null,
      queued: q.queuedCount,
      active: q.activeCount,
      failed: q.failedCount,
      total: q.totalCount,
      cron: crons.get(q.name) ?? null,
      retryLimit: q.retryLimit ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function listFailures(app: TAppContext, limit = 100) {
  const rows = await listFailedJobs(app.db, limit);
  return rows.map((r) => ({
    id: r.id,
    queue: r.name,
    attempts: Number(r.retry_count) + 1,
    failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
    createdAt: new Date(r.created_on).toISOString(),
    error: describeOutput(r.output),
    data: r.data,
  }));
}

function describeOutput(output: unknown): string {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string") return output.message;
  return output === null || output === undefined ? "" : JSON.stringify(output).slice(0, 2000);
}

export async function retryJob(app: TAppContext, auth: TAuth, queue: string, jobId: string): Promise<void> {
  if (!(await failedJobExists(app.db, queue, jobId))) throw notFound("No failed job with that id in that queue");
  await app.queue.boss.retry(queue, jobId);
  await recordAudit(app.db, {
    workspaceId: auth.workspaceId,
    actor: actorOf(auth),
    action: "job.retry",
    objectType: "job",
    objectId: jobId,
    details: { queue },
  });
}
