import { PgBoss, fromPglite } from "pg-boss";
import type { TDatabase } from "../db/client.ts";
import { errorMessage } from "../lib/errors.ts";
import type { TLogger } from "../lib/logger.ts";
import { type TJobContext, type TJobDefinition, deadLetterQueue } from "./job.ts";

export type TQueueRoles = {
  /** Runs handlers. */
  work: boolean;
  /** Runs cron schedules and pg-boss maintenance (safe in many processes: pg-boss elects). */
  schedule: boolean;
};

export type TQueue = {
  boss: PgBoss;
  definitions: ReadonlyMap<string, TJobDefinition>;
  send(name: string, data: object, options?: { singletonKey?: string; startAfterSeconds?: number }): Promise<string | null>;
  start(runHandler: (definition: TJobDefinition, data: unknown, ctx: Omit<TJobContext, "app">) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
};

export type TQueueOptions = {
  database: TDatabase;
  definitions: TJobDefinition[];
  logger: TLogger;
  roles: TQueueRoles;
  concurrency: number;
  pollingIntervalSeconds?: number;
};

export function createQueue(options: TQueueOptions): TQueue {
  const { database, logger, roles } = options;
  const common = {
    schedule: roles.schedule,
    supervise: roles.schedule,
    migrate: true,
    application_name: "repute",
  };
  const boss = database.pglite
    ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: "pglite" })
    : new PgBoss({ ...common, connectionString: database.connectionString, max: 4 });
  boss.on("error", (error: unknown) => logger.error({ err: error }, "job queue error"));
  const definitions = new Map(options.definitions.map((d) => [d.name, d]));

  return {
    boss,
    definitions,
    async send(name, data, sendOptions = {}) {
      const definition = definitions.get(name);
      if (!definition) throw new Error(`Unknown job ${name}`);
      const parsed = definition.schema.parse(data) as object;
      return boss.send(name, parsed, {
        singletonKey: sendOptions.singletonKey,
        startAfter: sendOptions.startAfterSeconds,
      });
    },
    async start(runHandler) {
      await boss.start();
      for (const definition of definitions.values()) {
        await ensureQueue(boss, definition);
        if (roles.schedule) {
          if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: "UTC" });
          else await boss.unschedule(definition.name).catch(() => undefined);
        }
        if (!roles.work) continue;
        await boss.work(
            definition.name,
            {
              batchSize: 1,
              localConcurrency: options.concurrency,
              pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
            },
            async (jobs) => {
              for (const job of jobs) {
                const jobLogger = logger.child({ job: definition.name, jobId: job.id });
                try {
                  await runHandler(definition, job.data, { logger: jobLogger, jobId: job.id, attempt: job.retryCount + 1 });
                } catch (error) {
                  jobLogger.warn({ err: error, attempt: job.retryCount + 1 }, `job failed: ${errorMessage(error)}`);
                  throw error;
                }
              }
            },
          );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

async function ensureQueue(boss: PgBoss, definition: TJobDefinition): Promise<void> {
  const dead = deadLetterQueue(definition.name);
  if (!(await boss.getQueue(dead))) await boss.createQueue(dead, { retentionSeconds: 14 * 24 * 3600 });
  const queueOptions = {
    retryLimit: definition.retry.limit,
    retryDelay: definition.retry.delaySeconds,
    retryBackoff: definition.retry.backoff,
    expireInSeconds: definition.expireInSeconds ?? 15 * 60,
    deadLetter: dead,
  };
  if (await boss.getQueue(definition.name)) {
    const { deadLetter: _ignored, ...updatable } = queueOptions;
    await boss.updateQueue(definition.name, { ...updatable, deadLetter: dead });
  } else {
    await boss.createQueue(definition.name, { ...queueOptions, policy: definition.policy ?? "standard" });
  }
}
