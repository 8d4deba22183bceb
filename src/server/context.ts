import type { TConfig } from "./config.ts";
import type { TDatabase, TDb } from "./db/client.ts";
import type { TQueue } from "./jobs/queue.ts";
import type { TLogger } from "./lib/logger.ts";

/** What every use case, route and job receives: built once per process by `boot.ts`. */
export type TAppContext = {
  config: TConfig;
  database: TDatabase;
  db: TDb;
  logger: TLogger;
  queue: TQueue;
  startedAt: Date;
  version: string;
};

/** A transaction or the database itself: use cases accept either so they compose. */
export type TExecutor = TDb | Parameters<Parameters<TDb["transaction"]>[0]>[0];
