/**
 * Crash safety of the pipeline, for real: a worker process syncing a large VK search is killed
 * with SIGKILL mid-run — twice, at different pages — and started again. Every matching post
 * must then be stored exactly once, and the source's cursor and counters must agree with the
 * rows, because each page commits together with the cursor that follows it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bootApp } from "../../boot.ts";
import { loadConfig } from "../../config.ts";
import { startReplayServer, type TReplayServer } from "../../connectors/test-kit.ts";
import { createLogger } from "../../lib/logger.ts";
import { createBrandRow } from "../../test/monitoring-fixtures.ts";
import { type TTestDatabaseKind, openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { insertSource } from "../sources/queries.ts";
import { brandMentions, sourceForSync } from "./queries.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const CHILD = path.join(ROOT, "src/server/test/sync-child.ts");
const POSTS = 1000;
const PAGE = 200;

/** A VK newsfeed.search that holds POSTS posts of the last 20 hours; every third one names the brand. */
function vkSearchServer(onRequest: (n: number) => void): Promise<TReplayServer> {
  const now = Math.floor(Date.now() / 1000);
  const posts = Array.from({ length: POSTS }, (_, i) => ({
    id: 100_000 - i,
    owner_id: -(1000 + (i % 7)),
    from_id: 500 + i,
    date: now - 60 - i * 70,
    text: i % 3 === 0 ? `Пост ${i}: Нортвинд снова поднял ставки по вкладам, обсуждаем` : `Пост ${i}: погода, пробки и прочие новости города`,
    post_type: "post",
    likes: { count: i % 11 },
  }));
  let requests = 0;
  return startReplayServer(async (req) => {
    if (req.path !== "/method/newsfeed.search") return { status: 404, body: { error: "no such method" } };
    onRequest(++requests);
    await new Promise((r) => setTimeout(r, 40));
    const offset = Number(req.query.get("start_from") ?? "0");
    const count = Number(req.query.get("count") ?? PAGE);
    const items = posts.slice(offset, offset + count);
    const next = offset + count < POSTS ? String(offset + count) : undefined;
    return { body: { response: { items, profiles: [], groups: [], count: items.length, total_count: POSTS, ...(next ? { next_from: next } : {}) } } };
  });
}

type TChildRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function runChild(env: Record<string, string>, sourceId: string, register: (child: ChildProcess) => void): Promise<TChildRun> {
  return new Promise((resolve) => {
    const child = spawn(NODE, ["--import", "tsx", CHILD, sourceId], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "silent", FETCH_ALLOW_LOOPBACK: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    register(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.each(testDatabaseKinds)("crash safety: kill -9 during a sync [%s]", (kind: TTestDatabaseKind) => {
  it("stores every item exactly once with a consistent cursor after two SIGKILLs", { timeout: 180_000 }, async () => {
    const env = await databaseEnv(kind);
    let current: ChildProcess | undefined;
    let killAt = 3;
    let startedRequests = 0;
    const server = await vkSearchServer((n) => {
      if (n === killAt && current?.pid) current.kill("SIGKILL");
    });
    cleanups.push(() => server.close());

    const sourceId = await withApp(env, async (app) => {
      const { brandId } = await createBrandRow(app.db, "Нортвинд");
      const source = await insertSource(app.db, {
        brandId,
        connector: "vk",
        name: "VK search",
        config: { mode: "search", accessToken: "test-token", query: "нортвинд", baseUrl: server.baseUrl },
        ownPlace: false,
        intervalMinutes: 15,
      });
      return source.id;
    });

    // First worker dies when it asks for page 3 (pages 1–2 may or may not have committed).
    const first = await runChild(env, sourceId, (c) => (current = c));
    expect(first.signal).toBe("SIGKILL");
    // Second worker resumes from the stored cursor and dies asking for its second page.
    startedRequests = server.requests.length;
    killAt = startedRequests + 2;
    const second = await runChild(env, sourceId, (c) => (current = c));
    expect(second.signal).toBe("SIGKILL");
    const resumedFrom = Number(server.requests[startedRequests]?.query.get("start_from") ?? "0");
    expect(resumedFrom).toBeGreaterThan(0);
    // Third worker finishes.
    startedRequests = server.requests.length;
    killAt = Number.POSITIVE_INFINITY;
    const third = await runChild(env, sourceId, (c) => (current = c));
    expect(third.stderr).toBe("");
    expect(third.code).toBe(0);

    await withApp(env, async (app) => {
      const source = await sourceForSync(app.db, sourceId, false);
      const rows = await brandMentions(app.db, source?.brandId ?? "");
      const expected = Array.from({ length: POSTS }, (_, i) => i)
        .filter((i) => i % 3 === 0)
        .map((i) => `-${1000 + (i % 7)}_${100_000 - i}`)
        .sort();
      expect(rows.map((r) => r.externalId).sort()).toEqual(expected);
      expect(source?.itemsCollected).toBe(expected.length);
      expect(source?.consecutiveFailures).toBe(0);
      const cursor = JSON.parse(source?.cursor ?? "{}") as { nextFrom?: string; seen?: string[] };
      expect(cursor.nextFrom).toBeUndefined();
      expect(source?.lastSuccessAt).not.toBeNull();
    });
  });
});

async function databaseEnv(kind: TTestDatabaseKind): Promise<Record<string, string>> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "repute-crash-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }
  const db = await openTestDatabase("postgres");
  cleanups.push(() => db.drop());
  return { DATABASE_URL: db.connectionString ?? "", DATA_DIR: "/nonexistent-crash-test" };
}

async function withApp<T>(env: Record<string, string>, use: (app: Awaited<ReturnType<typeof bootApp>>["app"]) => Promise<T>): Promise<T> {
  const config = loadConfig({ LOG_LEVEL: "silent", ...env });
  const booted = await bootApp({ config, logger: createLogger("silent"), roles: { work: false, schedule: false }, startQueue: false });
  try {
    return await use(booted.app);
  } finally {
    await booted.shutdown();
  }
}
