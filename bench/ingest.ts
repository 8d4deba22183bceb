/**
 * Ingest throughput: generated mentions through the whole pipeline (normalize → match → dedupe →
 * cluster → classify → store), into PGlite and into PostgreSQL, beside a raw `COPY` of the same
 * stored rows into PostgreSQL as the limit; peak RSS; then feed queries on what was stored.
 *
 *   node --import tsx bench/ingest.ts [--count 1000000] [--db pglite|postgres|both] [--batch 1000] [--concurrency 2]
 *                                     [--runs 1] [--feed-queries 52] [--pg-url postgres://…/postgres]
 *
 * Each measured phase runs in a child process of its own, so its peak RSS is its own:
 *   - pipeline on PGlite, in a fresh data directory under the OS temp dir;
 *   - pipeline on PostgreSQL, in a database created for the run (`bench_ingest_<pid>_<n>`), which
 *     afterwards writes its stored rows out with `COPY … TO STDOUT` (not timed);
 *   - `COPY mentions FROM STDIN` of exactly those rows into another fresh database (with the same
 *     schema, indexes and generated full-text column), timed.
 * `--concurrency` pipelines run side by side on different sources (a source's pages never overlap), as
 * the worker runs `sources.sync` jobs (`WORKER_CONCURRENCY`, default 2); on PGlite, one connection,
 * transactions queue. Throughput is items over the phase's wall time less the untimed generation.
 * Items are generated per batch from a seeded generator (the demo's phrase banks, the Northwind
 * Bank semantic core and sources) and the generation is not timed; the classifier is whatever
 * `defaultIngestClassifier()` wires. Databases and temp files are removed at the end, also on
 * Ctrl-C. Results: Markdown on stdout, JSON in bench/results/ingest.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { TConnectorItem } from "../src/server/connectors/connector.ts";
import { type TDatabase, migrateDatabase, openDatabase } from "../src/server/db/client.ts";
import { insertBrand, insertClient, insertWorkspace } from "../src/server/features/accounts/queries.ts";
import {
  type TPerson,
  TextComposer,
  bankiRuReview,
  createPeople,
  createRng,
  redditPost,
  rssArticle,
  telegramPost,
  toneOfRating,
  vkCommunityComment,
  vkOwnerPost,
  vkSearchPost,
} from "../src/server/features/demo/demo-items.ts";
import type { TTone } from "../src/server/features/demo/demo-mention-templates.ts";
import { DEMO_PROFILES, type TDemoSource, demoProfile, ensureDemoRules, ensureDemoSources } from "../src/server/features/demo/demo-sources.ts";
import { type TIngestStats, ingestBatch } from "../src/server/features/ingest/ingest-batch.ts";
import { defaultIngestClassifier } from "../src/server/features/ingest/ingest-classifier.ts";
import { brandMatcher } from "../src/server/features/ingest/matcher-cache.ts";
import { normalizeItem } from "../src/server/features/ingest/normalize-item.ts";
import { type TListMentionsOptions, listMentions } from "../src/server/features/mentions/list-mentions.ts";
import { parseSearch } from "../src/server/features/mentions/search-query.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);
const RESULTS = path.join(ROOT, "bench/results/ingest.json");
const DAY = 86_400_000;

const { values: flags } = parseArgs({
  options: {
    count: { type: "string", default: "1000000" },
    db: { type: "string", default: "both" },
    batch: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "2" },
    runs: { type: "string", default: "1" },
    "feed-queries": { type: "string", default: "52" },
    "pg-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
    // Internal: a child process running one phase.
    phase: { type: "string" },
    run: { type: "string", default: "1" },
    dir: { type: "string" },
  },
  strict: true,
});

const COUNT = positiveInt(flags.count, "--count");
const BATCH = positiveInt(flags.batch, "--batch");
/** Sources synced at once, like the worker (`WORKER_CONCURRENCY`, default 2). */
const CONCURRENCY = positiveInt(flags.concurrency, "--concurrency");
const RUNS = positiveInt(flags.runs, "--runs");
const FEED_QUERIES = positiveInt(flags["feed-queries"], "--feed-queries");
const PG_URL = flags["pg-url"] ?? "";
const DBS: ("pglite" | "postgres")[] =
  flags.db === "both" ? ["pglite", "postgres"] : flags.db === "pglite" || flags.db === "postgres" ? [flags.db] : usage("--db must be pglite, postgres or both");

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(String(value).replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 1) usage(`${name} must be a positive integer`);
  return n;
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nUsage: node --import tsx bench/ingest.ts [--count N] [--db pglite|postgres|both] [--batch N] [--runs N] [--feed-queries N] [--pg-url URL]\n`,
  );
  process.exit(2);
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// Generated mentions: the demo's phrase banks and item shapes, one seeded stream per index
// ---------------------------------------------------------------------------------------------

const PROFILE = demoProfile("Northwind Bank");
const SEED = 0x5eed_1e57;
/** Where a batch comes from (each batch is one source's page, as in a sync). */
const SOURCE_MIX: readonly (readonly [TDemoSource["key"], number])[] = [
  ["vk_search", 0.34],
  ["vk_community", 0.3],
  ["banki_ru", 0.14],
  ["rss", 0.09],
  ["telegram", 0.07],
  ["reddit", 0.06],
];
const NEAR_DUPLICATE_SHARE = 0.05;
const people: TPerson[] = createPeople(createRng(SEED), 5000);

/**
 * A million texts from a few hundred phrases would repeat each other thousands of times, and the
 * copy-cluster lookup would spend its time on those false copies. So every text has about a
 * quarter of its lowercase words swapped for words of the same phrase banks (names, brands and
 * capitalised words stay, so the rules still match): unrelated mentions stay well apart in
 * SimHash, and the only copies are the planned ~5%.
 */
const VOCABULARY: readonly string[] = (() => {
  const words = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      for (const word of value.replace(/\{[^}]*\}/g, " ").split(/[^\p{L}-]+/u)) if (word.length >= 3 && word === word.toLowerCase() && !word.includes("-")) words.add(word);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk([PROFILE.ru, PROFILE.en, DEMO_PROFILES.map((p) => [p.ru, p.en])]);
  return [...words].sort();
})();
const SWAP_SHARE = 0.25;

function vary(text: string, rnd: ReturnType<typeof createRng>): string {
  return text
    .split(" ")
    .map((word, i) => (i > 0 && /^[\p{Ll}]{3,}[,.!?]?$/u.test(word) && rnd.chance(SWAP_SHARE) ? rnd.pick(VOCABULARY) + (/[,.!?]$/.test(word) ? word.slice(-1) : "") : word))
    .join(" ");
}

function sourceOfBatch(batch: number): TDemoSource["key"] {
  return createRng((SEED ^ Math.imul(batch + 1, 0x85eb_ca6b)) >>> 0).weighted(SOURCE_MIX);
}

function tone(rnd: ReturnType<typeof createRng>, neg: number, neu: number): TTone {
  const roll = rnd.next();
  return roll < neg ? "neg" : roll < neg + neu ? "neu" : "pos";
}

/**
 * Item number `g` of the stream, from source `key`. Items are spread evenly over 90 days ending
 * now; about 5% repeat the text of an earlier item with a small change (a repost, a copy-paste
 * wave) under their own id and URL, so the copy-cluster lookup has real work.
 */
function benchItem(g: number, key: TDemoSource["key"], start: number, depth = 0): TConnectorItem {
  const rnd = createRng((SEED ^ Math.imul(g + 1, 0x9e37_79b1)) >>> 0);
  const text = new TextComposer(PROFILE, rnd);
  const at = new Date(start + Math.floor((g / COUNT) * 90 * DAY) + rnd.int(0, 600_000));
  const author = rnd.pickSkewed(people);
  let item: TConnectorItem;
  switch (key) {
    case "vk_search": {
      const t = tone(rnd, 0.32, 0.43);
      const roll = rnd.next();
      const body =
        roll < 0.05
          ? text.fill(rnd.pick(PROFILE.ru.namesakes), author.gender)
          : roll < 0.08
            ? text.fill(rnd.pick(PROFILE.ru.competitorOnly), author.gender)
            : roll < 0.11
              ? text.en(t, rnd.int(1, 3), "must")
              : text.ru(t, rnd.chance(0.65) ? "medium" : "long", "must", author.gender, 0.6);
      item = vkSearchPost("Нортвинд OR Northwind", author.vkId, g, at, { externalId: String(author.vkId), name: `${author.first} ${author.last}`, url: `https://vk.com/id${author.vkId}` }, body, {
        likes: rnd.int(0, 50),
        views: rnd.int(40, 1500),
      });
      break;
    }
    case "vk_community": {
      const postId = 1000 + Math.floor(g / 40);
      if (g % 40 === 0) {
        item = vkOwnerPost(PROFILE, postId, at, text.fill(rnd.pick(PROFILE.ru.ownerPosts), "m"), { likes: rnd.int(5, 400), views: rnd.int(1500, 30_000) });
      } else {
        const t = tone(rnd, 0.42, 0.4);
        const size = rnd.chance(0.3) ? "short" : rnd.chance(0.8) ? "medium" : "long";
        const reply = rnd.chance(0.4) ? { text: text.fill(rnd.pick(PROFILE.ru.ownerReplies[t]), author.gender), authorName: PROFILE.vk.title } : undefined;
        item = vkCommunityComment(PROFILE, postId, g, at, author, text.ru(t, size, "maybe", author.gender, 0.55), rnd.int(0, 20), reply);
      }
      break;
    }
    case "banki_ru": {
      const grade = rnd.weighted([[1, 0.4], [2, 0.12], [3, 0.1], [4, 0.12], [5, 0.26]] as const);
      const t = toneOfRating(grade);
      const reply = rnd.chance(0.6) ? text.fill(rnd.pick(PROFILE.ru.ownerReplies[t]), author.gender) : undefined;
      item = bankiRuReview("northwind-bank", PROFILE.brand, 10_000_000 + g, at, text.fill(rnd.pick(PROFILE.ru.titles[t]), author.gender), text.ru(t, rnd.chance(0.7) ? "long" : "medium", "maybe", author.gender, 0.75), grade, reply, rnd.int(0, 12));
      break;
    }
    case "telegram": {
      item = telegramPost(PROFILE, 100_000 + g, at, text.news(tone(rnd, 0.22, 0.58), rnd.int(1, 3)).join(" "), rnd.int(900, 28_000));
      break;
    }
    case "rss": {
      const t = tone(rnd, 0.18, 0.57);
      const site = rnd.pick(PROFILE.newsSites);
      const sentences = text.news(t, rnd.int(3, 6));
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(" "));
      item = rssArticle(`https://${site}/news/${g}.html`, site, at, text.fill(rnd.pick(PROFILE.ru.headlines[t]), "m"), paragraphs);
      break;
    }
    default: {
      const t = tone(rnd, 0.38, 0.42);
      item = redditPost('"Northwind Bank"', rnd.pick(PROFILE.reddit.subreddits), g.toString(36).padStart(7, "1"), at, author, text.fillEn(rnd.pick(PROFILE.en.titles[t])), text.en(t, rnd.int(1, 3), "maybe"), rnd.int(1, 240), rnd.int(0, 30));
    }
  }
  item = { ...item, text: item.textIsHtml ? item.text.replace(/<p>([^<]*)<\/p>/g, (_m, p: string) => `<p>${vary(p, rnd)}</p>`) : vary(item.text, rnd) };
  if (depth < 2 && g >= 100 && rnd.chance(NEAR_DUPLICATE_SHARE)) {
    const source = g - 1 - rnd.int(0, Math.min(g - 1, 20_000));
    const original = benchItem(source, sourceOfBatch(Math.floor(source / BATCH)), start, depth + 1);
    const words = original.text.split(" ");
    const i = rnd.int(0, words.length - 1);
    const changed = rnd.chance(0.5) ? `${original.text}${rnd.pick(["!!!", " 👍", " Репост.", " +1"])}` : [...words.slice(0, i), rnd.pick(["очень", "реально", "вообще", "снова"]), ...words.slice(i)].join(" ");
    item = { ...item, title: original.title, text: changed, textIsHtml: original.textIsHtml };
  }
  return item;
}

// ---------------------------------------------------------------------------------------------
// Feed queries: the first page of the mention feed, through the feed's own list function
// ---------------------------------------------------------------------------------------------

const SEARCH_WORDS = ["приложение", "кэшбэк", "ипотека", "отделение", "поддержка", "вклад", "карта", "перевод", "Северцев", "app", "очередь", "комиссия", "support"];
const SENTIMENTS = ["negative", "neutral", "positive"] as const;
type TFeedKind = "newest" | "search" | "filters" | "clusters";

/**
 * `listMentions` (features/mentions) as the feed route calls it: first page of 50, with the
 * capped total it counts. Four shapes in turn: every mention newest first, unfolded; a full-text
 * word; sentiment + source + period filters; the default folded feed (one row per copy cluster).
 */
function feedOptions(kind: TFeedKind, i: number, brandId: string, sourceIds: readonly string[], now: number): TListMentionsOptions {
  const base = { brandId, search: null };
  switch (kind) {
    case "newest":
      return { filter: base, folded: false, limit: 50 };
    case "search":
      return { filter: { ...base, search: parseSearch(SEARCH_WORDS[i % SEARCH_WORDS.length] ?? "карта") }, folded: true, limit: 50 };
    case "filters":
      return {
        filter: { ...base, sentiments: [SENTIMENTS[i % 3] ?? "negative"], sourceIds: [sourceIds[i % sourceIds.length] ?? ""], from: new Date(now - ([7, 30, 90][i % 3] ?? 30) * DAY), to: new Date(now) },
        folded: true,
        limit: 50,
      };
    case "clusters":
      return { filter: base, folded: true, limit: 50 };
  }
}

type TFeedResult = { kind: TFeedKind; ms: number; rows: number; total: number };

async function runFeedQueries(database: TDatabase, brandId: string, sourceIds: readonly string[]): Promise<TFeedResult[]> {
  const kinds: TFeedKind[] = ["newest", "search", "filters", "clusters"];
  const now = Date.now();
  const out: TFeedResult[] = [];
  for (let i = 0; i < FEED_QUERIES; i++) {
    const kind = kinds[i % kinds.length] as TFeedKind;
    const options = feedOptions(kind, Math.floor(i / kinds.length), brandId, sourceIds, now);
    const started = performance.now();
    const page = await listMentions(database.db, options);
    out.push({ kind, ms: performance.now() - started, rows: page.items.length, total: page.total });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// COPY over the pg client, without a helper package: a minimal Submittable
// ---------------------------------------------------------------------------------------------

type TPgConnection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & NodeJS.ReadableStream & { writableNeedDrain?: boolean };
};

/** `COPY … FROM STDIN` fed from a file, honouring the socket's back-pressure. */
class CopyFromFile {
  callback?: (error: Error | null) => void;
  rows = 0;
  private done = false;
  private failed: Error | null = null;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}
  submit(connection: TPgConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: TPgConnection): void {
    void (async () => {
      try {
        for await (const chunk of createReadStream(this.file, { highWaterMark: 1 << 20 })) {
          if (this.failed) return;
          connection.sendCopyFromChunk(chunk as Buffer);
          if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
        }
        connection.endCopyFrom();
      } catch (error) {
        connection.sendCopyFail(error instanceof Error ? error.message : String(error));
      }
    })();
  }
  handleCommandComplete(message: { text: string }): void {
    this.rows = Number(message.text.split(" ")[1] ?? 0);
  }
  handleError(error: Error): void {
    this.failed = error;
    this.finish(error);
  }
  handleReadyForQuery(): void {
    this.finish(null);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  private finish(error: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.callback?.(error);
  }
}

/** `COPY … TO STDOUT` into a file. */
class CopyToFile {
  callback?: (error: Error | null) => void;
  private done = false;
  private readonly out;
  private connection?: TPgConnection;
  constructor(
    private readonly text: string,
    file: string,
  ) {
    this.out = createWriteStream(file);
  }
  submit(connection: TPgConnection): void {
    this.connection = connection;
    connection.query(this.text);
  }
  private paused = false;
  handleCopyData(message: { chunk: Buffer }): void {
    // The protocol parser reuses its buffer: keep a copy of the chunk, not a view of it.
    if (!this.out.write(Buffer.from(message.chunk)) && this.connection && !this.paused) {
      const stream = this.connection.stream;
      this.paused = true;
      stream.pause();
      this.out.once("drain", () => {
        this.paused = false;
        stream.resume();
      });
    }
  }
  handleCommandComplete(): void {}
  handleError(error: Error): void {
    this.finish(error);
  }
  handleReadyForQuery(): void {
    this.finish(null);
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyInResponse(connection: TPgConnection): void {
    connection.sendCopyFail("not a COPY FROM");
  }
  private finish(error: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.out.end(() => this.callback?.(error));
  }
}

function submit<T extends { callback?: (error: Error | null) => void }>(client: pg.Client, query: T): Promise<T> {
  return new Promise((resolve, reject) => {
    query.callback = (error) => (error ? reject(error) : resolve(query));
    client.query(query as unknown as pg.Submittable);
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL databases for the run
// ---------------------------------------------------------------------------------------------

function databaseUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const createdDatabases = new Set<string>();

async function createDatabase(name: string): Promise<string> {
  await admin((c) => c.query(`create database ${name}`));
  createdDatabases.add(name);
  return databaseUrl(name);
}

async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  createdDatabases.delete(name);
}

// ---------------------------------------------------------------------------------------------
// Phases (each in its own process)
// ---------------------------------------------------------------------------------------------

type TPipelineResult = {
  phase: "pipeline";
  db: "pglite" | "postgres";
  received: number;
  stats: Omit<TIngestStats, "newestPublishedAt">;
  stored: number;
  clusters: number;
  bands: number;
  generateSeconds: number;
  pipelineSeconds: number;
  itemsPerSecond: number;
  storedPerSecond: number;
  /** Throughput of each tenth of the run: how the rate changes as the tables grow. */
  tenths: number[];
  feed: TFeedResult[];
  maxRssMiB: number;
  classifier: string;
};

type TCopyResult = { phase: "copy"; rows: number; seconds: number; rowsPerSecond: number; bytes: number; maxRssMiB: number };

/** `dir` belongs to the parent: PGlite's data directory, or where PostgreSQL's rows are written for the COPY phase. */
async function pipelinePhase(kind: "pglite" | "postgres", run: number, dir: string): Promise<TPipelineResult> {
  let database: TDatabase;
  let cleanup: () => Promise<void>;
  if (kind === "pglite") {
    database = await openDatabase({ kind: "pglite", dataDir: path.join(dir, "pg") });
    cleanup = () => database.close();
  } else {
    const name = `bench_ingest_${process.ppid}_${run}`;
    const url = await createDatabase(name);
    database = await openDatabase({ kind: "postgres", connectionString: url, poolSize: CONCURRENCY + 1 });
    cleanup = async () => {
      await database.close();
      await dropDatabase(name);
    };
  }
  try {
    await migrateDatabase(database);
    const db = database.db;
    const workspaceId = await insertWorkspace(db, "Bench Agency");
    const client = await insertClient(db, workspaceId, "Northwind Group");
    const brand = await insertBrand(db, { workspaceId, clientId: client.id, name: PROFILE.brand });
    await ensureDemoRules(db, brand.id, PROFILE);
    const sources = await ensureDemoSources(db, brand.id, PROFILE);
    const classifier = await defaultIngestClassifier();
    const start = Date.now() - 90 * DAY - 3_600_000;
    const stats: Omit<TIngestStats, "newestPublishedAt"> = { received: 0, inserted: 0, updated: 0, unchanged: 0, dropped: 0, duplicates: 0, clustered: 0 };
    let generateMs = 0;
    const tenths: number[] = [];
    let tenthItems = 0;
    const batches = Math.ceil(COUNT / BATCH);
    let lastLog = performance.now();
    let next = 0;
    /** A source's pages go one after another (the queue's stately policy); different sources overlap. */
    const busy = new Map<string, Promise<unknown>>();
    const phaseStart = performance.now();
    let tenthStart = phaseStart;
    let tenthGenerateMs = 0;
    const lane = async (): Promise<void> => {
      while (next < batches) {
        const b = next++;
        const key = sourceOfBatch(b);
        const source = sources.get(key);
        const spec = PROFILE.sources.find((s) => s.key === key);
        if (!source || !spec) throw new Error(`no bench source ${key}`);
        while (busy.has(key)) await busy.get(key);
        let release = (): void => undefined;
        busy.set(key, new Promise<void>((resolve) => (release = resolve)));
        try {
          const g0 = performance.now();
          const items: TConnectorItem[] = [];
          for (let g = b * BATCH; g < Math.min(COUNT, (b + 1) * BATCH); g++) items.push(benchItem(g, key, start));
          generateMs += performance.now() - g0;
          // Measured: normalize, then match, dedupe, cluster, classify and store in one transaction.
          const now = new Date();
          const normalized = items.map((item) => normalizeItem(spec.sourceKind, item, now));
          const target = { brandId: brand.id, sourceId: source.id, origin: "connector" as const, keepUnmatched: source.ownPlace, connectorVersion: `${spec.connector}@bench` };
          const result = await db.transaction(async (tx) => ingestBatch(tx, target, normalized, { matcher: await brandMatcher(tx, brand.id), classifier, now }));
          for (const field of ["received", "inserted", "updated", "unchanged", "dropped", "duplicates", "clustered"] as const) stats[field] += result.stats[field];
          tenthItems += items.length;
          if (tenthItems >= COUNT / 10) {
            const wall = performance.now() - tenthStart - (generateMs - tenthGenerateMs);
            tenths.push(Math.round(tenthItems / (wall / 1000)));
            tenthStart = performance.now();
            tenthGenerateMs = generateMs;
            tenthItems = 0;
          }
          if (performance.now() - lastLog > 10_000) {
            lastLog = performance.now();
            const wall = (performance.now() - phaseStart - generateMs) / 1000;
            log(`  [${kind}] ${stats.received.toLocaleString("en")}/${COUNT.toLocaleString("en")} items, ${Math.round(stats.received / wall).toLocaleString("en")} items/s`);
          }
        } finally {
          busy.delete(key);
          release();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    // Wall time of the phase minus the (untimed) generation of the items.
    const pipelineMs = performance.now() - phaseStart - generateMs;
    if (tenthItems > 0) tenths.push(Math.round(tenthItems / ((performance.now() - tenthStart - (generateMs - tenthGenerateMs)) / 1000)));
    const counts = (await db.execute(
      sql`select (select count(*) from mentions)::int as stored, (select count(distinct cluster_id) from mentions)::int as clusters, (select count(*) from mention_bands)::int as bands`,
    )) as unknown as { rows: { stored: number; clusters: number; bands: number }[] };
    const { stored = 0, clusters = 0, bands = 0 } = counts.rows[0] ?? {};
    // Statistics as autovacuum would have them on a live system; not timed.
    await db.execute(sql`analyze mentions`);
    const feed = await runFeedQueries(database, brand.id, [...sources.values()].map((s) => s.id));
    if (database.connectionString) await dumpRows(database.connectionString, dir);
    return {
      phase: "pipeline",
      db: kind,
      received: stats.received,
      stats,
      stored,
      clusters,
      bands,
      generateSeconds: generateMs / 1000,
      pipelineSeconds: pipelineMs / 1000,
      itemsPerSecond: stats.received / (pipelineMs / 1000),
      storedPerSecond: stats.inserted / (pipelineMs / 1000),
      tenths,
      feed,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      classifier: `${classifier.id}@${classifier.version}`,
    };
  } finally {
    await cleanup();
  }
}

/** Tables the mentions refer to, then the mentions themselves (without the generated column). */
const PREREQUISITES = ["workspaces", "clients", "brands", "sources"] as const;

async function mentionColumns(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ columns: string }>(
    "select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as columns from information_schema.columns where table_schema = 'public' and table_name = 'mentions' and is_generated = 'NEVER'",
  );
  return rows[0]?.columns ?? "*";
}

async function dumpRows(connectionString: string, dir: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (const table of PREREQUISITES) await submit(client, new CopyToFile(`copy ${table} to stdout`, path.join(dir, `${table}.copy`)));
    await submit(client, new CopyToFile(`copy mentions (${await mentionColumns(client)}) to stdout`, path.join(dir, "mentions.copy")));
  } finally {
    await client.end();
  }
}

async function copyPhase(run: number, dir: string): Promise<TCopyResult> {
  const name = `bench_ingest_copy_${process.ppid}_${run}`;
  const url = await createDatabase(name);
  const database = await openDatabase({ kind: "postgres", connectionString: url, poolSize: 1 });
  try {
    await migrateDatabase(database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const table of PREREQUISITES) await submit(client, new CopyFromFile(`copy ${table} from stdin`, path.join(dir, `${table}.copy`)));
      const columns = await mentionColumns(client);
      const file = path.join(dir, "mentions.copy");
      const started = performance.now();
      const copy = await submit(client, new CopyFromFile(`copy mentions (${columns}) from stdin`, file));
      const seconds = (performance.now() - started) / 1000;
      return { phase: "copy", rows: copy.rows, seconds, rowsPerSecond: copy.rows / seconds, bytes: readFileSync(file).byteLength, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
    await dropDatabase(name);
  }
}

// ---------------------------------------------------------------------------------------------
// Orchestration
// ---------------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

async function cleanupAll(): Promise<void> {
  for (const child of children) child.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  for (const name of [...createdDatabases]) await dropDatabase(name).catch(() => undefined);
  // The parent also drops what its children created, should one have been killed mid-run.
  if (!flags.phase && DBS.includes("postgres")) {
    const names = await admin((c) => c.query<{ datname: string }>("select datname from pg_database where datname ~ $1", [`^bench_ingest_(copy_)?${process.pid}_\\d+$`])).catch(() => ({ rows: [] }));
    for (const { datname } of names.rows) await dropDatabase(datname).catch(() => undefined);
  }
}

function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SELF, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    children.add(child);
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.on("close", (code) => {
      children.delete(child);
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as T);
      else reject(new Error(`bench phase ${args.join(" ")} exited with ${code}`));
    });
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function machineInfo() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const meminfo = readFileSync("/proc/meminfo", "utf8");
  return {
    cores: os.availableParallelism(),
    cpuModel: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((Number(meminfo.match(/^MemTotal:\s+(\d+) kB/m)?.[1] ?? 0) / 1024 / 1024) * 10) / 10,
    node: process.version,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

async function main(): Promise<void> {
  const machine = machineInfo();
  const loadBefore = os.loadavg();
  log(`Repute ingest bench: ${COUNT.toLocaleString("en")} mentions, batches of ${BATCH}, ${CONCURRENCY} at once, ${RUNS} run(s), ${DBS.join(" + ")}; ${machine.cores} cores, ${machine.cpuModel}`);
  if ((loadBefore[0] ?? 0) > machine.cores / 2) log(`warning: 1-minute load average is ${loadBefore[0]?.toFixed(1)} on ${machine.cores} cores; other work will inflate the figures`);
  const runs: { pipelines: TPipelineResult[]; copy?: TCopyResult }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const pipelines: TPipelineResult[] = [];
    let copy: TCopyResult | undefined;
    for (const kind of DBS) {
      log(`run ${run}: pipeline into ${kind}…`);
      const dir = mkdtempSync(path.join(os.tmpdir(), "repute-bench-ingest-"));
      tempDirs.add(dir);
      const common = ["--count", String(COUNT), "--batch", String(BATCH), "--concurrency", String(CONCURRENCY), "--run", String(run), "--pg-url", PG_URL, "--feed-queries", String(FEED_QUERIES), "--dir", dir];
      pipelines.push(await runChild<TPipelineResult>(["--phase", "pipeline", "--db", kind, ...common]));
      if (kind === "postgres") {
        log(`run ${run}: COPY of the stored rows into a fresh PostgreSQL database…`);
        copy = await runChild<TCopyResult>(["--phase", "copy", "--db", kind, ...common]);
      }
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    }
    runs.push({ pipelines, copy });
  }

  const header = "| DB | Mentions in | Stored (dropped, clustered) | Pipeline items/s | Stored rows/s | `COPY` rows/s | Pipeline / `COPY` | Peak RSS | Feed p95 (p50) | Feed p95 by query: newest / search / filters / clusters |";
  const lines = [header, "|---|---|---|---|---|---|---|---|---|---|"];
  const summary: Record<string, unknown>[] = [];
  for (const kind of DBS) {
    const results = runs.map((r) => r.pipelines.find((p) => p.db === kind)).filter((p): p is TPipelineResult => p !== undefined);
    const copies = kind === "postgres" ? runs.map((r) => r.copy).filter((c): c is TCopyResult => c !== undefined) : [];
    const last = results[results.length - 1];
    if (!last) continue;
    const itemsPerSecond = median(results.map((r) => r.itemsPerSecond));
    const storedPerSecond = median(results.map((r) => r.storedPerSecond));
    const copyRate = copies.length ? median(copies.map((c) => c.rowsPerSecond)) : undefined;
    const feedMs = results.flatMap((r) => r.feed.map((f) => f.ms));
    const byKind = (k: TFeedKind) => ms(percentile(results.flatMap((r) => r.feed.filter((f) => f.kind === k).map((f) => f.ms)), 95));
    const rss = Math.max(...results.map((r) => r.maxRssMiB), ...copies.map((c) => c.maxRssMiB));
    lines.push(
      `| ${kind === "pglite" ? "PGlite (embedded)" : "PostgreSQL"} | ${fmt(last.received)} | ${fmt(last.stored)} (${fmt(last.stats.dropped)}, ${fmt(last.stats.clustered)}) | **${fmt(itemsPerSecond)}** | ${fmt(storedPerSecond)} | ${copyRate ? fmt(copyRate) : "—"} | ${copyRate ? `**${Math.round((storedPerSecond / copyRate) * 100)} %**` : "—"} | ${fmt(rss)} MiB | ${ms(percentile(feedMs, 95))} (${ms(percentile(feedMs, 50))}) | ${byKind("newest")} / ${byKind("search")} / ${byKind("filters")} / ${byKind("clusters")} |`,
    );
    summary.push({ db: kind, itemsPerSecond, storedPerSecond, copyRowsPerSecond: copyRate, ratio: copyRate ? storedPerSecond / copyRate : undefined, peakRssMiB: rss, feedP95Ms: percentile(feedMs, 95), feedP50Ms: percentile(feedMs, 50) });
  }
  const loadAfter = os.loadavg();
  const first = runs[0]?.pipelines[0];
  const table = [
    ...lines,
    "",
    `${COUNT.toLocaleString("en")} generated mentions, batches of ${BATCH} (one transaction each), ${CONCURRENCY} source(s) syncing at once, ${RUNS} run(s) (medians); classifier \`${first?.classifier ?? "?"}\`; ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}. Load average before ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" / ")}.`,
  ].join("\n");
  process.stdout.write(`${table}\n`);
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ date: new Date().toISOString(), machine, settings: { count: COUNT, batch: BATCH, runs: RUNS, dbs: DBS, feedQueries: FEED_QUERIES }, loadAverage: { before: loadBefore, after: loadAfter }, summary, runs, markdown: table }, null, 2)}\n`,
  );
  log(`results written to ${path.relative(ROOT, RESULTS)}`);
}

async function child(): Promise<void> {
  const run = positiveInt(flags.run, "--run");
  const dir = flags.dir ?? usage("--dir is required in a phase");
  const result =
    flags.phase === "pipeline" ? await pipelinePhase(DBS[0] ?? "pglite", run, dir) : flags.phase === "copy" ? await copyPhase(run, dir) : usage(`unknown phase ${flags.phase}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanupAll().finally(() => process.exit(130));
  });
}

(flags.phase ? child() : main()).then(
  async () => {
    await cleanupAll();
    process.exit(0);
  },
  async (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await cleanupAll();
    process.exit(1);
  },
);
