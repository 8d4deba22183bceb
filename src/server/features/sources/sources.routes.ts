import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZName, ZUuid, brandParams, errors, jsonBody, jsonOk, noContent } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import {
  MAX_EXPECTED_ITEM_MINUTES,
  MAX_INTERVAL_MINUTES,
  MAX_RATE_PER_MINUTE,
  MIN_EXPECTED_ITEM_MINUTES,
  MIN_INTERVAL_MINUTES,
  MIN_RATE_PER_MINUTE,
  changeSource,
  createSource,
  getSource,
  listConnectors,
  listSources,
  removeSource,
  runSourceNow,
  setSourceStatus,
} from "./manage-sources.ts";
import { SOURCE_HEALTHS } from "./source-health.ts";

const ZTitle = z.object({ en: z.string(), ru: z.string() });
const ZRate = z
  .object({ limit: z.number(), intervalMs: z.number() })
  .openapi("RequestRate", { description: "At most `limit` requests every `intervalMs` milliseconds" });
const ZCapabilities = z.object({ keywordSearch: z.boolean(), placeReviews: z.boolean(), ownPageComments: z.boolean(), reply: z.boolean() });
const ZConnector = z
  .object({
    id: z.string(),
    title: ZTitle,
    sourceKind: z.string(),
    capabilities: ZCapabilities,
    defaultIntervalMinutes: z.number(),
    rateLimit: ZRate.openapi({ description: "The connector's default request allowance per source" }),
    secretFields: z.array(z.string()),
    configSchema: z.record(z.string(), z.unknown()).openapi({ description: "JSON Schema (2020-12) of the config as entered" }),
  })
  .openapi("Connector");

const ZSource = z
  .object({
    id: z.string(),
    brandId: z.string(),
    connector: z.string(),
    connectorTitle: ZTitle.nullable(),
    sourceKind: z.string().nullable(),
    name: z.string(),
    config: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: "Secrets shown as `••••••••`; null for client roles" }),
    secretFields: z.array(z.string()),
    ownPlace: z.boolean(),
    status: z.enum(["active", "paused"]),
    intervalMinutes: z.number(),
    rateLimitPerMinute: z.number().nullable().openapi({ description: "The source's own allowance; null = the connector's default" }),
    expectedItemMinutes: z.number().nullable().openapi({ description: "Stale when no new item for longer than this; null = no expectation" }),
    rate: ZRate.nullable().openapi({ description: "The allowance in effect (own or the connector's); null when the connector is unknown" }),
    health: z.enum(SOURCE_HEALTHS),
    nextRunAt: z.string(),
    lastRunAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastItemAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorKind: z.string().nullable(),
    consecutiveFailures: z.number(),
    retryAfter: z.string().nullable(),
    itemsCollected: z.number(),
    mentionsCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Source");

const ZInterval = z.number().int().min(MIN_INTERVAL_MINUTES).max(MAX_INTERVAL_MINUTES);
const ZRateLimit = z
  .number()
  .int()
  .min(MIN_RATE_PER_MINUTE)
  .max(MAX_RATE_PER_MINUTE)
  .nullable()
  .openapi({ description: `Requests per minute (${MIN_RATE_PER_MINUTE}–${MAX_RATE_PER_MINUTE}); null = the connector's default` });
const ZExpectedItem = z
  .number()
  .int()
  .min(MIN_EXPECTED_ITEM_MINUTES)
  .max(MAX_EXPECTED_ITEM_MINUTES)
  .nullable()
  .openapi({ description: `Minutes (${MIN_EXPECTED_ITEM_MINUTES}–${MAX_EXPECTED_ITEM_MINUTES}) without a new item after which the source is stale; null = none` });
const ZConfig = z.record(z.string(), z.unknown());
const sourceParams = brandParams.extend({ sourceId: ZUuid.openapi({ param: { name: "sourceId", in: "path" } }) });
const one = z.object({ source: ZSource });
const tags = ["sources"];

export const sourcesRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/connectors", tags, summary: "Connectors a source can be made of, with their config as JSON Schema",
      responses: { 200: jsonOk(z.object({ connectors: z.array(ZConnector) })), 401: errors[401] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ connectors: listConnectors() }, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/sources", tags, summary: "A brand's sources with their health (config for agency roles only)",
      request: { params: brandParams },
      responses: { 200: jsonOk(z.object({ sources: z.array(ZSource) })), 401: errors[401], 404: errors[404] } }),
    async (c) => c.json({ sources: await listSources(c.get("app"), requireAuth(c), c.req.valid("param").brandId) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/sources", tags, summary: "Add a source (agency roles)",
      request: { params: brandParams,
        body: jsonBody(
          z.strictObject({
            connector: z.string().min(1).max(100),
            name: ZName,
            config: ZConfig,
            ownPlace: z.boolean().optional(),
            intervalMinutes: ZInterval.optional(),
            rateLimitPerMinute: ZRateLimit.optional(),
            expectedItemMinutes: ZExpectedItem.optional(),
          }),
        ) },
      responses: { 201: jsonOk(one), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const source = await createSource(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json"));
      return c.json({ source }, 201);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/sources/{sourceId}", tags, summary: "One source with its health",
      request: { params: sourceParams }, responses: { 200: jsonOk(one), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      const { brandId, sourceId } = c.req.valid("param");
      return c.json({ source: await getSource(c.get("app"), requireAuth(c), brandId, sourceId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/brands/{brandId}/sources/{sourceId}", tags,
      summary: "Change a source's name, config, own-place flag, interval or limits (agency roles); a secret sent as the mask or left out is kept; null resets a limit",
      request: { params: sourceParams,
        body: jsonBody(
          z.strictObject({
            name: ZName.optional(),
            config: ZConfig.optional(),
            ownPlace: z.boolean().optional(),
            intervalMinutes: ZInterval.optional(),
            rateLimitPerMinute: ZRateLimit.optional(),
            expectedItemMinutes: ZExpectedItem.optional(),
          }),
        ) },
      responses: { 200: jsonOk(one), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, sourceId } = c.req.valid("param");
      return c.json({ source: await changeSource(c.get("app"), requireAuth(c), brandId, sourceId, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/brands/{brandId}/sources/{sourceId}", tags, summary: "Delete a source; its mentions stay (agency roles)",
      request: { params: sourceParams }, responses: { 204: noContent, 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, sourceId } = c.req.valid("param");
      await removeSource(c.get("app"), requireAuth(c), brandId, sourceId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/sources/{sourceId}/run", tags, summary: "Run a source now (agency roles)",
      request: { params: sourceParams },
      responses: { 200: jsonOk(z.object({ source: ZSource, enqueued: z.boolean() })), 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, sourceId } = c.req.valid("param");
      return c.json(await runSourceNow(c.get("app"), requireAuth(c), brandId, sourceId), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/sources/{sourceId}/pause", tags, summary: "Pause a source (agency roles)",
      request: { params: sourceParams }, responses: { 200: jsonOk(one), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, sourceId } = c.req.valid("param");
      return c.json({ source: await setSourceStatus(c.get("app"), requireAuth(c), brandId, sourceId, "paused") }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/sources/{sourceId}/resume", tags, summary: "Resume a paused source; it runs at once (agency roles)",
      request: { params: sourceParams }, responses: { 200: jsonOk(one), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, sourceId } = c.req.valid("param");
      return c.json({ source: await setSourceStatus(c.get("app"), requireAuth(c), brandId, sourceId, "active") }, 200);
    },
  );
