import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ASPECTS, LABEL_ORIGINS, MENTION_STATUSES, NEGATIVE_TYPES, RULE_GROUPS, SENTIMENTS, SENTIMENT_ORIGINS } from "../../db/schema/monitoring.ts";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZUuid, brandParams, errors, jsonBody, jsonOk } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { bulkUpdateMentions } from "./bulk-update-mentions.ts";
import { listMentions } from "./list-mentions.ts";
import { mentionDetail } from "./mention-detail.ts";
import { mentionFacets } from "./mention-facets.ts";
import type { TFeedFilter } from "./queries.ts";
import { parseSearch } from "./search-query.ts";

const tags = ["mentions"];

// ---------- query ----------

/** A filter that takes several values: repeated (`?source=vk&source=rss`) or comma-separated. */
const multi = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter(Boolean)),
    z.array(item).max(50).optional(),
  );

const ZDay = z.iso.date();
const ZInstant = z.iso.datetime({ offset: true });
const ZWhen = z.union([ZDay, ZInstant]);
const ZFlag = z.enum(["true", "false"]);
const ZSentimentFilter = z.enum([...SENTIMENTS, "unlabelled"]);

const ZFilterQuery = {
  q: z.string().max(500).optional().openapi({ description: 'Words (prefix, any form), "exact phrase", -excluded, A OR B' }),
  from: ZWhen.optional().openapi({ description: "Published at or after (a day means its start, UTC)" }),
  to: ZWhen.optional().openapi({ description: "Published at or before (a day means its end, UTC)" }),
  source: multi(z.string().min(1).max(50)).openapi({ description: "Source kinds (vk, rss, …)" }),
  sourceId: multi(ZUuid),
  site: multi(z.string().min(1).max(253)),
  sentiment: multi(ZSentimentFilter),
  group: multi(z.enum(RULE_GROUPS)).openapi({ description: "Rule groups that matched (any of them)" }),
  lang: multi(z.string().min(2).max(8)),
  status: multi(z.enum(MENTION_STATUSES)).openapi({ description: "Default: every status but irrelevant" }),
  matched: ZFlag.optional(),
};
const ZFeedQuery = z.object({
  ...ZFilterQuery,
  folded: ZFlag.optional().openapi({ description: "One row per copy cluster (default true)" }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
const ZFacetsQuery = z.object(ZFilterQuery);

type TFilterQuery = z.output<typeof ZFacetsQuery>;

function toFilter(brandId: string, query: TFilterQuery): TFeedFilter {
  return {
    brandId,
    search: query.q ? parseSearch(query.q) : null,
    from: query.from ? instant(query.from, "start") : undefined,
    to: query.to ? instant(query.to, "end") : undefined,
    sourceKinds: query.source,
    sourceIds: query.sourceId,
    sites: query.site,
    sentiments: query.sentiment,
    groups: query.group,
    langs: query.lang,
    statuses: query.status,
    matched: query.matched === undefined ? undefined : query.matched === "true",
  };
}

/** A bare day covers the whole of it (UTC); an instant is taken as given. */
function instant(value: string, edge: "start" | "end"): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z`);
  return new Date(value);
}

// ---------- responses ----------

const ZHighlight = z.object({ field: z.enum(["title", "text", "pros", "cons"]), start: z.number().int(), end: z.number().int() });
const ZRuleHit = z.object({ ruleId: z.string().nullable(), group: z.enum(RULE_GROUPS), name: z.string(), highlights: z.array(ZHighlight) });
const ZSentiment = z.object({
  label: z.enum(SENTIMENTS),
  confidence: z.number().nullable(),
  origin: z.enum(SENTIMENT_ORIGINS).nullable(),
  at: z.string().nullable(),
});
const ZMention = z
  .object({
    id: z.string(),
    sourceKind: z.string(),
    sourceId: z.string().nullable(),
    sourceName: z.string().nullable(),
    origin: z.enum(["connector", "import"]),
    kind: z.string(),
    url: z.string(),
    site: z.string().nullable(),
    parentUrl: z.string().nullable(),
    target: z.record(z.string(), z.string()).nullable(),
    author: z.object({ name: z.string().nullable(), handle: z.string().nullable(), url: z.string().nullable(), isOwner: z.boolean() }),
    title: z.string().nullable(),
    text: z.string(),
    pros: z.string().nullable(),
    cons: z.string().nullable(),
    lang: z.string().nullable(),
    rating: z.object({ value: z.number(), scale: z.number() }).nullable(),
    publishedAt: z.string(),
    firstSeenAt: z.string(),
    sentiment: ZSentiment.nullable(),
    negativeType: z
      .object({
        type: z.enum(NEGATIVE_TYPES),
        confidence: z.number().nullable(),
        origin: z.enum(LABEL_ORIGINS).nullable(),
        reaction: z.object({ en: z.string(), ru: z.string() }).openapi({ description: "The recommended reaction to this type of negative" }),
      })
      .nullable(),
    aspects: z.array(z.enum(ASPECTS)),
    status: z.enum(MENTION_STATUSES),
    tags: z.array(z.string()),
    matched: z.boolean(),
    matchedGroups: z.array(z.string()),
    matches: z.array(ZRuleHit),
    searchHighlights: z.array(z.object({ field: z.enum(["title", "text"]), start: z.number().int(), end: z.number().int() })),
    clusterId: z.string(),
    copies: z.number().int().nullable().openapi({ description: "Folded feed: other copies in the cluster that pass the filter" }),
    revision: z.number().int(),
    metrics: z.record(z.string(), z.number()).nullable(),
    ownerReply: z.record(z.string(), z.string()).nullable(),
    replyCapability: z.string(),
  })
  .openapi("Mention");
const ZFeedPage = z.object({
  items: z.array(ZMention),
  total: z.number().int(),
  totalIsExact: z.boolean().openapi({ description: "False when counting stopped at the cap (10 000): there are at least `total`" }),
  nextCursor: z.string().nullable(),
});
const ZDetail = z.object({
  mention: ZMention.extend({
    externalId: z.string(),
    originalUrl: z.string().nullable(),
    sourceUpdatedAt: z.string().nullable(),
    changedAt: z.string(),
    sentimentModel: z.string().nullable(),
    sentimentByName: z.string().nullable(),
  }),
  revisions: z.array(
    z.object({
      revision: z.number().int(),
      title: z.string().nullable(),
      text: z.string(),
      ratingValue: z.number().nullable(),
      sourceUpdatedAt: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  copies: z.array(
    z.object({
      id: z.string(),
      sourceKind: z.string(),
      sourceName: z.string().nullable(),
      url: z.string(),
      site: z.string().nullable(),
      title: z.string().nullable(),
      authorName: z.string().nullable(),
      publishedAt: z.string(),
      sentiment: z.enum(SENTIMENTS).nullable(),
      status: z.enum(MENTION_STATUSES),
    }),
  ),
  copiesTotal: z.number().int(),
});
const ZFacet = z.array(z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int() }));
const ZFacets = z.object({
  sourceKind: ZFacet,
  sourceId: ZFacet,
  site: ZFacet,
  sentiment: ZFacet,
  group: ZFacet,
  lang: ZFacet,
  status: ZFacet,
  scanned: z.number().int().openapi({ description: "Mentions in scope that were counted (at most 100 000)" }),
  capped: z.boolean().openapi({ description: "More mentions were in scope than were counted" }),
});

// ---------- bulk ----------

const ZIds = z.array(ZUuid).min(1).max(500);
const ZTag = z.string().trim().min(1).max(50);
const ZBulk = z
  .discriminatedUnion("action", [
    z.strictObject({ ids: ZIds, action: z.literal("set_sentiment"), sentiment: z.enum(SENTIMENTS) }),
    z.strictObject({ ids: ZIds, action: z.literal("confirm_sentiment") }),
    z.strictObject({ ids: ZIds, action: z.literal("set_negative_type"), negativeType: z.enum(NEGATIVE_TYPES) }),
    z.strictObject({ ids: ZIds, action: z.literal("confirm_negative_type") }),
    z.strictObject({ ids: ZIds, action: z.literal("add_tag"), tag: ZTag }),
    z.strictObject({ ids: ZIds, action: z.literal("remove_tag"), tag: ZTag }),
    z.strictObject({ ids: ZIds, action: z.literal("set_status"), status: z.enum(MENTION_STATUSES) }),
    z.strictObject({ ids: ZIds, action: z.literal("open_case") }),
  ])
  .openapi("MentionsBulkRequest");

const mentionParams = brandParams.extend({ mentionId: ZUuid });

/** Routes of the mention feed. */
export const mentionsRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/mentions", tags, summary: "The brand's mentions, newest first, searched and filtered",
      request: { params: brandParams, query: ZFeedQuery },
      responses: { 200: jsonOk(ZFeedPage), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId } = c.req.valid("param");
      const query = c.req.valid("query");
      const page = await listMentions(c.get("app").db, {
        filter: toFilter(brandId, query),
        folded: query.folded !== "false",
        cursor: query.cursor,
        limit: query.limit ?? 50,
      });
      return c.json(page, 200);
    },
  )
  // Before /mentions/{mentionId}, which would otherwise take "facets" for an id.
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/mentions/facets", tags, summary: "Counts per source, sentiment, rule group, language and status for the filter bar",
      request: { params: brandParams, query: ZFacetsQuery },
      responses: { 200: jsonOk(ZFacets), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId } = c.req.valid("param");
      return c.json(await mentionFacets(c.get("app").db, toFilter(brandId, c.req.valid("query"))), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/mentions/{mentionId}", tags, summary: "One mention with its edit history and its copies",
      request: { params: mentionParams },
      responses: { 200: jsonOk(ZDetail), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId, mentionId } = c.req.valid("param");
      return c.json(await mentionDetail(c.get("app").db, brandId, mentionId), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/mentions/bulk", tags, summary: "Set or confirm sentiment or type of negative, set status, add or remove a tag on many mentions (agency roles)",
      request: { params: brandParams, body: jsonBody(ZBulk) },
      responses: { 200: jsonOk(z.object({ updated: z.number().int() })), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const auth = requireAuth(c);
      const { brandId } = c.req.valid("param");
      return c.json(await bulkUpdateMentions(c.get("app"), auth, brandId, c.req.valid("json")), 200);
    },
  );
