/**
 * `repute import mentions` as a person runs it: real child processes on the pinned Node, a
 * temporary DATA_DIR, the command forwarded to a running `repute start` and run on its own
 * after the server stops; on PostgreSQL (TEST_DATABASE_URL) beside `repute web`. Every child is
 * killed by its own pid when the scenario ends.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TServer, cleanUpProcesses, describeRun, repute, startServer, tempDataDir } from "../../test/process-kit.ts";
import { brandAnalyticsCsv, youscanXlsx } from "./import-test-fixtures.ts";

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const ROWS = 700;

/** A command of this file: imports of hundreds of rows get two minutes before they are killed. */
const importRun = (args: string[], env: Record<string, string>) => repute(args, env, 120_000);

afterAll(cleanUpProcesses);

/** An admin, a token and a brand, made the way a person would: shell, then the API. */
async function brandOn(server: TServer, env: Record<string, string>): Promise<{ token: string; brandId: string }> {
  const email = `importer-${randomBytes(3).toString("hex")}@example.com`;
  const user = await importRun(["user", "create", "--email", email, "--password", "import-password-1", "--role", "admin"], env);
  expect(user.code, describeRun(user)).toBe(0);
  const tokenRun = await importRun(["token", "create", "--email", email], env);
  expect(tokenRun.code, describeRun(tokenRun)).toBe(0);
  const token = tokenRun.stdout.trim();
  const post = async (apiPath: string, body: unknown) => {
    const response = await fetch(`${server.url}${apiPath}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, { id: string }>;
  };
  const client = await post("/api/clients", { name: `Client ${randomBytes(3).toString("hex")}` });
  const brand = await post("/api/brands", { clientId: client.client?.id, name: "Нортвинд Банк" });
  return { token, brandId: brand.brand?.id ?? "" };
}

/** A Brand Analytics-like CSV big enough (≈ 300 KB) for the progress to pass every tenth. */
function writeFixtures(dir: string): { csv: string; xlsx: string } {
  const words = ["кредит", "вклад", "карта", "офис", "поддержка", "приложение", "перевод", "кэшбэк", "ипотека", "менеджер", "очередь", "звонок"];
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    date: `${String(1 + (i % 28)).padStart(2, "0")}.02.2026`,
    time: `${String(i % 24).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}`,
    text: `${i % 3 === 0 ? "Нортвинд" : "Банк"}: ${Array.from({ length: 40 }, (_, k) => words[(i * 31 + k * 7) % words.length]).join(" ")} №${i}`,
    url: `https://vk.com/wall-777001_${i}`,
    author: `Автор ${i}`,
    platform: "ВКонтакте",
    messageType: "Пост",
    sentiment: i % 2 ? "Негатив" : "Позитив",
  }));
  rows.push({ ...rows[0], date: "31.02.2026", url: "https://vk.com/wall-777001_bad" } as (typeof rows)[number]);
  const csv = path.join(dir, "ba export.csv");
  writeFileSync(csv, brandAnalyticsCsv(rows));
  return { csv, xlsx: path.join(dir, "youscan.xlsx") };
}

function expectProgressLines(stderr: string): void {
  const lines = stderr.split("\n").filter((l) => l.startsWith("import: "));
  expect(lines.length, stderr).toBeGreaterThanOrEqual(5);
  expect(lines.at(-1)).toMatch(/^import: 100% · 701 rows read · 700 stored · 1 rejected · \d{1,3}( \d{3})* rows\/s$/);
  expect(lines.some((l) => /^import: +\d{1,2}% · [\d ]+ rows read · [\d ]+ stored · .*rows\/s · ETA \d+:\d\d$/.test(l)), stderr).toBe(true);
  expect(stderr, "no carriage-return bar without a terminal").not.toContain("\r");
}

function expectSummary(stdout: string, counts: { inserted: number; unchanged: number }): void {
  expect(stdout).toMatch(/^Imported ba export\.csv into "Нортвинд Банк" \(csv, delimiter ";", preset brand_analytics\) in [\d.]+ s$/m);
  expect(stdout).toMatch(/^ {2}read\s+701$/m);
  expect(stdout).toMatch(new RegExp(`^ {2}inserted\\s+${counts.inserted}\\b`, "m"));
  expect(stdout).toMatch(new RegExp(`^ {2}unchanged\\s+${counts.unchanged}\\b`, "m"));
  expect(stdout).toMatch(/^ {2}rejected\s+1$/m);
  expect(stdout).toContain(`row ${ROWS + 2}, column "Дата": cannot read "31.02.2026`);
}

describe("repute import mentions on the embedded database", () => {
  let dataDir: string;
  let files: { csv: string; xlsx: string };
  let server: TServer;
  let brand: { token: string; brandId: string };
  const env = () => ({ DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = tempDataDir();
    files = writeFixtures(tempDataDir());
    writeFileSync(files.xlsx, await youscanXlsx([{ date: new Date("2026-03-01T10:20:00Z"), source: "t.me", postType: "Пост", author: "Канал", text: "Нортвинд в телеграме", url: "https://t.me/chan/1" }]));
    server = await startServer("start", env());
    brand = await brandOn(server, env());
  }, 180_000);

  it("forwarded to the running server: progress lines on stderr, the summary on stdout; a second run adds nothing", async () => {
    const first = await importRun(["import", "mentions", "--brand", brand.brandId, files.csv], env());
    expect(first.code, describeRun(first)).toBe(0);
    expectSummary(first.stdout, { inserted: ROWS, unchanged: 0 });
    expect(first.stdout).toMatch(/inserted\s+700\s+\(\d+ match no semantic-core rule; kept\)/);
    expectProgressLines(first.stderr);

    const second = await importRun(["import", "mentions", "--brand", brand.brandId, files.csv], env());
    expect(second.code, describeRun(second)).toBe(0);
    expectSummary(second.stdout, { inserted: 0, unchanged: ROWS });

    const audit = await fetch(`${server.url}/api/brands/${brand.brandId}/audit?action=mentions.import`, { headers: { authorization: `Bearer ${brand.token}` } });
    const entries = ((await audit.json()) as { entries: { actorLabel: string; details: Record<string, unknown> }[] }).entries;
    expect(entries.map((e) => [e.actorLabel, e.details.inserted])).toEqual([
      ["cli", 0],
      ["cli", ROWS],
    ]);
  }, 180_000);

  it("usage and mapping errors exit 2 and say what to fix; a missing file or brand exits 1", async () => {
    const badMap = await importRun(["import", "mentions", "--brand", brand.brandId, "--map", "Нет такой=text", files.csv], env());
    expect(badMap.code, describeRun(badMap)).toBe(2);
    expect(badMap.stderr).toContain('no column "Нет такой" in the file');
    expect(badMap.stderr).toContain('Columns in the file: "Дата", "Время"');
    const missing = await importRun(["import", "mentions", "--brand", brand.brandId, path.join(dataDir, "nope.csv")], env());
    expect(missing.code, describeRun(missing)).toBe(1);
    expect(missing.stderr).toContain("no such file");
    const stranger = await importRun(["import", "mentions", "--brand", "00000000-0000-4000-8000-000000000000", files.csv], env());
    expect(stranger.code, describeRun(stranger)).toBe(1);
    expect(stranger.stderr).toContain("not found");
    for (const run of [badMap, missing, stranger]) expect(run.stderr).not.toMatch(STACK_LINE);
  }, 180_000);

  it("without a server the command runs on its own: the same file still adds nothing, a dry run stores nothing", async () => {
    await server.stop();
    const again = await importRun(["import", "mentions", "--brand", brand.brandId, files.csv], env());
    expect(again.code, describeRun(again)).toBe(0);
    expectSummary(again.stdout, { inserted: 0, unchanged: ROWS });
    expectProgressLines(again.stderr);

    const dry = await importRun(["import", "mentions", "--brand", brand.brandId, "--dry-run", files.xlsx], env());
    expect(dry.code, describeRun(dry)).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run of youscan\.xlsx into "Нортвинд Банк" \(xlsx, sheet "Упоминания", preset youscan\)/m);
    expect(dry.stdout).toMatch(/inserted\s+1\b/);
    expect(dry.stdout).toContain("Dry run: nothing was stored.");
    const real = await importRun(["import", "mentions", "--brand", brand.brandId, files.xlsx], env());
    expect(real.stdout, describeRun(real)).toMatch(/inserted\s+1\b/);
  }, 180_000);
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("repute import mentions on PostgreSQL (TEST_DATABASE_URL)", () => {
  let databaseUrl: string;
  let dbName: string;
  let server: TServer;
  let files: { csv: string; xlsx: string };
  const env = () => ({ DATABASE_URL: databaseUrl, DATA_DIR: path.join(os.tmpdir(), "repute-import-unused") });

  beforeAll(async () => {
    dbName = `repute_imp_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(serverUrl ?? "");
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    files = writeFixtures(tempDataDir());
    server = await startServer("web", env());
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("imports beside a running web process, and a second run adds nothing", async () => {
    const { brandId } = await brandOn(server, env());
    const first = await importRun(["import", "mentions", "--brand", brandId, files.csv], env());
    expect(first.code, describeRun(first)).toBe(0);
    expectSummary(first.stdout, { inserted: ROWS, unchanged: 0 });
    expectProgressLines(first.stderr);
    const second = await importRun(["import", "mentions", "--brand", brandId, files.csv], env());
    expectSummary(second.stdout, { inserted: 0, unchanged: ROWS });
  }, 180_000);
});
