/**
 * Startup benchmark for `repute start` on the embedded database (PGlite).
 *
 *   node --import tsx bench/startup.ts [--runs 5] [--rss-runs 3] [--idle-seconds 10] [--launch npm|direct|both]
 *   npm run bench:startup
 *
 * Figures (median of N runs):
 *   - cold start, first run: empty DATA_DIR (creates the database, applies migrations), from
 *     spawn to the first 200 of GET /api/health;
 *   - cold start, second run: the same DATA_DIR again (database exists);
 *   - idle RSS: VmRSS of the node process that serves (pid read from DATA_DIR/repute.lock),
 *     `--idle-seconds` after the first healthy answer, on an existing DATA_DIR.
 *
 * `--launch npm` (default) spawns `npm start` exactly as an operator would; `direct` spawns the
 * pinned Node binary (node_modules/.bin/node --import tsx src/server/main.ts start), which shows
 * what npm itself adds. One warm-up start (not counted) fills the OS file cache and tsx's
 * transform cache first. Results: Markdown on stdout, JSON in bench/results/startup.json.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PINNED_NODE = path.join(ROOT, "node_modules/.bin/node");
const RESULTS = path.join(ROOT, "bench/results/startup.json");

type TLaunch = "npm" | "direct";

const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "rss-runs": { type: "string", default: "3" },
    "idle-seconds": { type: "string", default: "10" },
    launch: { type: "string", default: "npm" },
  },
  strict: true,
});
const RUNS = positiveInt(flags.runs, "--runs");
const RSS_RUNS = positiveInt(flags["rss-runs"], "--rss-runs");
const IDLE_SECONDS = positiveInt(flags["idle-seconds"], "--idle-seconds");
const LAUNCHES: TLaunch[] =
  flags.launch === "both" ? ["npm", "direct"] : flags.launch === "npm" || flags.launch === "direct" ? [flags.launch] : usage();

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) usage(`${name} must be a positive integer`);
  return n;
}

function usage(message = "--launch must be npm, direct or both"): never {
  process.stderr.write(`${message}\nUsage: node --import tsx bench/startup.ts [--runs N] [--rss-runs N] [--idle-seconds S] [--launch npm|direct|both]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

/** Children we started, each the leader of its own process group (detached). */
const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();

function cleanup(): void {
  for (const child of live) if (child.pid) kill(-child.pid, "SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "repute-bench-"));
  tempDirs.add(dir);
  return dir;
}

function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

type TRunning = {
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  healthyMs: number;
  /** The node process that serves (for `npm start`, a grandchild). */
  servingPid: number;
  stop(): Promise<void>;
};

async function startRepute(launch: TLaunch, dataDir: string): Promise<TRunning> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir };
  for (const key of ["DATABASE_URL", "LOG_LEVEL", "PUBLIC_URL"]) delete env[key];
  const [command, args] =
    launch === "npm" ? ["npm", ["start"]] : [PINNED_NODE, ["--import", "tsx", "src/server/main.ts", "start"]];

  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  live.add(child);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  const closed = new Promise<void>((resolve) =>
    child.on("close", () => {
      live.delete(child);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}/api/health`;
  const deadline = started + 120_000;
  let healthyMs: number | undefined;
  while (healthyMs === undefined) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`repute exited before it was healthy:\n${stderr}`);
    if (performance.now() > deadline) {
      if (child.pid) kill(-child.pid, "SIGKILL");
      throw new Error(`repute was not healthy within 120 s:\n${stderr}`);
    }
    const ok = await fetch(url).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status === 200;
      },
      () => false,
    );
    if (ok) healthyMs = performance.now() - started;
    else await sleep(20);
  }

  const servingPid = Number.parseInt(readFileSync(path.join(dataDir, "repute.lock"), "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(servingPid)) throw new Error("no pid in the lock file");

  return {
    child,
    healthyMs,
    servingPid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A graceful stop of the server; npm then exits on its own. Kill the group if it hangs.
      kill(servingPid, "SIGTERM");
      const timer = setTimeout(() => child.pid && kill(-child.pid, "SIGKILL"), 20_000);
      await closed;
      clearTimeout(timer);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** VmRSS / VmHWM of a process, in KiB. */
function memoryOf(pid: number): { rssKiB: number; hwmKiB: number; command: string } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
  const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  return { rssKiB: field("VmRSS"), hwmKiB: field("VmHWM"), command };
}

// ---------------------------------------------------------------------------------------------
// Statistics and machine
// ---------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function machineInfo() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const meminfo = readFileSync("/proc/meminfo", "utf8");
  const memKiB = Number(meminfo.match(/^MemTotal:\s+(\d+) kB/m)?.[1] ?? 0);
  const serverNode = execFileSync(PINNED_NODE, ["--version"], { encoding: "utf8" }).trim();
  let npmVersion = "";
  try {
    npmVersion = execFileSync("npm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    npmVersion = "(not found)";
  }
  return {
    cores: os.availableParallelism(),
    cpuModel: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((memKiB / 1024 / 1024) * 10) / 10,
    serverNode,
    benchNode: process.version,
    npm: npmVersion,
    kernel: os.release(),
    platform: `${os.platform()} ${os.arch()}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Benchmark
// ---------------------------------------------------------------------------------------------

type TFigure = { figure: string; launch: TLaunch; unit: "ms" | "MiB"; median: number; runs: number[]; extra?: Record<string, unknown> };

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function benchLaunch(launch: TLaunch): Promise<TFigure[]> {
  const label = launch === "npm" ? "npm start" : "node (pinned, direct)";
  log(`\n== ${label}`);
  {
    const dir = tempDir();
    const warm = await startRepute(launch, dir);
    log(`warm-up (not counted): ${warm.healthyMs.toFixed(0)} ms`);
    await warm.stop();
    removeDir(dir);
  }

  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = tempDir();
    const a = await startRepute(launch, dir);
    await a.stop();
    const b = await startRepute(launch, dir);
    await b.stop();
    removeDir(dir);
    first.push(a.healthyMs);
    second.push(b.healthyMs);
    log(`run ${i + 1}/${RUNS}: first ${a.healthyMs.toFixed(0)} ms, second ${b.healthyMs.toFixed(0)} ms`);
  }

  const rss: number[] = [];
  const hwm: number[] = [];
  let servingCommand = "";
  const rssDir = tempDir();
  await (await startRepute(launch, rssDir)).stop(); // an existing DATA_DIR for the idle runs
  for (let i = 0; i < RSS_RUNS; i++) {
    const running = await startRepute(launch, rssDir);
    await sleep(IDLE_SECONDS * 1000);
    const memory = memoryOf(running.servingPid);
    servingCommand = memory.command;
    await running.stop();
    rss.push(memory.rssKiB / 1024);
    hwm.push(memory.hwmKiB / 1024);
    log(`idle ${i + 1}/${RSS_RUNS}: VmRSS ${(memory.rssKiB / 1024).toFixed(1)} MiB (peak VmHWM ${(memory.hwmKiB / 1024).toFixed(1)} MiB), pid ${running.servingPid}`);
  }
  removeDir(rssDir);

  const round = (values: number[], digits: number) => values.map((v) => Number(v.toFixed(digits)));
  return [
    { figure: "Cold start to healthy, first run (empty DATA_DIR, creates DB + migrations)", launch, unit: "ms", median: Math.round(median(first)), runs: round(first, 0) },
    { figure: "Cold start to healthy, second run (existing DATA_DIR)", launch, unit: "ms", median: Math.round(median(second)), runs: round(second, 0) },
    {
      figure: `Idle RSS of the serving node process, ${IDLE_SECONDS} s after healthy`,
      launch,
      unit: "MiB",
      median: Number(median(rss).toFixed(1)),
      runs: round(rss, 1),
      extra: { peakVmHWMMiBMedian: Number(median(hwm).toFixed(1)), servingCommand },
    },
  ];
}

function markdown(figures: TFigure[], machine: ReturnType<typeof machineInfo>): string {
  const fmt = (f: TFigure, v: number) => (f.unit === "ms" ? `${Math.round(v)} ms` : `${v.toFixed(1)} MiB`);
  const launchLabel = (l: TLaunch) => (l === "npm" ? "`npm start`" : "`node` (direct)");
  const lines = [
    "| Figure | Launch | Median | Runs | Cores | CPU | Memory | Node |",
    "|---|---|---|---|---|---|---|---|",
    ...figures.map(
      (f) =>
        `| ${f.figure} | ${launchLabel(f.launch)} | **${fmt(f, f.median)}** | ${f.runs.length} (${fmt(f, Math.min(...f.runs))}–${fmt(f, Math.max(...f.runs))}) | ${machine.cores} | ${machine.cpuModel} | ${machine.memoryGiB} GiB | ${machine.serverNode} |`,
    ),
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const machine = machineInfo();
  log(`Repute startup bench: ${RUNS} runs, ${RSS_RUNS} idle runs of ${IDLE_SECONDS} s; ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, server ${machine.serverNode}`);
  const loadBefore = os.loadavg().map((l) => Number(l.toFixed(2)));
  if ((loadBefore[0] ?? 0) > machine.cores / 2)
    log(`warning: 1-minute load average is ${loadBefore[0]} on ${machine.cores} cores; other work on this machine will inflate the figures`);
  const figures: TFigure[] = [];
  for (const launch of LAUNCHES) figures.push(...(await benchLaunch(launch)));
  const loadAfter = os.loadavg().map((l) => Number(l.toFixed(2)));
  const table = markdown(figures, machine);
  process.stdout.write(`\n${table}\n\nLoad average (1/5/15 min) before: ${loadBefore.join(" / ")}, after: ${loadAfter.join(" / ")}\n`);
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ date: new Date().toISOString(), machine, settings: { runs: RUNS, rssRuns: RSS_RUNS, idleSeconds: IDLE_SECONDS }, loadAverage: { before: loadBefore, after: loadAfter }, figures, markdown: table }, null, 2)}\n`,
  );
  log(`\nJSON written to ${path.relative(process.cwd(), RESULTS) || RESULTS}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
