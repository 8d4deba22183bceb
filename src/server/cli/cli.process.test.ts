/**
 * Process-level tests of the `repute` command line: real child processes on the pinned Node 24
 * (node_modules/.bin/node), a fresh temporary DATA_DIR per scenario, random free ports. Every
 * child is tracked and killed (by its own pid) when its scenario ends, and as a last resort
 * when the test worker exits.
 *
 * The PostgreSQL scenario runs only when TEST_DATABASE_URL is set (CI sets it).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type TServer,
  cleanUpProcesses,
  describeRun,
  expectOk,
  freePort,
  killAll,
  removeTempDir,
  repute,
  spawnRepute,
  startServer,
  stopProc,
  tempDataDir,
} from "../test/process-kit.ts";

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

afterAll(cleanUpProcesses);

// ---------------------------------------------------------------------------------------------
// HTTP helpers
// ---------------------------------------------------------------------------------------------

async function login(server: TServer, email: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

async function brandNames(server: TServer, token: string): Promise<string[]> {
  const response = await fetch(`${server.url}/api/brands`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { brands: { name: string }[] };
  return body.brands.map((b) => b.name).sort();
}

const DEMO_PASSWORD = "demo-password-123";
const DEMO_BRANDS = ["Northwind Bank", "Northwind Insurance", "Пельменная №1"].sort();

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

describe("shell commands without a running server", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = tempDataDir();
  });
  afterAll(async () => {
    await killAll();
    removeTempDir(dataDir);
  });

  it("user create makes the first admin on an empty data directory", async () => {
    const run = expectOk(
      await repute(["user", "create", "--email", "first@example.com", "--password", "first-password-1", "--role", "admin"], {
        DATA_DIR: dataDir,
      }),
    );
    expect(run.stdout).toMatch(/Created first@example\.com \(admin\) in workspace "My agency"/);
    expect(existsSync(path.join(dataDir, "pg"))).toBe(true);
    expect(existsSync(path.join(dataDir, "repute.lock")), "the lock is released on exit").toBe(false);
  });

  it("user create with an e-mail that exists fails with a clear message", async () => {
    const run = await repute(
      ["user", "create", "--email", "FIRST@example.com", "--password", "other-password-1", "--role", "admin"],
      { DATA_DIR: dataDir },
    );
    expect(run.code, describeRun(run)).toBe(1);
    expect(run.stderr).toContain("A user with e-mail first@example.com already exists");
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).not.toContain("Created");
  });

  it("a bad --role is a usage error (exit 2) naming the allowed roles", async () => {
    const run = await repute(["user", "create", "--email", "x@example.com", "--password", "x-password-1", "--role", "boss"], {
      DATA_DIR: dataDir,
    });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toContain("--role must be one of admin, specialist, client_approver, client_viewer");
    expect(run.stderr).toContain("Usage: repute user create");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("query test and query variants need no database and touch no data directory", async () => {
    const untouched = path.join(os.tmpdir(), `repute-nodata-${randomBytes(4).toString("hex")}`);
    const hit = await repute(["query", "test", "--query", "отзыв AND NOT спам", "--text", "Новые отзывы о банке"], { DATA_DIR: untouched });
    expect(hit.code, describeRun(hit)).toBe(0);
    expect(hit.stdout).toContain('"отзывы"');
    const miss = await repute(["query", "test", "--query", "отзыв AND NOT спам", "--text", "спам и отзывы"], { DATA_DIR: untouched });
    expect(miss.code, describeRun(miss)).toBe(1);
    const variants = await repute(["query", "variants", "Сбербанк"], { DATA_DIR: untouched });
    expect(variants.stdout).toContain("Sberbank");
    expect(variants.stdout).toContain("C,th,fyr");
    expect(existsSync(untouched)).toBe(false);
  });
});

describe("embedded database owned by a running `repute start`", () => {
  let dataDir: string;
  let backupDir: string;
  let server: TServer | undefined;
  let adminToken = "";
  const env = () => ({ DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = tempDataDir();
    backupDir = tempDataDir();
    server = await startServer("start", env());
  });
  afterAll(async () => {
    await server?.stop();
    await killAll();
    removeTempDir(dataDir);
    removeTempDir(backupDir);
  });

  const running = (): TServer => {
    if (!server) throw new Error("server not running");
    return server;
  };

  it("a second start on the same DATA_DIR fails naming the owner process", async () => {
    const port = await freePort();
    const run = await repute(["start"], { ...env(), PORT: String(port) });
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(run.stderr).toContain(`in use by process ${running().pid}`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const health = await fetch(`${running().url}/api/health`);
    expect(health.status, "the first server is unharmed").toBe(200);
  });

  it("demo, user create and token create are forwarded to the server and visible over HTTP", async () => {
    const demo = expectOk(await repute(["demo", "--password", DEMO_PASSWORD, "--accounts-only"], env()));
    expect(demo.stdout).toContain('Demo workspace "Demo Agency": 2 clients, 3 brands.');
    expect((await login(running(), "admin@demo.local", DEMO_PASSWORD)).status).toBe(200);
    expect((await login(running(), "admin@demo.local", "wrong-password-9")).status).toBe(401);

    const user = expectOk(
      await repute(["user", "create", "--email", "ops@example.com", "--password", "ops-password-1", "--role", "specialist"], env()),
    );
    expect(user.stdout).toContain("Created ops@example.com (specialist)");
    expect((await login(running(), "ops@example.com", "ops-password-1")).status).toBe(200);

    const token = expectOk(await repute(["token", "create", "--email", "admin@demo.local"], env()));
    adminToken = token.stdout.trim();
    expect(adminToken).toMatch(/^\S{20,}$/);
    expect(await brandNames(running(), adminToken)).toEqual(DEMO_BRANDS);
  });

  it("forwarded commands report usage errors and failures with their exit codes", async () => {
    const badRole = await repute(["user", "create", "--email", "y@example.com", "--password", "y-password-1", "--role", "boss"], env());
    expect(badRole.code, describeRun(badRole)).toBe(2);
    expect(badRole.stderr).toContain("--role must be one of");
    const duplicate = await repute(
      ["user", "create", "--email", "ops@example.com", "--password", "ops-password-1", "--role", "admin"],
      env(),
    );
    expect(duplicate.code, describeRun(duplicate)).toBe(1);
    expect(duplicate.stderr).toContain("already exists");
    expect(duplicate.stderr).not.toMatch(STACK_LINE);
  });

  it("backup while running is forwarded and writes the file", async () => {
    const run = expectOk(await repute(["backup", path.join(backupDir, "backup.tar.gz")], env()));
    expect(run.stdout).toContain(`Backup written to ${path.join(backupDir, "backup.tar.gz")}`);
    expect(statSync(path.join(backupDir, "backup.tar.gz")).size).toBeGreaterThan(10_000);
  });

  it("restore while the server runs fails clearly and leaves the database alone", async () => {
    const run = await repute(["restore", path.join(backupDir, "backup.tar.gz")], env());
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(run.stderr).toContain(`in use by process ${running().pid}`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(dataDir).filter((f) => f.startsWith("pg.before-restore"))).toEqual([]);
    expect(await brandNames(running(), adminToken)).toEqual(DEMO_BRANDS);
  });

  it("after kill -9, start takes the stale lock over and the data is still there", async () => {
    const killedPid = running().pid;
    await running().kill9();
    expect(existsSync(path.join(dataDir, "repute.lock")), "kill -9 leaves the lock behind").toBe(true);
    server = await startServer("start", env());
    expect(server.pid).not.toBe(killedPid);
    expect(await brandNames(server, adminToken)).toEqual(DEMO_BRANDS);
    expect((await login(server, "ops@example.com", "ops-password-1")).status).toBe(200);
    // The control socket was replaced too: a forwarded command reaches the new owner.
    const migrate = expectOk(await repute(["migrate"], env()));
    expect(migrate.stdout).toContain("Migrations are applied.");
  });

  it("restore brings the backup back after the server stops and the data changed", async () => {
    await running().stop();
    server = undefined;
    expect(existsSync(path.join(dataDir, "repute.lock")), "a clean stop releases the lock").toBe(false);
    expect(existsSync(path.join(dataDir, "control.sock")), "a clean stop removes the control socket").toBe(false);

    expectOk(
      await repute(["user", "create", "--email", "late@example.com", "--password", "late-password-1", "--role", "admin"], env()),
    );
    const restore = expectOk(await repute(["restore", path.join(backupDir, "backup.tar.gz")], env()));
    expect(restore.stdout).toMatch(/Restored .* the previous database is kept at .*pg\.before-restore-/);

    server = await startServer("start", env());
    expect((await login(server, "late@example.com", "late-password-1")).status, "the change after the backup is gone").toBe(401);
    expect((await login(server, "ops@example.com", "ops-password-1")).status, "data from before the backup is back").toBe(200);
    expect(await brandNames(server, adminToken)).toEqual(DEMO_BRANDS);
  });
});

describe("configuration and database errors", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = tempDataDir();
  });
  afterAll(async () => {
    await killAll();
    removeTempDir(dataDir);
  });

  it("bad configuration exits non-zero listing every bad variable", async () => {
    const run = await repute(["start"], {
      DATA_DIR: dataDir,
      PORT: "abc",
      LOG_LEVEL: "loud",
      DATABASE_URL: "not-a-url",
      SESSION_TTL_HOURS: "0",
    });
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(run.stderr).toContain("Invalid configuration");
    for (const name of ["PORT", "LOG_LEVEL", "DATABASE_URL", "SESSION_TTL_HOURS"]) expect(run.stderr).toMatch(new RegExp(`^\\s+- ${name}: `, "m"));
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(dataDir), "nothing is created on bad config").toEqual([]);
  });

  it("an unreachable DATABASE_URL fails with a clear message, password redacted, no stack trace", async () => {
    const run = await repute(["start"], { DATA_DIR: dataDir, DATABASE_URL: "postgres://postgres:s3cret-pw@127.0.0.1:1/x" });
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(run.stderr).toContain("Cannot connect to PostgreSQL at postgres://postgres:***@127.0.0.1:1/x");
    expect(run.stderr).toContain("ECONNREFUSED");
    expect(run.stderr).not.toContain("s3cret-pw");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("the same unreachable URL, without a password, also fails cleanly for shell commands", async () => {
    const run = await repute(["migrate"], { DATA_DIR: dataDir, DATABASE_URL: "postgres://postgres@127.0.0.1:1/x" });
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(run.stderr).toContain("Cannot connect to PostgreSQL at postgres://postgres@127.0.0.1:1/x");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("web and worker without DATABASE_URL exit with a clear message", async () => {
    const [web, worker] = await Promise.all([repute(["web"], { DATA_DIR: dataDir }), repute(["worker"], { DATA_DIR: dataDir })]);
    for (const [role, run] of [["web", web], ["worker", worker]] as const) {
      expect(run.code, describeRun(run)).toBe(2);
      expect(run.stderr).toContain(`"repute ${role}" runs beside other processes and needs DATABASE_URL`);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("on a real PostgreSQL server (TEST_DATABASE_URL)", () => {
  const dbName = `repute_cli_${randomBytes(6).toString("hex")}`;
  let databaseUrl = "";
  let dataDir: string;

  async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dataDir = tempDataDir();
    await admin((c) => c.query(`create database ${dbName}`));
    const url = new URL(serverUrl ?? "");
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  });
  afterAll(async () => {
    await killAll();
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    removeTempDir(dataDir);
  });

  it("start on DATABASE_URL serves and reports database postgres", async () => {
    const server = await startServer("start", { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; database: string };
      expect(health).toMatchObject({ status: "ok", database: "postgres" });
      expect(existsSync(path.join(dataDir, "repute.lock")), "no embedded lock with DATABASE_URL").toBe(false);
      expect(existsSync(path.join(dataDir, "pg")), "no embedded database with DATABASE_URL").toBe(false);
    } finally {
      await server.stop();
    }
  });

  it("web and worker run side by side as separate processes on one database", async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    const worker = spawnRepute(["worker"], env);
    try {
      const web = await startServer("web", env);
      try {
        const deadline = Date.now() + 60_000;
        while (!worker.stderr().includes("Repute worker is running") && Date.now() < deadline) {
          if (worker.child.exitCode !== null) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(worker.stderr(), "the worker reports it runs").toContain("Repute worker is running");
        const health = (await (await fetch(`${web.url}/api/health`)).json()) as { database: string };
        expect(health.database).toBe("postgres");

        // A shell command against the same database, then the web process sees the result.
        expectOk(await repute(["demo", "--password", DEMO_PASSWORD, "--accounts-only"], env));
        expect((await login(web, "admin@demo.local", DEMO_PASSWORD)).status).toBe(200);

        await new Promise((r) => setTimeout(r, 1_000));
        expect(worker.child.exitCode, `worker still running:\n${worker.stderr()}`).toBeNull();
        expect(web.child.exitCode, `web still running:\n${web.stderr()}`).toBeNull();
      } finally {
        await web.stop();
      }
    } finally {
      await stopProc(worker);
    }
    // Both stop cleanly on SIGTERM.
    expect((await worker.exited).code).toBe(0);
  });
});
