import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import path from "node:path";

/**
 * PGlite does not lock its directory, and two processes on one directory silently lose
 * writes. The owner writes its pid here; a lock whose pid is gone (kill -9) is stale and taken over.
 */
export type TDataDirLock = { release(): void };

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly ownerPid: number) {
    super(`The data directory ${dataDir} is in use by process ${ownerPid}`);
  }
}

export const lockPath = (dataDir: string): string => path.join(dataDir, "repute.lock");

export function readLockOwner(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath(dataDir), "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): TDataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, `${process.pid}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readFileSync(file, "utf8").startsWith(`${process.pid}\n`)) rmSync(file, { force: true });
      };
      process.once("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLockOwner(dataDir);
      if (owner !== undefined && owner !== process.pid) throw new DataDirLockedError(dataDir, owner);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
