import { z } from "zod";
import { MENTION_KINDS, REPLY_CAPABILITIES, SOURCE_KINDS, type TConnectorItem, type TSourceKind } from "../../connectors/connector.ts";
import { cellDate } from "./cell-values.ts";
import { deriveExternalId, safeHttpUrl } from "./external-id.ts";
import type { TMapResult } from "./map-row.ts";
import type { TJsonLine } from "./parse-jsonl.ts";
import { parseSentiment, resolveMentionKind, sourceKindOfName, sourceKindOfUrl } from "./source-kinds.ts";

/**
 * A JSONL line is the common Mention record of CONNECTORS.md §3, field names as they are there.
 * Fields the pipeline computes itself (id, contentHash, fetchedAt, connectorVersion) are ignored;
 * `externalId` may be left out (then derived like a spreadsheet row's); `sentiment` is an
 * optional extra ("positive" | "neutral" | "negative", or the words exports use).
 */
const ZText = z.string();
const ZNumberish = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

const ZMentionRecord = z.object({
  source: z.string().min(1).optional(),
  kind: z.enum(MENTION_KINDS).optional(),
  externalId: z.union([z.string().min(1), z.number()]).transform(String).optional(),
  url: ZText.optional(),
  originalUrl: ZText.optional(),
  target: z
    .object({
      kind: z.enum(["place", "app", "page", "channel", "query", "bank", "employer", "product"]),
      externalId: z.union([z.string(), z.number()]).transform(String),
      name: ZText.optional(),
      url: ZText.optional(),
    })
    .optional(),
  parent: z.object({ externalId: z.union([z.string(), z.number()]).transform(String), url: ZText.optional() }).optional(),
  author: z
    .object({
      externalId: z.union([z.string(), z.number()]).transform(String).optional(),
      name: ZText.optional(),
      handle: ZText.optional(),
      url: ZText.optional(),
      avatarUrl: ZText.optional(),
      isOwner: z.boolean().optional(),
    })
    .optional(),
  title: ZText.optional(),
  text: ZText.optional(),
  contentHtml: ZText.optional(),
  pros: ZText.optional(),
  cons: ZText.optional(),
  lang: ZText.optional(),
  rating: z.object({ value: ZNumberish, scale: ZNumberish.refine((n) => n > 0, "must be above 0") }).optional(),
  publishedAt: z.union([z.string().min(1), z.number()]),
  updatedAt: z.union([z.string(), z.number()]).optional(),
  metrics: z
    .object({ likes: ZNumberish, dislikes: ZNumberish, replies: ZNumberish, shares: ZNumberish, views: ZNumberish, score: ZNumberish })
    .partial()
    .optional(),
  ownerReply: z
    .object({ text: z.string(), publishedAt: ZText.optional(), authorName: ZText.optional(), externalId: ZText.optional(), state: ZText.optional() })
    .optional(),
  replyCapability: z.enum(REPLY_CAPABILITIES).optional(),
  replyTarget: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  sentiment: ZText.optional(),
  raw: z.unknown().optional(),
});

const reject = (row: number, reason: string, column?: string): TMapResult => ({ ok: false, rejection: { row, column, reason } });

export function mapJsonLine({ line, text }: TJsonLine): TMapResult {
  let value: unknown;
  try {
    // null means "not given" in most exporters: drop those keys before validating.
    value = JSON.parse(text, (_key, v: unknown) => (v === null ? undefined : v));
  } catch (error) {
    return reject(line, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return reject(line, "not a JSON object");
  const parsed = ZMentionRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    const message = issue && valueAt(value, issue.path) === undefined ? "missing" : (issue?.message ?? "invalid");
    return reject(line, message, path || undefined);
  }
  const record = parsed.data;

  const url = safeHttpUrl(record.url);
  let sourceKind: TSourceKind;
  if (record.source) {
    const known = (SOURCE_KINDS as readonly string[]).includes(record.source) ? (record.source as TSourceKind) : sourceKindOfName(record.source);
    if (!known) return reject(line, `unknown source "${record.source}"; use one of ${SOURCE_KINDS.join(", ")}`, "source");
    sourceKind = known;
  } else sourceKind = sourceKindOfUrl(url) ?? "other";

  const html = !record.text && record.contentHtml ? record.contentHtml : undefined;
  const body = record.text ?? html ?? "";
  if (!body.trim() && !record.title?.trim()) return reject(line, "missing", "text");

  const publishedAt = cellDate(record.publishedAt, undefined, "UTC");
  if (!publishedAt) return reject(line, `cannot read "${record.publishedAt}" as a date`, "publishedAt");
  const updatedAt = record.updatedAt === undefined ? undefined : cellDate(record.updatedAt, undefined, "UTC");
  if (record.updatedAt !== undefined && !updatedAt) return reject(line, `cannot read "${record.updatedAt}" as a date`, "updatedAt");

  const kind = record.kind ?? resolveMentionKind(undefined, sourceKind);
  const author = record.author ?? {};
  const item: TConnectorItem = {
    kind,
    externalId: deriveExternalId({ id: record.externalId, url, kind, publishedAt, author: author.name ?? author.handle, text: body || record.title || "" }),
    url: url ?? "",
    target: record.target,
    parent: record.parent,
    author: { ...author, url: safeHttpUrl(author.url), avatarUrl: safeHttpUrl(author.avatarUrl) },
    title: record.title,
    text: body,
    textIsHtml: html !== undefined,
    pros: record.pros,
    cons: record.cons,
    lang: record.lang,
    rating: record.rating,
    publishedAt: publishedAt.toISOString(),
    updatedAt: updatedAt?.toISOString(),
    metrics: record.metrics,
    ownerReply: record.ownerReply,
    replyCapability: record.replyCapability ?? "none",
    replyTarget: record.replyTarget,
    raw: record.raw ?? value,
  };
  return { ok: true, row: line, value: { sourceKind, item, sentiment: record.sentiment ? (parseSentiment(record.sentiment) ?? null) : null } };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
