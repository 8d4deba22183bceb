import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

/**
 * The one place that knows there are two drivers. Everything else sees `TDb`, which is the
 * PostgreSQL dialect either way (PGlite is PostgreSQL compiled to WASM).
 */
export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type TDatabaseKind = "pglite" | "postgres";

export type TDatabase = {
  kind: TDatabaseKind;
  db: TDb;
  /** The embedded engine, when embedded (pg-boss and backups use it directly). */
  pglite: PGlite | undefined;
  connectionString: string | undefined;
  close(): Promise<void>;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any constant works: it only has to be the same for every process migrating one database. */
const MIGRATION_LOCK_KEY = 727_172_001;

export type TOpenOptions =
  | { kind: "pglite"; dataDir: string | undefined } // undefined = in memory (tests)
  | { kind: "postgres"; connectionString: string; poolSize?: number };

export async function openDatabase(options: TOpenOptions): Promise<TDatabase> {
  if (options.kind === "pglite") {
    if (options.dataDir) mkdirSync(path.dirname(options.dataDir), { recursive: true });
    const pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
    const db = drizzlePglite({ client: pglite, schema }) as unknown as TDb;
    return { kind: "pglite", db, pglite, connectionString: undefined, close: () => pglite.close() };
  }
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  // Fail now with the server's own words rather than on the first request.
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw new DatabaseUnavailableError(options.connectionString, error);
  });
  probe.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as TDb;
  return {
    kind: "postgres",
    db,
    pglite: undefined,
    connectionString: options.connectionString,
    close: () => pool.end(),
  };
}

export class DatabaseUnavailableError extends Error {
  constructor(connectionString: string, cause: unknown) {
    super(`Cannot connect to PostgreSQL at ${redactUrl(connectionString)}: ${errorMessage(cause)}`);
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Applies committed migrations; idempotent, and serialized across processes on PostgreSQL. */
export async function migrateDatabase(database: TDatabase): Promise<void> {
  if (database.pglite) {
    await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder });
    return;
  }
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export async function pingDatabase(db: TDb): Promise<void> {
  await db.execute(sql`select 1`);
}
