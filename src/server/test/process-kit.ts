/**
 * Child-process plumbing for process-level tests of the `repute` command line: real children
 * on the pinned Node 24, tracked and killed by their own pid when a scenario ends (and as a
 * last resort when the test worker exits), temporary data directories, random free ports.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const MAIN = path.join(ROOT, "src/server/main.ts");
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

process.once("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.pid) safeKill(child.pid, "SIGKILL");
});

export function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "repute-cli-"));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The child's environment: the test's own minus every Repute variable, plus `env`. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["PORT", "HOST", "DATA_DIR", "DATABASE_URL", "PUBLIC_URL", "LOG_LEVEL", "WORKER_CONCURRENCY"]) delete base[key];
  return { ...base, HOST: "127.0.0.1", ...env };
}

export type TProc = {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function spawnRepute(args: string[], env: Record<string, string>): TProc {
  const child = spawn(NODE, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error("spawn failed");
  return { child, pid: child.pid, stdout: () => out, stderr: () => err, exited };
}

export type TRun = { code: number | null; stdout: string; stderr: string };

/** Runs a one-shot command to completion (killed after `timeoutMs`). */
export async function repute(args: string[], env: Record<string, string>, timeoutMs = 45_000): Promise<TRun> {
  const proc = spawnRepute(args, env);
  const timer = setTimeout(() => safeKill(proc.pid, "SIGKILL"), timeoutMs);
  const { code } = await proc.exited;
  clearTimeout(timer);
  return { code, stdout: proc.stdout(), stderr: proc.stderr() };
}

export const describeRun = (run: TRun) => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

/** Asserts exit 0, showing the output when it is not. */
export function expectOk(run: TRun): TRun {
  expect(run.code, describeRun(run)).toBe(0);
  return run;
}

export type TServer = TProc & { port: number; url: string; stop(): Promise<void>; kill9(): Promise<void> };

/** Starts a serving role and waits for GET /api/health to answer 200. */
export async function startServer(role: "start" | "web", env: Record<string, string>): Promise<TServer> {
  const port = await freePort();
  const proc = spawnRepute([role], { PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`repute ${role} exited before it was healthy:\n${proc.stderr()}`);
    if (Date.now() > deadline) {
      safeKill(proc.pid, "SIGKILL");
      throw new Error(`repute ${role} was not healthy within 90 s:\n${proc.stderr()}`);
    }
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...proc, port, url, stop: () => stopProc(proc), kill9: () => killProc(proc, "SIGKILL") };
}

export async function killProc(proc: TProc, signal: NodeJS.Signals): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  safeKill(proc.pid, signal);
  await proc.exited;
}

/** SIGTERM, then SIGKILL if it has not exited within 15 s. */
export async function stopProc(proc: TProc): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const timer = setTimeout(() => safeKill(proc.pid, "SIGKILL"), 15_000);
  safeKill(proc.pid, "SIGTERM");
  await proc.exited;
  clearTimeout(timer);
}

/** SIGKILLs every child still running (each by its own pid) and waits for them to go. */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const closed = new Promise((resolve) => child.once("close", resolve));
      safeKill(child.pid, "SIGKILL");
      await closed;
    }),
  );
}

/** For a test file's afterAll: every child killed, every temporary directory removed. */
export async function cleanUpProcesses(): Promise<void> {
  await killAll();
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

