import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { brands, users } from "./accounts.ts";

/**
 * The reputation environment (issue 6, docs SERM.md §6): a brand's search queries and SERM
 * settings, daily scans (one item per query × engine, the full top-N of each as rows, the raw
 * answer gzipped, screenshots as blob hashes), page screenshots, manual labels on normalized
 * URLs, the editable site-defaults table, and the Ex index stored per day.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });
const day = (name: string) => date(name, { mode: "string" });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const SERM_ENGINES = ["yandex", "google", "bing", "brave"] as const;
export type TSermEngine = (typeof SERM_ENGINES)[number];
export const SERM_DEVICES = ["desktop", "mobile"] as const;
export type TSermDevice = (typeof SERM_DEVICES)[number];

/** Where a query is searched from: Yandex's region id (lr), an ISO country for the others, a language, a provider place name. */
export type TSermRegion = { yandex: string; country: string; lang: string; location: string | null };

export const sermQueries = pgTable(
  "serm_queries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** Searches a month (entered, or from Wordstat); null = not known. */
    frequency: integer("frequency"),
    engines: jsonb("engines").$type<TSermEngine[]>().notNull(),
    region: jsonb("region").$type<TSermRegion>().notNull(),
    device: text("device", { enum: SERM_DEVICES }).notNull().default("desktop"),
    /** Positions tracked: 10 or 20. */
    depth: integer("depth").notNull().default(10),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("serm_queries_brand_text_uq").on(t.brandId, sql`lower(${t.text})`, t.device)],
);

export const SERM_QUERY_WEIGHTINGS = ["frequency", "ctr", "equal"] as const;
export type TSermQueryWeighting = (typeof SERM_QUERY_WEIGHTINGS)[number];

/** One row per brand that has changed anything; a brand without one has the defaults. */
export const sermSettings = pgTable("serm_settings", {
  brandId: uuid("brand_id")
    .primaryKey()
    .references(() => brands.id, { onDelete: "cascade" }),
  /** Which provider serves each engine (provider ids of features/serm/providers/registry.ts). */
  engineProviders: jsonb("engine_providers").$type<Partial<Record<TSermEngine, string>>>().notNull().default({}),
  /** Each provider's config as entered, secrets included (never shown back), by provider id. */
  providerConfigs: jsonb("provider_configs").$type<Record<string, Record<string, unknown>>>().notNull().default({}),
  /** Requests per minute a provider's key may make, by provider id; absent = the provider's default. */
  providerRateLimits: jsonb("provider_rate_limits").$type<Record<string, number>>().notNull().default({}),
  scansEnabled: boolean("scans_enabled").notNull().default(false),
  /** Local hour (0–23) of the daily scan, in `timeZone`. */
  scanHour: integer("scan_hour").notNull().default(6),
  timeZone: text("time_zone").notNull().default("Europe/Moscow"),
  serpScreenshots: boolean("serp_screenshots").notNull().default(true),
  pageScreenshots: boolean("page_screenshots").notNull().default(true),
  /** A result page captured less than this many days ago is not captured again. */
  screenshotFreshnessDays: integer("screenshot_freshness_days").notNull().default(7),
  ctrTable: text("ctr_table").notNull().default("awr-2020-desktop"),
  monotoneCtr: boolean("monotone_ctr").notNull().default(false),
  engineWeightProfile: text("engine_weight_profile").notNull().default("ru"),
  /** F(S) by engine, replacing the profile's figure for that engine. */
  engineWeights: jsonb("engine_weights").$type<Partial<Record<TSermEngine, number>>>().notNull().default({}),
  queryWeighting: text("query_weighting", { enum: SERM_QUERY_WEIGHTINGS }).notNull().default("frequency"),
  /** N of Ex, NegShare@N and NegVisibility@N. */
  exDepth: integer("ex_depth").notNull().default(10),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const SCAN_STATUSES = ["queued", "running", "complete", "partial", "failed"] as const;
export type TScanStatus = (typeof SCAN_STATUSES)[number];
export const SCAN_TRIGGERS = ["schedule", "manual", "demo"] as const;
export type TScanTrigger = (typeof SCAN_TRIGGERS)[number];

export type TScanStats = {
  searched: number;
  failed: number;
  partial: number;
  requests: number;
  serpShots: number;
  pageShots: number;
  pageShotFailures: number;
  pagesFresh: number;
  /** Why there are no screenshots at all, when there are none (no browser, switched off). */
  screenshotsNote: string | null;
};

export const sermScans = pgTable(
  "serm_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    /** The brand's local day the scan belongs to. */
    day: day("day").notNull(),
    trigger: text("trigger", { enum: SCAN_TRIGGERS }).notNull(),
    status: text("status", { enum: SCAN_STATUSES }).notNull().default("queued"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    /** Moved on by the worker as items complete; an old one on an unfinished scan means a dead worker. */
    heartbeatAt: at("heartbeat_at"),
    /** Runs of the scan job that took it up (a crash and retry makes it 2). */
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    stats: jsonb("stats").$type<TScanStats>(),
  },
  (t) => [
    index("serm_scans_brand_day_idx").on(t.brandId, t.day),
    // One scheduled scan per brand and day, whichever worker's dispatcher gets there first.
    uniqueIndex("serm_scans_schedule_uq").on(t.brandId, t.day).where(sql`${t.trigger} = 'schedule'`),
  ],
);

export const SCAN_ITEM_STATUSES = ["pending", "complete", "partial", "failed"] as const;
export type TScanItemStatus = (typeof SCAN_ITEM_STATUSES)[number];
export const SCAN_COVERAGES = ["complete", "exhausted", "page_failed"] as const;
export type TScanCoverage = (typeof SCAN_COVERAGES)[number];

/** One query on one engine within a scan. */
export const sermScanItems = pgTable(
  "serm_scan_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scanId: uuid("scan_id")
      .notNull()
      .references(() => sermScans.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    queryId: uuid("query_id")
      .notNull()
      .references(() => sermQueries.id, { onDelete: "cascade" }),
    engine: text("engine", { enum: SERM_ENGINES }).notNull(),
    day: day("day").notNull(),
    /** The query's depth when the scan was made. */
    depth: integer("depth").notNull(),
    status: text("status", { enum: SCAN_ITEM_STATUSES }).notNull().default("pending"),
    provider: text("provider"),
    coverage: text("coverage", { enum: SCAN_COVERAGES }),
    attempts: integer("attempts").notNull().default(0),
    errorKind: text("error_kind"),
    error: text("error"),
    requests: integer("requests").notNull().default(0),
    cost: jsonb("cost").$type<{ amount: number; currency: string }>(),
    totalFound: doublePrecision("total_found"),
    requestId: text("request_id"),
    /** The provider's answers as received (JSON array of strings), gzipped: a parser fix can re-read them. */
    rawGz: bytea("raw_gz"),
    /** The rendered result page when the provider returned one, gzipped. */
    htmlGz: bytea("html_gz"),
    searchedAt: at("searched_at"),
    /** The screenshot step has run for this item (with a shot or a note why there is none). */
    serpShotDone: boolean("serp_shot_done").notNull().default(false),
    serpShotHash: text("serp_shot_hash"),
    serpShotNote: text("serp_shot_note"),
  },
  (t) => [
    uniqueIndex("serm_scan_items_uq").on(t.scanId, t.queryId, t.engine),
    index("serm_scan_items_history_idx").on(t.brandId, t.queryId, t.engine, t.day),
  ],
);

export type TResultRating = { value: number; scale: number; count?: number };
export const TONALITY_SOURCES = ["manual", "rating", "site", "text"] as const;

/** One organic result of a scan item; tonality resolved with its source (null = unlabeled). */
export const sermResults = pgTable(
  "serm_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => sermScanItems.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    scanId: uuid("scan_id").notNull(),
    queryId: uuid("query_id").notNull(),
    engine: text("engine", { enum: SERM_ENGINES }).notNull(),
    day: day("day").notNull(),
    position: integer("position").notNull(),
    absolutePosition: integer("absolute_position"),
    url: text("url").notNull(),
    /** features/ingest/canonical-url.ts key: what labels and page screenshots are keyed by. */
    urlKey: text("url_key").notNull(),
    domain: text("domain").notNull(),
    title: text("title").notNull(),
    snippet: text("snippet").notNull(),
    rating: jsonb("rating").$type<TResultRating>(),
    /** Title + snippet sentiment from the classifier: the last candidate of the precedence. */
    textLabel: text("text_label", { enum: ["positive", "neutral", "negative"] }),
    textConfidence: real("text_confidence"),
    t: real("t"),
    own: boolean("own").notNull().default(false),
    tonalityClass: text("tonality_class", { enum: ["positive", "neutral", "negative", "own"] }),
    tonalitySource: text("tonality_source", { enum: TONALITY_SOURCES }),
    needsReview: boolean("needs_review").notNull().default(false),
  },
  (t) => [
    index("serm_results_item_idx").on(t.itemId, t.position),
    index("serm_results_url_idx").on(t.brandId, t.urlKey),
    index("serm_results_day_idx").on(t.brandId, t.day),
  ],
);

export type TAggregateRatingValue = { ratingValue: number; bestRating?: number; worstRating?: number; ratingCount?: number; reviewCount?: number };

/** Screenshots of result pages, newest last; a capture that failed has no blob and says why. */
export const sermPageShots = pgTable(
  "serm_page_shots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    urlKey: text("url_key").notNull(),
    url: text("url").notNull(),
    blobHash: text("blob_hash"),
    finalUrl: text("final_url"),
    title: text("title"),
    /** schema.org AggregateRating found on the page: the second rating source of SERM.md §1.1. */
    aggregateRating: jsonb("aggregate_rating").$type<TAggregateRatingValue>(),
    error: text("error"),
    capturedAt: at("captured_at").notNull().defaultNow(),
  },
  (t) => [index("serm_page_shots_url_idx").on(t.brandId, t.urlKey, t.capturedAt)],
);

export const LABEL_CLASSES = ["positive", "neutral", "negative", "own"] as const;

/** A specialist's tonality of a normalized URL: wins over every other source on every engine and day. */
export const sermLabels = pgTable(
  "serm_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    urlKey: text("url_key").notNull(),
    url: text("url").notNull(),
    t: real("t").notNull(),
    /** The class the specialist chose, or null when a T was given. */
    labelClass: text("label_class", { enum: LABEL_CLASSES }),
    note: text("note"),
    validFrom: at("valid_from"),
    validUntil: at("valid_until"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("serm_labels_url_uq").on(t.brandId, t.urlKey)],
);

export const SITE_CLASSES = ["own", "review", "complaint", "reference", "media"] as const;
export type TSiteClass = (typeof SITE_CLASSES)[number];

/** A brand's own entries of the site-defaults table; the code's defaults (SERM.md §1.1) stand where none is given. */
export const sermSiteDefaults = pgTable(
  "serm_site_defaults",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    /** A host (subdomains included) with an optional path prefix: `otzovik.com`, `yandex.ru/maps`, `vk.com/northwindbank`. */
    pattern: text("pattern").notNull(),
    siteClass: text("site_class", { enum: SITE_CLASSES }).notNull(),
    /** T instead of the class's default; null = the class decides. */
    t: real("t"),
    note: text("note"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("serm_site_defaults_uq").on(t.brandId, t.pattern)],
);

export const EX_LEVELS = ["overall", "engine", "query"] as const;
export type TExLevel = (typeof EX_LEVELS)[number];

/** Ex and the §2.2 indices of one day, overall, per engine and per query × engine. */
export const sermExDays = pgTable(
  "serm_ex_days",
  {
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    day: day("day").notNull(),
    /** `overall`, `engine:<engine>` or `query:<queryId>:<engine>`. */
    key: text("key").notNull(),
    level: text("level", { enum: EX_LEVELS }).notNull(),
    engine: text("engine", { enum: SERM_ENGINES }),
    queryId: uuid("query_id").references(() => sermQueries.id, { onDelete: "cascade" }),
    ex: real("ex"),
    negShare: real("neg_share"),
    negVisibility: real("neg_visibility"),
    ownShare: real("own_share"),
    gfdScore: real("gfd_score"),
    eisenegger: real("eisenegger"),
    weight: real("weight"),
    /** Results counted (within the top N). */
    results: integer("results").notNull().default(0),
    /** Of a query row: the scan item's status that day. */
    status: text("status", { enum: SCAN_ITEM_STATUSES }),
    computedAt: at("computed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.day, t.key] })],
);
