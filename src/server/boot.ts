import { readFileSync } from "node:fs";
import path from "node:path";
import type { TConfig } from "./config.ts";
import type { TAppContext } from "./context.ts";
import { type TDatabase, migrateDatabase, openDatabase } from "./db/client.ts";
import { jobDefinitions } from "./jobs/definitions.ts";
import type { TJobDefinition } from "./jobs/job.ts";
import { type TQueueRoles, createQueue } from "./jobs/queue.ts";
import { acquireDataDirLock, type TDataDirLock } from "./lib/data-dir-lock.ts";
import type { TLogger } from "./lib/logger.ts";

export const embeddedDbDir = (dataDir: string): string => path.join(dataDir, "pg");

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export type TBootOptions = {
  config: TConfig;
  logger: TLogger;
  roles: TQueueRoles;
  /** Start pg-boss (false for one-shot shell commands that only read and write rows). */
  startQueue: boolean;
  definitions?: TJobDefinition[];
  pollingIntervalSeconds?: number;
  /** Tests pass an already-open database. */
  database?: TDatabase;
};

export type TBooted = { app: TAppContext; shutdown(): Promise<void> };

/** Opens (and locks) the database, migrates it, and starts the job queue in the asked roles. */
export async function bootApp(options: TBootOptions): Promise<TBooted> {
  const { config, logger } = options;
  let lock: TDataDirLock | undefined;
  let database = options.database;
  if (!database) {
    if (config.databaseUrl) {
      database = await openDatabase({ kind: "postgres", connectionString: config.databaseUrl });
    } else {
      lock = acquireDataDirLock(config.dataDir);
      database = await openDatabase({ kind: "pglite", dataDir: embeddedDbDir(config.dataDir) }).catch((error: unknown) => {
        lock?.release();
        throw error;
      });
    }
  }
  await migrateDatabase(database);
  const queue = createQueue({
    database,
    definitions: options.definitions ?? jobDefinitions,
    logger: logger.child({ part: "jobs" }),
    roles: options.roles,
    concurrency: config.workerConcurrency,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
  const app: TAppContext = { config, database, db: database.db, logger, queue, startedAt: new Date(), version: packageVersion() };
  if (options.startQueue) {
    await queue.start(async (definition, data, ctx) => {
      const parsed: unknown = definition.schema.parse(data ?? {});
      await definition.handler(parsed, { ...ctx, app });
    });
  }
  const db = database;
  return {
    app,
    async shutdown() {
      if (options.startQueue) await queue.stop().catch((error: unknown) => logger.warn({ err: error }, "queue stop failed"));
      if (!options.database) await db.close();
      lock?.release();
    },
  };
}
