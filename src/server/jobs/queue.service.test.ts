import { expect, it } from "vitest";
import { z } from "zod";
import { bootApp } from "../boot.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { cleanupAccountsJob } from "../features/accounts/cleanup-accounts.job.ts";
import { createLogger } from "../lib/logger.ts";
import { signUpWorkspace } from "../test/factories.ts";
import { describeOnDatabases } from "../test/harness.ts";
import { defineJob } from "./job.ts";

const flaky = { failing: true, runs: 0 };
const flakyJob = defineJob({
  name: "test.flaky",
  schema: z.object({ label: z.string() }),
  retry: { limit: 1, delaySeconds: 1, backoff: false },
  async handler() {
    flaky.runs++;
    if (flaky.failing) throw new Error("upstream said 502");
  },
});

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type TFailed = { jobs: { id: string; queue: string; error: string; attempts: number }[] };

describeOnDatabases(
  "job queue: retries, failures, the admin view and retry",
  (h) => {
    it("retries with backoff, records the failure, and an admin can retry it to success", async () => {
      Object.assign(flaky, { failing: true, runs: 0 });
      const { admin } = await signUpWorkspace(h());
      const id = await h().app.queue.send("test.flaky", { label: "first" });
      const failed = await waitFor(async () => {
        const res = await admin.get<TFailed>("/api/admin/jobs/failed");
        return res.body.jobs.find((j) => j.id === id);
      }, "the failed job");
      expect(failed).toMatchObject({ queue: "test.flaky", error: "upstream said 502", attempts: 2 });
      expect(flaky.runs).toBe(2); // first run + one retry
      const queues = await admin.get<{ queues: { name: string; cron: string | null; deadLetterOf: string | null }[] }>("/api/admin/jobs");
      expect(queues.body.queues).toContainEqual(expect.objectContaining({ name: "accounts.cleanup", cron: "17 * * * *" }));
      expect(queues.body.queues).toContainEqual(expect.objectContaining({ name: "test.flaky.dead", deadLetterOf: "test.flaky" }));
      flaky.failing = false;
      expect((await admin.post(`/api/admin/jobs/test.flaky/${id}/retry`)).status).toBe(204);
      await waitFor(async () => {
        const job = await h().app.queue.boss.getJobById("test.flaky", id ?? "");
        return job?.state === "completed" ? job : undefined;
      }, "the retried job to complete");
      expect((await admin.post(`/api/admin/jobs/test.flaky/${id}/retry`)).status).toBe(404);
      const audit = await admin.get<{ entries: { action: string }[] }>("/api/audit?action=job.");
      expect(audit.body.entries.map((e) => e.action)).toContain("job.retry");
    });

    it("validates a job's payload before it is queued", async () => {
      await expect(h().app.queue.send("test.flaky", { label: 42 })).rejects.toThrow();
      await expect(h().app.queue.send("no.such.job", {})).rejects.toThrow(/Unknown job/);
    });

    it("keeps the cron schedule of scheduled jobs", async () => {
      const schedules = await h().app.queue.boss.getSchedules();
      expect(schedules.map((s) => s.name)).toContain("accounts.cleanup");
    });
  },
  { startQueue: true, definitions: [cleanupAccountsJob, flakyJob] },
);

describeOnDatabases("job queue shared by several workers", (h) => {
  it("runs each job exactly once when two worker processes share the database", async (ctx) => {
    if (h().kind !== "postgres") ctx.skip(); // PGlite has one owner process by design
    const seen: string[] = [];
    const countJob = defineJob({
      name: "test.count",
      schema: z.object({ n: z.number() }),
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      async handler(data) {
        seen.push(String(data.n));
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    const config = loadConfig({ LOG_LEVEL: "silent", WORKER_CONCURRENCY: "3" });
    const workers = await Promise.all(
      [1, 2].map(async () => {
        const database = await openDatabase({ kind: "postgres", connectionString: h().db.connectionString ?? "", poolSize: 3 });
        const booted = await bootApp({
          config, logger: createLogger("silent"), roles: { work: true, schedule: true }, startQueue: true,
          definitions: [countJob], database, pollingIntervalSeconds: 0.5,
        });
        return { booted, database };
      }),
    );
    const total = 60;
    for (let n = 0; n < total; n++) await workers[n % 2]?.booted.app.queue.send("test.count", { n });
    await waitFor(async () => (seen.length >= total ? true : undefined), "all jobs to run", 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would show up by now
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    for (const w of workers) {
      await w.booted.shutdown();
      await w.database.close();
    }
  });
});
