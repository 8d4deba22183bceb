import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { requireAdmin, requireAuth } from "../../http/env.ts";
import { ZUuid, brandParams, errors, jsonOk } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { forbidden } from "../../lib/errors.ts";
import { canViewBrandAudit } from "../accounts/permissions.ts";
import { listAudit } from "./list-audit.ts";

const ZEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), email: z.string() }).nullable(),
    actorLabel: z.string(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    brandId: z.string().nullable(),
    brandName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEntry");
const ZPage = z.object({ entries: z.array(ZEntry), nextCursor: z.string().nullable() });
const ZQuery = {
  action: z.string().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
};
const tags = ["audit"];

export const auditRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/audit", tags, summary: "The workspace's audit log (admin), filterable by brand",
      request: { query: z.object({ brandId: ZUuid.optional(), ...ZQuery }) },
      responses: { 200: jsonOk(ZPage), 400: errors[400], 404: errors[404] } }),
    async (c) => {
      const auth = requireAdmin(c);
      return c.json(await listAudit(c.get("app").db, { workspaceId: auth.workspaceId, ...c.req.valid("query") }), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/audit", tags, summary: "One brand's audit log (agency roles)",
      request: { params: brandParams, query: z.object(ZQuery) },
      responses: { 200: jsonOk(ZPage), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const auth = requireAuth(c);
      const { brandId } = c.req.valid("param");
      if (!canViewBrandAudit(auth, brandId)) throw forbidden("Only the agency's roles read the audit log");
      return c.json(await listAudit(c.get("app").db, { workspaceId: auth.workspaceId, brandId, ...c.req.valid("query") }), 200);
    },
  );
