import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { LABEL_FIELDS } from "../../db/schema/classification.ts";
import { SENTIMENTS } from "../../db/schema/monitoring.ts";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { brandParams, errors, jsonBody, jsonOk } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { classificationAccuracy } from "./classification-accuracy.ts";
import { classifierSettings, resetAdaptation, updateProviderSettings } from "./classifier-settings.ts";
import { reviewQueue } from "./review-queue.ts";

const tags = ["classification"];

const ZQueueQuery = z.strictObject({
  sentiment: z.enum(SENTIMENTS).optional().openapi({ description: "Only mentions the machine labelled so" }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
const ZAccuracyQuery = z.strictObject({
  field: z.enum(LABEL_FIELDS).optional().openapi({ description: "sentiment (default) or negative_type" }),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
const ZQueuePage = z.object({ items: z.array(z.record(z.string(), z.unknown())), total: z.number().int(), nextCursor: z.string().nullable() }).openapi("ReviewQueuePage");
const ZAccuracy = z
  .object({
    field: z.enum(LABEL_FIELDS),
    verified: z.number().int(),
    correct: z.number().int(),
    accuracy: z.number().nullable(),
    weeks: z.array(z.object({ weekStart: z.string(), n: z.number().int(), correct: z.number().int(), accuracy: z.number().nullable() })),
    confusion: z.record(z.string(), z.record(z.string(), z.number().int())).openapi({ description: "machine label → specialist label → count" }),
  })
  .openapi("ClassificationAccuracy");
const ZSettings = z
  .object({
    builtin: z.object({ version: z.string() }),
    adaptation: z.object({ corrections: z.number().int(), baseModel: z.string().nullable(), updatedAt: z.string().nullable() }),
    provider: z.record(z.string(), z.unknown()).nullable(),
    secretFields: z.array(z.string()),
  })
  .openapi("ClassificationSettings");
const ZProviderBody = z.strictObject({
  provider: z
    .record(z.string(), z.unknown())
    .nullable()
    .openapi({ description: "OpenAI-compatible provider {enabled, baseUrl, model, apiKey, timeoutMs?, maxConcurrency?, batchSize?, jsonMode?}; null removes it" }),
});

const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999Z`);

/** Routes of the specialist-in-the-loop side of classification. */
export const classificationRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/classification/review-queue", tags, summary: "Machine-labelled mentions, least sure first",
      request: { params: brandParams, query: ZQueueQuery },
      responses: { 200: jsonOk(ZQueuePage), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId } = c.req.valid("param");
      const query = c.req.valid("query");
      const page = await reviewQueue(c.get("app").db, brandId, { sentiments: query.sentiment ? [query.sentiment] : undefined, cursor: query.cursor, limit: query.limit ?? 50 });
      return c.json(page, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/classification/accuracy", tags, summary: "The machine's accuracy on specialist-verified mentions, per week and overall",
      request: { params: brandParams, query: ZAccuracyQuery },
      responses: { 200: jsonOk(ZAccuracy), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId } = c.req.valid("param");
      const query = c.req.valid("query");
      const range = { from: query.from ? dayStart(query.from) : undefined, to: query.to ? dayEnd(query.to) : undefined };
      return c.json(await classificationAccuracy(c.get("app").db, brandId, query.field ?? "sentiment", range), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/classification/settings", tags, summary: "The brand's classifier: built-in model version, the adjustment learnt from corrections, the optional provider (key masked)",
      request: { params: brandParams },
      responses: { 200: jsonOk(ZSettings), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json(await classifierSettings(c.get("app"), c.req.valid("param").brandId), 200);
    },
  )
  .openapi(
    createRoute({ method: "put", path: "/api/brands/{brandId}/classification/provider", tags, summary: "Set or remove the brand's OpenAI-compatible provider (agency roles)",
      request: { params: brandParams, body: jsonBody(ZProviderBody) },
      responses: { 200: jsonOk(ZSettings), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const auth = requireAuth(c);
      const { brandId } = c.req.valid("param");
      return c.json(await updateProviderSettings(c.get("app"), auth, brandId, c.req.valid("json").provider), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/classification/reset-adaptation", tags, summary: "Forget what corrections taught the model for this brand (agency roles)",
      request: { params: brandParams, body: jsonBody(z.strictObject({})) },
      responses: { 200: jsonOk(ZSettings), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(await resetAdaptation(c.get("app"), auth, c.req.valid("param").brandId), 200);
    },
  );
