import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { TEMPLATE_SITUATIONS } from "../../../db/schema/cases.ts";
import type { THonoEnv } from "../../../http/env.ts";
import { requireAuth } from "../../../http/env.ts";
import { ZName, ZUuid, brandParams, errors, jsonBody, jsonOk, noContent } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { changeTemplate, createTemplate, listBrandTemplates, removeTemplate } from "./manage-templates.ts";

const tags = ["reply templates"];
const ZTemplate = z
  .object({ id: z.string(), situation: z.enum(TEMPLATE_SITUATIONS), lang: z.enum(["ru", "en"]), name: z.string(), body: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .openapi("ReplyTemplate");
const ZBody = z.string().trim().min(1).max(5000).openapi({ description: "Text with {{author_name}}, {{brand}}, {{case_link}}, {{mention_link}}, {{site}}; {{name|fallback}}" });
const templateParams = brandParams.extend({ templateId: ZUuid.openapi({ param: { name: "templateId", in: "path" } }) });

/** Reply templates per type of negative (or positive, or general) and language (agency roles). */
export const templatesRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/reply-templates", tags, summary: "The brand's reply templates",
      request: { params: brandParams, query: z.object({ situation: z.enum(TEMPLATE_SITUATIONS).optional(), lang: z.enum(["ru", "en"]).optional() }) },
      responses: { 200: jsonOk(z.object({ templates: z.array(ZTemplate) })), 403: errors[403], 404: errors[404] } }),
    async (c) => c.json({ templates: await listBrandTemplates(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("query")) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/reply-templates", tags, summary: "Add a reply template; unknown {{variables}} are refused",
      request: { params: brandParams, body: jsonBody(z.strictObject({ situation: z.enum(TEMPLATE_SITUATIONS), lang: z.enum(["ru", "en"]), name: ZName, body: ZBody })) },
      responses: { 201: jsonOk(z.object({ template: ZTemplate })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json({ template: await createTemplate(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")) }, 201),
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/brands/{brandId}/reply-templates/{templateId}", tags, summary: "Change a reply template",
      request: { params: templateParams, body: jsonBody(z.strictObject({ situation: z.enum(TEMPLATE_SITUATIONS).optional(), lang: z.enum(["ru", "en"]).optional(), name: ZName.optional(), body: ZBody.optional() })) },
      responses: { 200: jsonOk(z.object({ template: ZTemplate })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, templateId } = c.req.valid("param");
      return c.json({ template: await changeTemplate(c.get("app"), requireAuth(c), brandId, templateId, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/brands/{brandId}/reply-templates/{templateId}", tags, summary: "Delete a reply template",
      request: { params: templateParams }, responses: { 204: noContent, 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, templateId } = c.req.valid("param");
      await removeTemplate(c.get("app"), requireAuth(c), brandId, templateId);
      return c.body(null, 204);
    },
  );
