import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { brands, users } from "./accounts.ts";
import { mentions } from "./monitoring.ts";

/**
 * Negative reviews (issue 5): a case per copy cluster of a mention, its transitions, the chat
 * between agency and client, response versions, approval links, publication and its evidence;
 * per-brand rules and reply templates; per-person notification preferences with their outbox,
 * digest queue, in-app inbox and unsubscribe tokens; outgoing webhooks with their delivery log.
 */
const at = (name: string) => timestamp(name, { withTimezone: true });

export const CASE_STATES = ["new", "in_work", "response_proposed", "approved", "returned", "published", "resolved", "no_response_needed"] as const;
export type TCaseState = (typeof CASE_STATES)[number];
export const CASE_OPENED_HOW = ["rule", "person"] as const;
export type TCaseOpenedHow = (typeof CASE_OPENED_HOW)[number];
export const PUBLISH_METHODS = ["api", "manual"] as const;
export type TPublishMethod = (typeof PUBLISH_METHODS)[number];
/** Manual publication: was the approved text found on the page the specialist named? */
export const CONFIRMATION_STATUSES = ["confirmed", "not_found", "fetch_failed"] as const;
export type TConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number];
export const SCREENSHOT_STATUSES = ["pending", "captured", "failed", "skipped"] as const;
export type TScreenshotStatus = (typeof SCREENSHOT_STATUSES)[number];

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    /** The mention the case was opened on; its copies (same cluster) share the case. */
    mentionId: uuid("mention_id")
      .notNull()
      .references(() => mentions.id, { onDelete: "cascade" }),
    clusterId: uuid("cluster_id").notNull(),
    state: text("state", { enum: CASE_STATES }).notNull().default("new"),
    /** Why the last return or "no response needed" happened. */
    stateReason: text("state_reason"),
    stateChangedAt: at("state_changed_at").notNull().defaultNow(),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** The mention's publication + the brand's response target. */
    dueAt: at("due_at").notNull(),
    openedHow: text("opened_how", { enum: CASE_OPENED_HOW }).notNull(),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    openedAt: at("opened_at").notNull().defaultNow(),
    screenshotStatus: text("screenshot_status", { enum: SCREENSHOT_STATUSES }).notNull().default("pending"),
    /** Content hash of the page screenshot in the brand's blobs. */
    screenshotHash: text("screenshot_hash"),
    screenshotAt: at("screenshot_at"),
    screenshotError: text("screenshot_error"),
    screenshotAttempts: integer("screenshot_attempts").notNull().default(0),
    firstProposedAt: at("first_proposed_at"),
    /** The response version an approver accepted; publishing needs it to be the latest. */
    approvedResponseId: uuid("approved_response_id"),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: at("approved_at"),
    publishedHow: text("published_how", { enum: PUBLISH_METHODS }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: at("published_at"),
    publishedUrl: text("published_url"),
    publishedExternalId: text("published_external_id"),
    /** Set while a publication call is out, so a second click cannot post twice. */
    publishingSince: at("publishing_since"),
    confirmationStatus: text("confirmation_status", { enum: CONFIRMATION_STATUSES }),
    confirmationCheckedAt: at("confirmation_checked_at"),
    confirmationScreenshotStatus: text("confirmation_screenshot_status", { enum: SCREENSHOT_STATUSES }),
    confirmationScreenshotHash: text("confirmation_screenshot_hash"),
    resolvedAt: at("resolved_at"),
    /** The overdue notice went out (once per case). */
    overdueNotifiedAt: at("overdue_notified_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cases_brand_cluster_uq").on(t.brandId, t.clusterId),
    index("cases_brand_state_idx").on(t.brandId, t.state),
    index("cases_brand_opened_idx").on(t.brandId, t.openedAt.desc(), t.id),
    index("cases_due_idx").on(t.dueAt).where(sql`overdue_notified_at is null and state in ('new', 'in_work', 'response_proposed', 'approved', 'returned')`),
    index("cases_mention_idx").on(t.mentionId),
  ],
);

export const CASE_EVENT_VIA = ["app", "approval_link", "system"] as const;
export type TCaseEventVia = (typeof CASE_EVENT_VIA)[number];

/** Every transition of a case: who, from what, to what, why. Append-only. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    fromState: text("from_state", { enum: CASE_STATES }),
    toState: text("to_state", { enum: CASE_STATES }).notNull(),
    reason: text("reason"),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    via: text("via", { enum: CASE_EVENT_VIA }).notNull().default("app"),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

export type TCaseAttachment = { hash: string; name: string; mime: string; size: number };

/** The chat thread of a case between agency and client. */
export const caseMessages = pgTable(
  "case_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    text: text("text").notNull(),
    /** Users @mentioned in the text who can see the brand. */
    mentionedUserIds: uuid("mentioned_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
    attachments: jsonb("attachments").$type<TCaseAttachment[]>().notNull().default([]),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("case_messages_case_idx").on(t.caseId, t.createdAt)],
);

/** Files uploaded to a case (bytes in the brand's blobs), before and after a message takes them. */
export const caseUploads = pgTable(
  "case_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    blobHash: text("blob_hash").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: at("uploaded_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("case_uploads_case_hash_uq").on(t.caseId, t.blobHash)],
);

export const RESPONSE_ORIGINS = ["manual", "template", "ai"] as const;
export type TResponseOrigin = (typeof RESPONSE_ORIGINS)[number];

/** Every version of the proposed response; diffs are computed on read. */
export const caseResponses = pgTable(
  "case_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    text: text("text").notNull(),
    origin: text("origin", { enum: RESPONSE_ORIGINS }).notNull().default("manual"),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("case_responses_version_uq").on(t.caseId, t.version)],
);

export const APPROVAL_DECISIONS = ["approved", "returned"] as const;
export type TApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** A signed, single-use, expiring link for one approver, one case and one response version. */
export const caseApprovalLinks = pgTable(
  "case_approval_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    responseId: uuid("response_id")
      .notNull()
      .references(() => caseResponses.id, { onDelete: "cascade" }),
    approverId: uuid("approver_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** sha256 of the token; the token itself only travels in the e-mail. */
    tokenHash: text("token_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    decision: text("decision", { enum: APPROVAL_DECISIONS }),
  },
  (t) => [uniqueIndex("case_approval_links_token_uq").on(t.tokenHash), index("case_approval_links_case_idx").on(t.caseId)],
);

/** When a brand's cases open by themselves, and how long a response may take. */
export const caseRules = pgTable("case_rules", {
  brandId: uuid("brand_id")
    .primaryKey()
    .references(() => brands.id, { onDelete: "cascade" }),
  autoOpen: boolean("auto_open").notNull().default(true),
  /** Types of negative that open a case; empty = any (an untyped negative too). */
  negativeTypes: text("negative_types").array().notNull().default(sql`'{}'::text[]`),
  /** Source kinds that open a case; empty = any. */
  sourceKinds: text("source_kinds").array().notNull().default(sql`'{}'::text[]`),
  /** Least sentiment confidence for a machine label (a specialist's label always counts). */
  minConfidence: real("min_confidence").notNull().default(0),
  /** Older mentions (a new source's history) open no case; null = any age. */
  maxAgeDays: integer("max_age_days").default(30),
  responseTargetHours: integer("response_target_hours").notNull().default(24),
  updatedAt: at("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
});

export const TEMPLATE_SITUATIONS = ["complaint", "outburst", "attack", "troll", "employee", "positive", "general"] as const;
export type TTemplateSituation = (typeof TEMPLATE_SITUATIONS)[number];

/** Reply templates per type of negative (or a positive, or any) and language, with {{variables}}. */
export const replyTemplates = pgTable(
  "reply_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    situation: text("situation", { enum: TEMPLATE_SITUATIONS }).notNull(),
    lang: text("lang", { enum: ["ru", "en"] }).notNull(),
    name: text("name").notNull(),
    body: text("body").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("reply_templates_brand_idx").on(t.brandId, t.situation, t.lang)],
);

// ---------- notifications ----------

export const NOTIFICATION_MODES = ["off", "immediate", "digest"] as const;
export type TNotificationMode = (typeof NOTIFICATION_MODES)[number];
export const NOTIFICATION_CHANNELS = ["email", "telegram", "in_app"] as const;
export type TNotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A person's choice for one brand and one event kind; absent = the role's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode", { enum: NOTIFICATION_MODES }).notNull(),
    channels: text("channels", { enum: NOTIFICATION_CHANNELS }).array().notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.brandId, t.kind] })],
);

/** Where a person is reached besides e-mail, and the zone their times are shown in. */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  telegramChatId: text("telegram_chat_id"),
  timeZone: text("time_zone"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** Events waiting to be fanned out to people and webhooks; written with the change that caused them. */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** TNotificationEvent (features/notifications/notification-event.ts). */
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    dispatchedAt: at("dispatched_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("notification_outbox_pending_idx").on(t.createdAt).where(sql`dispatched_at is null`)],
);

/** Events a person takes as a daily digest, until it is sent. */
export const notificationDigestItems = pgTable(
  "notification_digest_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (t) => [index("notification_digest_pending_idx").on(t.userId, t.createdAt).where(sql`sent_at is null`)],
);

/** The in-app channel: a person's inbox, pushed live over server-sent events. */
export const inAppNotifications = pgTable(
  "in_app_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    readAt: at("read_at"),
  },
  (t) => [index("in_app_notifications_user_idx").on(t.userId, t.createdAt.desc())],
);

/** One per e-mail sent: unsubscribes its recipient from that brand's kind (or, for a digest, from digests). */
export const unsubscribeTokens = pgTable("unsubscribe_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Null together with kind: every digest of the person. */
  brandId: uuid("brand_id").references(() => brands.id, { onDelete: "cascade" }),
  kind: text("kind"),
  createdAt: at("created_at").notNull().defaultNow(),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
});

// ---------- webhooks ----------

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** HMAC key; shown once when created, never again. */
    secret: text("secret").notNull(),
    /** Event kinds sent here; empty = every kind. */
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    description: text("description"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_brand_idx").on(t.brandId)],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type TWebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event to one endpoint; its id is the X-Repute-Delivery header on every attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastResponseCode: integer("last_response_code"),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt.desc()),
  ],
);

/** The delivery log: one row per attempt. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    startedAt: at("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    outcome: text("outcome", { enum: ["delivered", "retrying", "failed"] }).notNull(),
    responseCode: integer("response_code"),
    error: text("error"),
    responseExcerpt: text("response_excerpt"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);
