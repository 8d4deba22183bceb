/**
 * A worker process for the crash-safety test: opens the database named by the environment
 * (DATA_DIR or DATABASE_URL), runs one source to the end exactly as the `sources.sync` job
 * does, and prints one line per run. The test kills it with SIGKILL mid-way and starts it again.
 */
import { bootApp } from "../boot.ts";
import { loadConfig } from "../config.ts";
import { defaultIngestClassifier } from "../features/ingest/ingest-classifier.ts";
import { syncSource } from "../features/ingest/sync-source.ts";
import { createLogger } from "../lib/logger.ts";

const sourceId = process.argv[2];
if (!sourceId) throw new Error("usage: sync-child <sourceId>");
const config = loadConfig();
const booted = await bootApp({ config, logger: createLogger(config.logLevel), roles: { work: false, schedule: false }, startQueue: false });
try {
  const classifier = await defaultIngestClassifier();
  for (;;) {
    const outcome = await syncSource(booted.app, sourceId, { classifier, maxPages: 5 });
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    if (outcome.status !== "ok" || !outcome.more) break;
  }
} finally {
  await booted.shutdown();
}
