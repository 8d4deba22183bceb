import { afterAll, beforeAll, describe } from "vitest";
import { bootApp } from "../boot.ts";
import { loadConfig } from "../config.ts";
import type { TAppContext } from "../context.ts";
import { createHttpApp, type THttpApp } from "../http/app.ts";
import type { TJobDefinition } from "../jobs/job.ts";
import { createLogger } from "../lib/logger.ts";
import { type TTestDatabase, type TTestDatabaseKind, openTestDatabase, testDatabaseKinds } from "./databases.ts";

export type THarness = { app: TAppContext; http: THttpApp; kind: TTestDatabaseKind; db: TTestDatabase; close(): Promise<void> };

export type THarnessOptions = {
  env?: Record<string, string>;
  /** Start pg-boss with workers and schedules (most tests need neither). */
  startQueue?: boolean;
  definitions?: TJobDefinition[];
};

export async function createHarness(kind: TTestDatabaseKind, options: THarnessOptions = {}): Promise<THarness> {
  const db = await openTestDatabase(kind);
  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: "/nonexistent-test-data-dir", ...options.env });
  const booted = await bootApp({
    config,
    logger: createLogger(config.logLevel),
    roles: { work: options.startQueue ?? false, schedule: options.startQueue ?? false },
    startQueue: options.startQueue ?? false,
    definitions: options.definitions,
    database: db.database,
    pollingIntervalSeconds: 0.5,
  });
  return {
    app: booted.app,
    http: createHttpApp(booted.app, { webRoot: "/nonexistent-web-root" }),
    kind,
    db,
    async close() {
      await booted.shutdown();
      await db.drop();
    },
  };
}

/** Runs the suite once per available database, each on a fresh one. */
export function describeOnDatabases(name: string, suite: (harness: () => THarness) => void, options: THarnessOptions = {}) {
  describe.each(testDatabaseKinds)(`${name} [%s]`, (kind) => {
    let harness: THarness | undefined;
    beforeAll(async () => {
      harness = await createHarness(kind, options);
    });
    afterAll(async () => {
      await harness?.close();
    });
    suite(() => {
      if (!harness) throw new Error("harness not ready");
      return harness;
    });
  });
}
