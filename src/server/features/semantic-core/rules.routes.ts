import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { RULE_GROUPS } from "../../db/schema/monitoring.ts";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZName, ZUuid, brandParams, errors, jsonBody, jsonOk, noContent } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { changeRule, createRule, listRules, previewBrandRule, removeRule, ruleVariants } from "./manage-rules.ts";
import { PREVIEW_SCAN_LIMIT } from "./preview-rule.ts";
import { MAX_QUERY_LENGTH } from "./query-parser.ts";
import { VARIANT_KINDS } from "./variants.ts";

/** Kinds a kept variant may have: the generated ones, or one a person typed. */
const KEPT_KINDS = [...VARIANT_KINDS, "manual"] as const;

const ZVariant = z.object({ variant: z.string().trim().min(1).max(200), kind: z.enum(KEPT_KINDS), from: z.string().max(200) });
const ZRule = z
  .object({
    id: z.string(),
    brandId: z.string(),
    group: z.enum(RULE_GROUPS),
    name: z.string(),
    query: z.string(),
    variants: z.array(z.object({ variant: z.string(), kind: z.string(), from: z.string() })),
    enabled: z.boolean(),
    matchedMentions: z.number().openapi({ description: "Stored mentions whose recorded hits include this rule" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Rule");
const ZQuery = z.string().min(1).max(MAX_QUERY_LENGTH);
const ruleParams = brandParams.extend({ ruleId: ZUuid.openapi({ param: { name: "ruleId", in: "path" } }) });
const ZSyntax = z.object({ message: z.string(), position: z.number(), column: z.number(), expected: z.string(), found: z.string().nullable() });
const ZPreview = z
  .object({
    valid: z.boolean(),
    error: ZSyntax.nullable().openapi({ description: "The query's syntax error (position is a 0-based UTF-16 index, column 1-based)" }),
    scanned: z.number(),
    capped: z.boolean(),
    total: z.number(),
    query: z.number().nullable(),
    variants: z.array(z.object({ variant: z.string(), matches: z.number(), error: z.string().nullable() })),
    sample: z.array(
      z.object({
        id: z.string(),
        url: z.string(),
        publishedAt: z.string(),
        field: z.enum(["title", "text", "pros", "cons"]),
        snippet: z.string(),
        highlights: z.array(z.object({ start: z.number(), end: z.number() })),
      }),
    ),
  })
  .openapi("RulePreview");
const tags = ["semantic core"];

export const rulesRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/rules", tags, summary: "The brand's semantic-core rules with the number of stored mentions each matched",
      request: { params: brandParams },
      responses: { 200: jsonOk(z.object({ rules: z.array(ZRule) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ rules: await listRules(c.get("app"), c.req.valid("param").brandId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/rules", tags, summary: "Add a rule (agency roles); a query syntax error names `query` with the position",
      request: { params: brandParams,
        body: jsonBody(z.strictObject({ group: z.enum(RULE_GROUPS), name: ZName, query: ZQuery, variants: z.array(ZVariant).max(500).optional(), enabled: z.boolean().optional() })) },
      responses: { 201: jsonOk(z.object({ rule: ZRule })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const rule = await createRule(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json"));
      return c.json({ rule }, 201);
    },
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/brands/{brandId}/rules/{ruleId}", tags, summary: "Change a rule (agency roles)",
      request: { params: ruleParams,
        body: jsonBody(z.strictObject({ group: z.enum(RULE_GROUPS).optional(), name: ZName.optional(), query: ZQuery.optional(), variants: z.array(ZVariant).max(500).optional(), enabled: z.boolean().optional() })) },
      responses: { 200: jsonOk(z.object({ rule: ZRule })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, ruleId } = c.req.valid("param");
      return c.json({ rule: await changeRule(c.get("app"), requireAuth(c), brandId, ruleId, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/brands/{brandId}/rules/{ruleId}", tags, summary: "Delete a rule (agency roles)",
      request: { params: ruleParams }, responses: { 204: noContent, 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, ruleId } = c.req.valid("param");
      await removeRule(c.get("app"), requireAuth(c), brandId, ruleId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/rules/variants", tags,
      summary: "Spelling variants of a name: transliteration, keyboard layout, typos, given abbreviations (agency roles)",
      request: { params: brandParams,
        body: jsonBody(z.strictObject({ name: z.string().trim().min(1).max(200), abbreviations: z.array(z.string().max(100)).max(50).optional() })) },
      responses: { 200: jsonOk(z.object({ variants: z.array(z.object({ variant: z.string(), kind: z.enum(VARIANT_KINDS), from: z.string() })) })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json({ variants: ruleVariants(requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/rules/preview", tags,
      summary: "How many of the brand's newest stored mentions a query and each variant match, with a sample (agency roles)",
      request: { params: brandParams,
        body: jsonBody(z.strictObject({
          query: z.string().max(MAX_QUERY_LENGTH).optional(),
          variants: z.array(z.string().max(200)).max(200).optional(),
          limit: z.number().int().min(1).max(PREVIEW_SCAN_LIMIT).optional(),
        })) },
      responses: { 200: jsonOk(ZPreview), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json(await previewBrandRule(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")), 200),
  );
