import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../../http/env.ts";
import { requireAuth } from "../../../http/env.ts";
import { ZUuid, brandParams, errors, jsonBody, jsonOk, noContent } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { NOTIFICATION_KINDS } from "../../notifications/notification-event.ts";
import { changeWebhook, createWebhook, listWebhooks, removeWebhook, webhookDeliveryLog } from "./manage-webhooks.ts";

const tags = ["webhooks"];
const ZWebhook = z
  .object({ id: z.string(), url: z.string(), events: z.array(z.string()), enabled: z.boolean(), description: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() })
  .openapi("Webhook");
const ZEvents = z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length).openapi({ description: "Kinds sent; empty = all" });
const hookParams = brandParams.extend({ webhookId: ZUuid.openapi({ param: { name: "webhookId", in: "path" } }) });
const ZDelivery = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastResponseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  log: z.array(z.object({ attempt: z.number().int(), startedAt: z.string(), durationMs: z.number().int(), outcome: z.string(), responseCode: z.number().int().nullable(), error: z.string().nullable(), responseExcerpt: z.string().nullable() })),
});

/** A brand's outgoing webhooks and their delivery log (admins). */
export const webhooksRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/webhooks", tags, summary: "The brand's webhooks (secrets never shown)",
      request: { params: brandParams }, responses: { 200: jsonOk(z.object({ webhooks: z.array(ZWebhook) })), 403: errors[403], 404: errors[404] } }),
    async (c) => c.json({ webhooks: await listWebhooks(c.get("app"), requireAuth(c), c.req.valid("param").brandId) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/webhooks", tags, summary: "Add a webhook; its signing secret is in this answer only",
      request: { params: brandParams, body: jsonBody(z.strictObject({ url: z.string().trim().min(1).max(2000), events: ZEvents.optional(), enabled: z.boolean().optional(), description: z.string().trim().max(500).nullable().optional() })) },
      responses: { 201: jsonOk(z.object({ webhook: ZWebhook, secret: z.string() })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json(await createWebhook(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/brands/{brandId}/webhooks/{webhookId}", tags, summary: "Change a webhook; rotateSecret: true answers with a new secret (once)",
      request: { params: hookParams, body: jsonBody(z.strictObject({ url: z.string().trim().min(1).max(2000).optional(), events: ZEvents.optional(), enabled: z.boolean().optional(), description: z.string().trim().max(500).nullable().optional(), rotateSecret: z.boolean().optional() })) },
      responses: { 200: jsonOk(z.object({ webhook: ZWebhook, secret: z.string().nullable() })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, webhookId } = c.req.valid("param");
      return c.json(await changeWebhook(c.get("app"), requireAuth(c), brandId, webhookId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/brands/{brandId}/webhooks/{webhookId}", tags, summary: "Delete a webhook and its log",
      request: { params: hookParams }, responses: { 204: noContent, 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, webhookId } = c.req.valid("param");
      await removeWebhook(c.get("app"), requireAuth(c), brandId, webhookId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/webhooks/{webhookId}/deliveries", tags, summary: "The delivery log: newest first, each delivery with its attempts",
      request: { params: hookParams, query: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }) },
      responses: { 200: jsonOk(z.object({ deliveries: z.array(ZDelivery) })), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, webhookId } = c.req.valid("param");
      return c.json({ deliveries: await webhookDeliveryLog(c.get("app"), requireAuth(c), brandId, webhookId, c.req.valid("query").limit ?? 50) }, 200);
    },
  );
