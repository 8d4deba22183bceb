import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { RESPONSE_ORIGINS } from "../../db/schema/cases.ts";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZUuid, errors, jsonBody, jsonOk } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { createApprovalLink } from "./approval/create-approval-link.ts";
import { caseParams } from "./cases.routes.ts";
import { ZCaseOne, ZChanges, ZDiffOp, ZResponseVersions } from "./case-schemas.ts";
import { publishManually, recheckPublication } from "./publish/publish-manually.ts";
import { publishViaApi } from "./publish/publish-via-api.ts";
import { MAX_RESPONSE_LENGTH, addResponseVersion } from "./responses/add-response-version.ts";
import { draftResponseWithAi } from "./responses/draft-with-ai.ts";
import { diffResponseVersions, listResponseVersions } from "./responses/list-response-versions.ts";
import { renderTemplateForCase, suitableTemplates } from "./templates/render-template-for-case.ts";

const tags = ["negative reviews"];

const ZCheck = z.object({
  status: z.enum(["confirmed", "not_found", "fetch_failed"]),
  finalUrl: z.string(),
  httpStatus: z.number().int().nullable(),
  detail: z.string().nullable(),
});

/** The work on one case: response versions and their diffs, drafts, approval links, publishing. */
export const caseWorkRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/{caseId}/responses", tags, summary: "Every response version, oldest first, each with its word diff from the one before",
      request: { params: caseParams }, responses: { 200: jsonOk(ZResponseVersions), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await listResponseVersions(c.get("app").db, brandId, caseId), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/responses", tags,
      summary: "A new response version (agency roles); propose: true also proposes it for approval",
      request: {
        params: caseParams,
        body: jsonBody(z.strictObject({ text: z.string().trim().min(1).max(MAX_RESPONSE_LENGTH), origin: z.enum(RESPONSE_ORIGINS).optional(), propose: z.boolean().optional() })),
      },
      responses: { 200: jsonOk(ZCaseOne.extend({ version: z.number().int(), created: z.boolean() })), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      const result = await addResponseVersion(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json"));
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/{caseId}/responses/diff", tags, summary: "Word diff between two response versions",
      request: { params: caseParams, query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
      responses: { 200: jsonOk(z.object({ from: z.number().int(), to: z.number().int(), diff: z.array(ZDiffOp), changes: ZChanges })), 400: errors[400], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId, caseId } = c.req.valid("param");
      const { from, to } = c.req.valid("query");
      return c.json(await diffResponseVersions(c.get("app").db, brandId, caseId, from, to), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/draft", tags,
      summary: "An AI draft through the brand's OpenAI-compatible provider: a proposal to edit, not stored (agency roles; 409 without a provider)",
      request: {
        params: caseParams,
        body: jsonBody(z.strictObject({
          lang: z.enum(["ru", "en"]).optional(),
          tone: z.string().trim().max(300).optional(),
          template: z.string().trim().max(5000).optional().openapi({ description: "A rendered template for the model to adapt" }),
          maxLength: z.number().int().min(50).max(MAX_RESPONSE_LENGTH).optional(),
        })),
      },
      responses: {
        200: jsonOk(z.object({ text: z.string(), model: z.string(), truncated: z.boolean(), lang: z.enum(["ru", "en"]), maxLength: z.number().int() })),
        403: errors[403], 404: errors[404], 409: errors[409], 429: errors[429], 503: { description: "The provider failed" },
      } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await draftResponseWithAi(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/{caseId}/templates", tags, summary: "Reply templates that suit the case (its type of negative or general; its language first)",
      request: { params: caseParams },
      responses: { 200: jsonOk(z.object({ templates: z.array(z.object({ id: z.string(), situation: z.string(), lang: z.enum(["ru", "en"]), name: z.string() })) })), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json({ templates: await suitableTemplates(c.get("app"), requireAuth(c), brandId, caseId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/templates/render", tags,
      summary: "A template filled in for the case: {{author_name}}, {{brand}}, {{case_link}}, {{mention_link}}, {{site}}",
      request: { params: caseParams, body: jsonBody(z.strictObject({ templateId: ZUuid })) },
      responses: { 200: jsonOk(z.object({ templateId: z.string(), text: z.string(), missing: z.array(z.string()) })), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await renderTemplateForCase(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json").templateId), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/approval-links", tags,
      summary: "A single-use approval link for one approver, shown once (agency roles; the e-mail sends one by itself)",
      request: { params: caseParams, body: jsonBody(z.strictObject({ approverId: ZUuid })) },
      responses: { 201: jsonOk(z.object({ link: z.string(), expiresAt: z.string(), version: z.number().int() })), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await createApprovalLink(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json").approverId), 201);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/publish", tags,
      summary: "Publish the approved response through the platform's API with the source's credentials (agency roles)",
      request: { params: caseParams },
      responses: { 200: jsonOk(ZCaseOne), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409], 429: errors[429], 503: { description: "The platform failed" } } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json({ case: await publishViaApi(c.get("app"), requireAuth(c), brandId, caseId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/publish-manual", tags,
      summary: "Record a response published by hand: the page is fetched and the approved text looked for (agency roles)",
      request: { params: caseParams, body: jsonBody(z.strictObject({ url: z.string().trim().min(1).max(2000) })) },
      responses: { 200: jsonOk(ZCaseOne.extend({ check: ZCheck })), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await publishManually(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/publication/check", tags, summary: "Look for the approved text on a manual publication's page again",
      request: { params: caseParams },
      responses: { 200: jsonOk(ZCaseOne.extend({ check: ZCheck })), 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await recheckPublication(c.get("app"), requireAuth(c), brandId, caseId), 200);
    },
  );
