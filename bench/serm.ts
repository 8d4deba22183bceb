/**
 * One SERM scan at full size: 50 queries × 2 engines × top 20 with screenshots, against local
 * servers — one answering like SerpApi (its JSON shape, two pages of ten per search, the
 * archived HTML of the first page for the result-page screenshot) and one serving the result
 * pages — through the production code: runScan with the built-in classifier, a real Chromium
 * pool (`openScanBrowser`), blobs in PGlite on disk.
 *
 *   node_modules/.bin/node --import tsx bench/serm.ts [--queries 50] [--depth 20] [--overlap 0.5] [--pages 3] [--search-concurrency 4]
 *
 * `--overlap`: the share of a query's Bing results that are also in its Google results (the
 * pages are captured once); `--pages`: pages Chromium renders at once. Measured: wall time of the
 * scan (searches, then screenshots, tonality, Ex), pages captured a minute, and the peak memory
 * of the whole process tree — this node process and every Chromium process under it — sampled
 * every 250 ms from /proc: the sum of RSS (counts shared pages once per process, so it
 * overstates) and of PSS (shared pages split between the processes sharing them: the memory the
 * tree really holds). Also the CPU time of node and of the Chromium processes (sampled from
 * /proc, so a lower bound) per screenshot: unlike wall time, it does not depend on what else
 * the machine is doing. Goal (issue 6): under 10 minutes and 1.5 GB. Linux only.
 * Results: Markdown on stdout, JSON in bench/results/serm.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { bootApp } from "../src/server/boot.ts";
import { loadConfig } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db/client.ts";
import { insertBrand, insertClient, insertWorkspace } from "../src/server/features/accounts/queries.ts";
import { DEFAULT_REGION } from "../src/server/features/serm/config/manage-queries.ts";
import { insertQuery, saveSettingsRow } from "../src/server/features/serm/config/queries.ts";
import { itemsOfScan, resultsOfScan } from "../src/server/features/serm/scan/queries.ts";
import { runScan } from "../src/server/features/serm/scan/run-scan.ts";
import { defaultScanDeps } from "../src/server/features/serm/scan/scan-deps.ts";
import { openScanBrowser } from "../src/server/features/serm/scan/browser.ts";
import { createScan } from "../src/server/features/serm/scan/start-scan.ts";
import { createLogger } from "../src/server/lib/logger.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "bench/results/serm.json");

const { values: flags } = parseArgs({
  options: {
    queries: { type: "string", default: "50" },
    depth: { type: "string", default: "20" },
    overlap: { type: "string", default: "0.5" },
    pages: { type: "string", default: "3" },
    "search-concurrency": { type: "string", default: "4" },
  },
  strict: true,
});
const QUERIES = Number(flags.queries);
const DEPTH = Number(flags.depth) === 10 ? 10 : 20;
const OVERLAP = Math.min(1, Math.max(0, Number(flags.overlap)));
const PAGES = Math.max(1, Number(flags.pages));
const SEARCH_CONCURRENCY = Math.max(1, Number(flags["search-concurrency"]));
const SITES = 120;
const log = (message: string) => process.stderr.write(`[serm bench] ${message}\n`);

// ---------------------------------------------------------------- local servers

function listen(handler: http.RequestListener): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/** A result page: a heading, a few paragraphs, now and then a schema.org rating. */
function pageHtml(pathname: string): string {
  const n = [...pathname].reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0, 7);
  const rating = n % 5 === 0 ? `<script type="application/ld+json">{"@type":"AggregateRating","ratingValue":${1 + (n % 40) / 10},"reviewCount":${n % 500}}</script>` : "";
  const paragraphs = Array.from({ length: 6 + (n % 6) }, (_, i) => `<p>Абзац ${i + 1} страницы ${pathname}: отзывы клиентов, условия обслуживания, ответы компании и комментарии читателей.</p>`).join("");
  return `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Страница ${pathname}</title>${rating}<style>body{font:16px/1.5 sans-serif;margin:0}header{background:hsl(${n % 360},45%,40%);color:#fff;padding:20px 32px;font-size:22px}main{padding:24px 32px;max-width:900px}</style><header>Сайт ${pathname.split("/")[1]}</header><main><h1>Заголовок ${pathname}</h1>${paragraphs}</main></html>`;
}

/** The URLs a query finds: Google the first DEPTH of its pool, Bing a window shifted by (1 − overlap)·DEPTH. */
function resultUrls(pageOrigin: string, query: number, engine: string): string[] {
  const shift = engine === "bing" ? Math.round((1 - OVERLAP) * DEPTH) : 0;
  return Array.from({ length: DEPTH }, (_, i) => {
    const k = i + shift;
    return `${pageOrigin}/s${(query * 7 + k) % SITES}/q${query}-r${k}`;
  });
}

function serpHtml(engine: string, q: string, urls: readonly string[]): string {
  const items = urls.map((u, i) => `<div class="r"><a href="${u}">Результат ${i + 1}: ${q}</a><div class="u">${u}</div><p>Фрагмент страницы по запросу «${q}»: отзывы, условия, ответы компании.</p></div>`).join("");
  return `<!doctype html><html><meta charset="utf-8"><title>${q} - ${engine}</title><style>body{font:14px arial,sans-serif;margin:0}.top{padding:18px;border-bottom:1px solid #ddd}.res{padding:12px 24px 24px 160px;max-width:700px}.r{margin:18px 0}.r a{font-size:19px;color:#1a0dab}.u{color:#006621}</style><div class="top"><b>${engine}</b> ${q}</div><div class="res">${items}</div></html>`;
}

async function startServers() {
  const pages = await listen((req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(pageHtml(new URL(req.url ?? "/", "http://x").pathname));
  });
  let providerOrigin = "";
  const provider = await listen((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", url.pathname.endsWith(".html") ? "text/html; charset=utf-8" : "application/json");
    const html = /^\/searches\/(google|bing)-(\d+)\.html$/.exec(url.pathname);
    if (html) {
      const [, engine = "google", n = "0"] = html;
      res.end(serpHtml(engine, `query ${n}`, resultUrls(pages.origin, Number(n), engine).slice(0, 10)));
      return;
    }
    const engine = url.searchParams.get("engine") ?? "google";
    const q = url.searchParams.get("q") ?? "";
    const n = Number(/(\d+)$/.exec(q)?.[1] ?? 0);
    const offset = engine === "bing" ? Math.max(0, Number(url.searchParams.get("first") ?? 1) - 1) : Number(url.searchParams.get("start") ?? 0);
    const urls = resultUrls(pages.origin, n, engine).slice(offset, offset + 10);
    const id = `${engine}-${n}`;
    res.end(
      JSON.stringify({
        search_metadata: { id: `${id}-${offset}`, status: "Success", raw_html_file: `${providerOrigin}/searches/${id}.html` },
        search_parameters: { engine, q },
        search_information: { total_results: 1_000_000 + n },
        organic_results: urls.map((link, i) => ({ position: offset + i + 1, title: `Результат ${offset + i + 1}: ${q}`, link, snippet: `Отзывы о компании ${n}: условия, ответы, комментарии.` })),
        serpapi_pagination: offset + 10 < DEPTH ? { next: `${providerOrigin}/search.json?start=${offset + 10}` } : {},
      }),
    );
  });
  providerOrigin = provider.origin;
  return { pages, provider, close: () => Promise.all([pages, provider].map(({ server }) => new Promise((r) => server.close(r)))) };
}

// ---------------------------------------------------------------- memory of the process tree

function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      /* gone */
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

function kib(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(file, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of a process so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

function startSampler() {
  const peak = { rssMiB: 0, pssMiB: 0, processes: 0 };
  // The last CPU time seen of every process of the tree: a process that exits keeps what it used.
  const cpu = new Map<number, number>();
  const sample = () => {
    const tree = descendants(process.pid);
    for (const pid of tree) if (pid !== process.pid) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuSeconds(pid)));
    const rss = tree.reduce((s, pid) => s + kib(`/proc/${pid}/status`, "VmRSS"), 0) / 1024;
    const pss = tree.reduce((s, pid) => s + kib(`/proc/${pid}/smaps_rollup`, "Pss"), 0) / 1024;
    peak.rssMiB = Math.max(peak.rssMiB, rss);
    peak.pssMiB = Math.max(peak.pssMiB, pss);
    peak.processes = Math.max(peak.processes, tree.length);
  };
  const timer = setInterval(sample, 250);
  const startCpu = process.cpuUsage();
  return {
    peak,
    stop: () => (clearInterval(timer), sample()),
    /** CPU seconds since the start: this node process, and the Chromium processes under it (sampled, so a lower bound). */
    cpu: () => {
      const own = process.cpuUsage(startCpu);
      return { nodeSeconds: (own.user + own.system) / 1e6, chromiumSeconds: [...cpu.values()].reduce((a, b) => a + b, 0) };
    },
  };
}

// ---------------------------------------------------------------- the scan

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "repute-serm-bench-"));
  const servers = await startServers();
  const sampler = startSampler();
  try {
    const config = loadConfig({ LOG_LEVEL: "warn", DATA_DIR: dataDir, FETCH_ALLOW_LOOPBACK: "true" });
    const logger = createLogger(config.logLevel);
    const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pg") });
    const { app, shutdown } = await bootApp({ config, logger, roles: { work: false, schedule: false }, startQueue: false, database });
    const workspaceId = await insertWorkspace(app.db, "Bench agency");
    const client = await insertClient(app.db, workspaceId, "Bench client");
    const brand = await insertBrand(app.db, { workspaceId, clientId: client.id, name: "Бенч Банк" });
    await saveSettingsRow(app.db, {
      brandId: brand.id,
      engineProviders: { google: "serpapi", bing: "serpapi" },
      providerConfigs: { serpapi: { apiKey: "bench-key-0123456789", baseUrl: servers.provider.origin, keepHtml: true } },
      providerRateLimits: { serpapi: 60_000 },
    });
    for (let i = 0; i < QUERIES; i++) {
      await insertQuery(app.db, { brandId: brand.id, text: `бенч банк отзывы ${i}`, engines: ["google", "bing"], region: { ...DEFAULT_REGION, country: "us", lang: "en" }, depth: DEPTH });
    }
    const scan = await createScan(app.db, brand.id, { trigger: "manual", now: new Date() });
    if (!scan) throw new Error("no scan");
    log(`${QUERIES} queries × 2 engines × top ${DEPTH}, overlap ${OVERLAP}, ${PAGES} pages at once; scanning…`);
    const started = Date.now();
    const outcome = await runScan(app, scan.id, { ...defaultScanDeps(app), openBrowser: () => openScanBrowser(app, PAGES), searchConcurrency: SEARCH_CONCURRENCY });
    const seconds = (Date.now() - started) / 1000;
    sampler.stop();
    if (outcome.status === "skipped") throw new Error(outcome.reason);
    const items = await itemsOfScan(app.db, scan.id);
    const results = await resultsOfScan(app.db, scan.id);
    const searchedBy = Math.max(...items.map((i) => i.searchedAt?.getTime() ?? started));
    const searchSeconds = (searchedBy - started) / 1000;
    const shots = outcome.stats.pageShots + outcome.stats.serpShots;
    const report = {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "?", memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, node: process.version, loadAverage: os.loadavg() },
      settings: { queries: QUERIES, engines: 2, depth: DEPTH, overlap: OVERLAP, pagesAtOnce: PAGES, searchConcurrency: SEARCH_CONCURRENCY },
      status: outcome.status,
      error: outcome.error,
      stats: outcome.stats,
      results: results.length,
      uniquePages: new Set(results.map((r) => r.urlKey)).size,
      seconds,
      searchSeconds,
      screenshotSeconds: seconds - searchSeconds,
      pagesPerMinute: shots / (seconds / 60),
      screenshotsPerMinuteOfScreenshotPhase: shots / ((seconds - searchSeconds) / 60),
      peak: sampler.peak,
      cpu: sampler.cpu(),
    };
    const cpuPerShot = (report.cpu.nodeSeconds + report.cpu.chromiumSeconds) / Math.max(1, shots);
    mkdirSync(path.dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    console.log("| Scan | Status | Results | Screenshots (pages + result pages) | Wall time | Searches | Screenshots phase | Pages/min | CPU per screenshot (node + Chromium) | Peak PSS (RSS) of node + Chromium | Cores, load |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    console.log(
      `| ${QUERIES} queries × 2 engines × top ${DEPTH}, ${PAGES} pages at once | ${outcome.status} | ${results.length} (${report.uniquePages} distinct URLs) | ${outcome.stats.pageShots} + ${outcome.stats.serpShots}${outcome.stats.pageShotFailures ? ` (${outcome.stats.pageShotFailures} failed)` : ""}${outcome.stats.screenshotsNote ? ` — ${outcome.stats.screenshotsNote}` : ""} | **${seconds.toFixed(1)} s** | ${searchSeconds.toFixed(1)} s | ${(seconds - searchSeconds).toFixed(1)} s | **${report.pagesPerMinute.toFixed(0)}** | ${cpuPerShot.toFixed(2)} s (${report.cpu.nodeSeconds.toFixed(0)} + ${report.cpu.chromiumSeconds.toFixed(0)} s) | **${report.peak.pssMiB.toFixed(0)} MiB** (${report.peak.rssMiB.toFixed(0)} MiB) | ${report.machine.cores}, ${os.loadavg()[0]?.toFixed(1)} |`,
    );
    await shutdown();
    await database.close();
  } finally {
    sampler.stop();
    await servers.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
