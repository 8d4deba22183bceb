import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, acquireDataDirLock, lockPath } from "./data-dir-lock.ts";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "repute-lock-"));

describe("data directory lock", () => {
  it("refuses a second owner while the first lives, and frees the directory on release", () => {
    const dir = freshDir();
    const lock = acquireDataDirLock(dir);
    // The same pid re-acquiring is not a second owner; fake a live foreign owner instead (pid 1 always lives).
    writeFileSync(lockPath(dir), "1\n");
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    writeFileSync(lockPath(dir), `${process.pid}\n`);
    lock.release();
    const again = acquireDataDirLock(dir);
    expect(readFileSync(lockPath(dir), "utf8")).toMatch(new RegExp(`^${process.pid}\\n`));
    again.release();
  });

  it("takes over a lock left by a process that died", () => {
    const dir = freshDir();
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(lockPath(dir), `${child.stdout.toString()}\n2026-01-01T00:00:00Z\n`);
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(lockPath(dir), "utf8").startsWith(`${process.pid}\n`)).toBe(true);
    lock.release();
  });
});
