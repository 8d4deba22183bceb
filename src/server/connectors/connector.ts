import type { z } from "zod";
import type { TGuardedFetchOptions, TGuardedResponse } from "../lib/guarded-fetch.ts";
import type { TLogger } from "../lib/logger.ts";

/**
 * The contract every source implements (CONNECTORS.md §3). A connector knows one platform:
 * how to ask it for items after a cursor and how to map its answer into the common record.
 * It never touches the database, never decides what is new, never matches keywords — all of
 * that is shared code in `features/ingest`, so a new source is one folder and one registry line.
 */

/** Platforms an item can come from; the first half of a mention's identity. */
export const SOURCE_KINDS = [
  "rss",
  "web_page",
  "vk",
  "telegram",
  "reddit",
  "banki_ru",
  "yandex_maps",
  "2gis",
  "flamp",
  "otzovik",
  "irecommend",
  "zoon",
  "dreamjob",
  "google_maps",
  "x",
  "youtube",
  "app_store",
  "google_play",
  "trustpilot",
  "bluesky",
  "mastodon",
  "hacker_news",
  "facebook",
  "instagram",
  "ok",
  "news",
  "forum",
  "other",
] as const;
export type TSourceKind = (typeof SOURCE_KINDS)[number];

export const MENTION_KINDS = ["post", "comment", "review", "article", "reply"] as const;
export type TMentionKind = (typeof MENTION_KINDS)[number];

export const REPLY_CAPABILITIES = ["api", "manual_link", "none"] as const;
export type TReplyCapability = (typeof REPLY_CAPABILITIES)[number];

export type TTargetKind = "place" | "app" | "page" | "channel" | "query" | "bank" | "employer" | "product";

/** One item as the platform gave it, mapped to the common Mention record. */
export type TConnectorItem = {
  kind: TMentionKind;
  /** Native id, unique within the platform (vk: "-22522055_2128937", reddit: "t3_abc"). */
  externalId: string;
  /** Permalink as the platform gives it; the pipeline canonicalizes it. */
  url: string;
  target?: { kind: TTargetKind; externalId: string; name?: string; url?: string };
  parent?: { externalId: string; url?: string };
  author: { externalId?: string; name?: string; handle?: string; url?: string; avatarUrl?: string; isOwner?: boolean };
  title?: string;
  /** Plain text, or HTML when `textIsHtml` is set (the pipeline reduces it to text). */
  text: string;
  textIsHtml?: boolean;
  pros?: string;
  cons?: string;
  /** BCP-47 primary tag when the platform says; otherwise the pipeline detects it. */
  lang?: string;
  rating?: { value: number; scale: number };
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** ISO-8601 UTC of the last edit, when the platform reports edits. */
  updatedAt?: string;
  metrics?: { likes?: number; dislikes?: number; replies?: number; shares?: number; views?: number; score?: number };
  ownerReply?: { text: string; publishedAt?: string; authorName?: string; externalId?: string; state?: string };
  replyCapability: TReplyCapability;
  /** What a publisher needs to answer it: {owner_id, post_id, comment_id} | {thing_id} … */
  replyTarget?: Record<string, string>;
  /** The platform's own object for this item, secrets stripped; kept as evidence. */
  raw?: unknown;
};

export type TConnectorFetch = (url: string, options?: TGuardedFetchOptions) => Promise<TGuardedResponse>;

export type TConnectorContext = {
  /**
   * Guarded fetch with the source's rate limit, the deployment's SSRF policy and an honest
   * User-Agent already applied. The only way a connector reaches the network.
   */
  fetch: TConnectorFetch;
  now: Date;
  signal: AbortSignal;
  logger: TLogger;
};

export type TFetchResult = {
  items: TConnectorItem[];
  /**
   * Opaque state to pass to the next call (JSON the connector alone reads). Stored with the
   * page's items in one transaction, so a crash resumes exactly here. `null` = start over.
   */
  nextCursor: string | null;
  /** More pages are ready now: the pipeline calls again within the same run. */
  hasMore: boolean;
};

export type TConnectorCapabilities = {
  /** Finds items by keyword across the platform (results go through the semantic core). */
  keywordSearch: boolean;
  /** Lists reviews of one place/product/organization. */
  placeReviews: boolean;
  /** Lists posts and comments on the brand's own page/community/channel. */
  ownPageComments: boolean;
  /** The owner can publish a reply through the API. */
  reply: boolean;
};

export type TConnector<C = unknown> = {
  id: string;
  /** Recorded on every mention it produces; bump when the mapping changes. */
  version: string;
  /** Platform of the items; may depend on config (an RSS feed of a forum is still "rss"). */
  sourceKind: TSourceKind;
  /** What a person sees in the source picker. */
  title: { en: string; ru: string };
  configSchema: z.ZodType<C>;
  /** Config keys holding credentials: never returned by the API, never logged. */
  secretFields: readonly string[];
  capabilities: TConnectorCapabilities;
  /**
   * Whether items from this config are about the brand by construction (its own community, its
   * reviews page) and kept even when no semantic-core rule matches, or are a wider stream
   * (a keyword search, a news feed) whose non-matching items are dropped.
   */
  isOwnPlace: (config: C) => boolean;
  /** Requests the platform tolerates from one token; the context's fetch waits to honour it. */
  rateLimit: { limit: number; intervalMs: number };
  /** Default minutes between scheduled runs. */
  defaultIntervalMinutes: number;
  fetch: (ctx: TConnectorContext, config: C, cursor: string | null) => Promise<TFetchResult>;
  /**
   * Publishes an approved answer under an item, with the source's credentials (only when
   * `capabilities.reply`). Throws ReplyError; never called without an approval recorded.
   */
  reply?: (ctx: TConnectorContext, config: C, target: TReplyTarget, text: string) => Promise<TReplyResult>;
  /** The platform's longest reply in characters (code points), checked before sending. */
  replyMaxLength?: number;
};

/** What is answered: the mention's `replyTarget` as this connector mapped it, and its permalink. */
export type TReplyTarget = {
  ref: Readonly<Record<string, string>>;
  url: string;
  /** Stable for one case and response version: where the platform dedupes (VK `guid`), a repeat posts nothing. */
  idempotencyKey: string;
};

/** The published answer: its id on the platform and its permalink when the platform has one. */
export type TReplyResult = { externalId: string; url: string | null };

export type TReplyErrorKind =
  /** The token expired, was revoked or lacks the right: a person must renew it. */
  | "auth"
  /** Slow down; `retryAfterSeconds` when the platform said how long. */
  | "rate_limited"
  /** The platform refused the text itself (too long, links not allowed): edit it and approve again. */
  | "text_rejected"
  /** The item is gone, locked or closed for answers. */
  | "target_gone"
  /** The source's config cannot answer (search mode, no reply token). */
  | "not_configured"
  /** The platform failed; whether the answer went out is known (it did not). */
  | "upstream"
  /** No readable answer came back: the reply may or may not be out; look before trying again. */
  | "unknown_outcome";

/** What `reply` throws; the message is shown to people, so never a token in it. */
export class ReplyError extends Error {
  constructor(
    readonly kind: TReplyErrorKind,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ReplyError";
  }
}

export type TConnectorErrorKind =
  /** Credentials rejected or expired: a person must act. */
  | "auth"
  /** The platform asked us to slow down; `retryAfterSeconds` when it said how long. */
  | "rate_limited"
  /** The page no longer looks as expected (captcha, new layout): fail loudly, never return []. */
  | "markup_changed"
  /** The platform answered with an error (HTTP status or an error object). */
  | "upstream"
  /** The configured target does not exist (deleted channel, wrong bank code). */
  | "not_found";

/** What a connector throws; the message is shown to people, so no URLs with tokens in it. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: TConnectorErrorKind,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ConnectorError";
  }
}

/** Keeps the config type attached while the registry holds connectors of mixed configs. */
export function defineConnector<C>(connector: TConnector<C>): TConnector {
  return connector as unknown as TConnector;
}
