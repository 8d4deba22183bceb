import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
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

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Rule groups of a brand's semantic core (issue 3): what a rule is about. */
export const RULE_GROUPS = ["brand", "products", "persons", "competitors", "employer", "topics", "exclusions"] as const;
export type TRuleGroup = (typeof RULE_GROUPS)[number];

export type TKeptVariant = { variant: string; kind: string; from: string };

export const semanticRules = pgTable(
  "semantic_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    group: text("group", { enum: RULE_GROUPS }).notNull(),
    name: text("name").notNull(),
    /** The query in the semantic-core language, variants not included. */
    query: text("query").notNull(),
    /** Spelling variants the specialist kept; matched as alternatives of the query. */
    variants: jsonb("variants").$type<TKeptVariant[]>().notNull().default([]),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("semantic_rules_brand_idx").on(t.brandId)],
);

export const SOURCE_STATUSES = ["active", "paused"] as const;
export type TSourceStatus = (typeof SOURCE_STATUSES)[number];

/** A connector configured for a brand, with its sync state (cursor, health, backoff). */
export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    connector: text("connector").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    /** Items are about the brand by construction: kept even when no rule matches. */
    ownPlace: boolean("own_place").notNull(),
    status: text("status", { enum: SOURCE_STATUSES }).notNull().default("active"),
    intervalMinutes: integer("interval_minutes").notNull(),
    /** Requests per minute this source may send; null = the connector's default for its platform. */
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    /** A source silent for longer than this (no new item) is shown stale; null = no expectation. */
    expectedItemMinutes: integer("expected_item_minutes"),
    /** The connector's opaque state, committed with the items it led to. */
    cursor: text("cursor"),
    nextRunAt: at("next_run_at").notNull().defaultNow(),
    lastRunAt: at("last_run_at"),
    lastSuccessAt: at("last_success_at"),
    /** Publication time of the newest item ever collected: the source's freshness. */
    lastItemAt: at("last_item_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    retryAfter: at("retry_after"),
    lastError: text("last_error"),
    lastErrorKind: text("last_error_kind"),
    itemsCollected: integer("items_collected").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("sources_brand_idx").on(t.brandId), index("sources_due_idx").on(t.status, t.nextRunAt)],
);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const MENTION_STATUSES = ["new", "read", "irrelevant"] as const;
export type TMentionStatus = (typeof MENTION_STATUSES)[number];
export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export type TSentiment = (typeof SENTIMENTS)[number];
export const SENTIMENT_ORIGINS = ["model", "rating", "specialist", "import"] as const;
export type TSentimentOrigin = (typeof SENTIMENT_ORIGINS)[number];

/** Types of negative (issue 4), each with its recommended reaction in features/classification/negative-types.ts. */
export const NEGATIVE_TYPES = ["complaint", "outburst", "attack", "troll", "employee"] as const;
export type TNegativeType = (typeof NEGATIVE_TYPES)[number];
export const ASPECTS = ["service", "staff", "price", "quality", "delivery", "product", "employer", "other"] as const;
export type TAspect = (typeof ASPECTS)[number];
/** Who set a negative type: the cue scorer, or a specialist. */
export const LABEL_ORIGINS = ["model", "specialist"] as const;
export type TLabelOrigin = (typeof LABEL_ORIGINS)[number];

export type TRuleHit = {
  ruleId: string | null;
  group: TRuleGroup;
  name: string;
  highlights: { field: "title" | "text" | "pros" | "cons"; start: number; end: number }[];
};

/**
 * One mention of a brand: a post, comment, review or article, exactly once per
 * (brand, platform, native id). Edits update the row and push the old text to revisions.
 */
export const mentions = pgTable(
  "mentions",
  {
    id: uuid("id").primaryKey(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id").references(() => sources.id, { onDelete: "set null" }),
    origin: text("origin", { enum: ["connector", "import"] }).notNull(),
    sourceKind: text("source_kind").notNull(),
    externalId: text("external_id").notNull(),
    kind: text("kind").notNull(),
    url: text("url").notNull(),
    urlKey: text("url_key"),
    originalUrl: text("original_url"),
    site: text("site"),
    target: jsonb("target").$type<Record<string, string>>(),
    parentExternalId: text("parent_external_id"),
    parentUrl: text("parent_url"),
    authorExternalId: text("author_external_id"),
    authorName: text("author_name"),
    authorHandle: text("author_handle"),
    authorUrl: text("author_url"),
    authorIsOwner: boolean("author_is_owner").notNull().default(false),
    title: text("title"),
    text: text("text").notNull(),
    pros: text("pros"),
    cons: text("cons"),
    lang: text("lang"),
    ratingValue: real("rating_value"),
    ratingScale: real("rating_scale"),
    publishedAt: at("published_at").notNull(),
    sourceUpdatedAt: at("source_updated_at"),
    metrics: jsonb("metrics").$type<Record<string, number>>(),
    ownerReply: jsonb("owner_reply").$type<Record<string, string>>(),
    replyCapability: text("reply_capability").notNull(),
    replyTarget: jsonb("reply_target").$type<Record<string, string>>(),
    contentHash: text("content_hash").notNull(),
    simhash: text("simhash"),
    /** Id of the first mention of its near-duplicate copy cluster (itself when alone). */
    clusterId: uuid("cluster_id").notNull(),
    matched: boolean("matched").notNull(),
    matchedGroups: text("matched_groups").array().notNull().default(sql`'{}'::text[]`),
    matches: jsonb("matches").$type<TRuleHit[]>().notNull().default([]),
    sentiment: text("sentiment", { enum: SENTIMENTS }),
    sentimentConfidence: real("sentiment_confidence"),
    sentimentOrigin: text("sentiment_origin", { enum: SENTIMENT_ORIGINS }),
    sentimentModel: text("sentiment_model"),
    sentimentBy: uuid("sentiment_by").references(() => users.id, { onDelete: "set null" }),
    sentimentAt: at("sentiment_at"),
    /** Set for negative mentions only; a specialist's type stands through edits. */
    negativeType: text("negative_type", { enum: NEGATIVE_TYPES }),
    negativeTypeConfidence: real("negative_type_confidence"),
    negativeTypeOrigin: text("negative_type_origin", { enum: LABEL_ORIGINS }),
    negativeTypeBy: uuid("negative_type_by").references(() => users.id, { onDelete: "set null" }),
    negativeTypeAt: at("negative_type_at"),
    aspects: text("aspects", { enum: ASPECTS }).array().notNull().default(sql`'{}'::text[]`),
    status: text("status", { enum: MENTION_STATUSES }).notNull().default("new"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    revision: integer("revision").notNull().default(1),
    connectorVersion: text("connector_version"),
    raw: jsonb("raw"),
    firstSeenAt: at("first_seen_at").notNull().defaultNow(),
    changedAt: at("changed_at").notNull().defaultNow(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('russian', coalesce(title, '') || ' ' || text) || to_tsvector('english', coalesce(title, '') || ' ' || text) || to_tsvector('simple', coalesce(title, '') || ' ' || text)`,
      ),
  },
  (t) => [
    uniqueIndex("mentions_identity_uq").on(t.brandId, t.sourceKind, t.externalId),
    index("mentions_brand_published_idx").on(t.brandId, t.publishedAt.desc(), t.id),
    index("mentions_brand_url_key_idx").on(t.brandId, t.urlKey),
    index("mentions_brand_hash_idx").on(t.brandId, t.contentHash),
    index("mentions_cluster_idx").on(t.clusterId),
    index("mentions_search_idx").using("gin", t.search),
    // The review queue: machine labels of a brand, least sure first.
    index("mentions_review_queue_idx").on(t.brandId, t.sentimentConfidence, t.id).where(sql`sentiment_origin in ('model', 'rating')`),
  ],
);

/** The text a mention had before each edit, newest revision last. */
export const mentionRevisions = pgTable(
  "mention_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentionId: uuid("mention_id")
      .notNull()
      .references(() => mentions.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    title: text("title"),
    text: text("text").notNull(),
    ratingValue: real("rating_value"),
    contentHash: text("content_hash").notNull(),
    sourceUpdatedAt: at("source_updated_at"),
    recordedAt: at("recorded_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mention_revisions_uq").on(t.mentionId, t.revision)],
);

/** SimHash band keys of each mention: candidates for near-duplicate lookup. */
export const mentionBands = pgTable(
  "mention_bands",
  {
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    band: text("band").notNull(),
    mentionId: uuid("mention_id")
      .notNull()
      .references(() => mentions.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.band, t.mentionId] })],
);
