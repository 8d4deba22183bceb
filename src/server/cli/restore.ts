import { existsSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { embeddedDbDir } from "../boot.ts";
import type { TConfig } from "../config.ts";
import { acquireDataDirLock } from "../lib/data-dir-lock.ts";
import { UsageError } from "./args.ts";
import type { TCommandIo } from "./io.ts";

/**
 * Replaces the embedded database with a backup. Needs the data directory to itself (stop
 * `npm start` first); the previous database is kept beside it, renamed, never deleted.
 */
export async function restoreBackup(config: TConfig, file: string | undefined, io: TCommandIo): Promise<number> {
  if (config.databaseUrl) throw new UsageError("restore is for the embedded database; use pg_restore for PostgreSQL");
  if (!file) throw new UsageError("give the backup file: repute restore FILE");
  const source = path.resolve(io.cwd, file);
  if (!existsSync(source)) throw new UsageError(`no such file: ${source}`);
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const target = embeddedDbDir(config.dataDir);
    let keptAt: string | undefined;
    if (existsSync(target)) {
      keptAt = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(target, keptAt);
    }
    const blob = new Blob([readFileSync(source)]);
    const db = await PGlite.create({ dataDir: target, loadDataDir: blob });
    await db.query("select 1");
    await db.close();
    io.out(`Restored ${source} into ${target}${keptAt ? `; the previous database is kept at ${keptAt}` : ""}`);
    return 0;
  } finally {
    lock.release();
  }
}
