import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { CONNECTORS_SOURCE_KIND_MAX, multiValue } from "./route-helpers.ts";
import { CASE_STATES } from "../../db/schema/cases.ts";
import { NEGATIVE_TYPES } from "../../db/schema/monitoring.ts";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZUuid, brandParams, errors, jsonBody, jsonOk } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { roleOnBrand } from "../accounts/permissions.ts";
import { assignCase } from "./assign-case.ts";
import { caseCard } from "./case-card.ts";
import { caseKpis } from "./case-kpis.ts";
import { ZCaseCard, ZCaseList, ZCaseOne, ZCaseRules, ZKpis } from "./case-schemas.ts";
import { changeCaseSettings, getCaseSettings } from "./case-settings.ts";
import { MAX_REASON_LENGTH } from "./case-state.ts";
import { listCases } from "./list-cases.ts";
import { openCaseForMention } from "./open-case-for-mention.ts";
import { transitionCase } from "./transition-case.ts";

const tags = ["negative reviews"];
export const caseParams = brandParams.extend({ caseId: ZUuid.openapi({ param: { name: "caseId", in: "path" } }) });

const ZListQuery = z.object({
  status: multiValue(z.enum(CASE_STATES)).openapi({ description: "Case states (any of them)" }),
  type: multiValue(z.enum([...NEGATIVE_TYPES, "none"])).openapi({ description: "Types of negative of the case's mention; none = untyped" }),
  source: multiValue(z.string().min(1).max(CONNECTORS_SOURCE_KIND_MAX)).openapi({ description: "Source kinds (vk, banki_ru, …)" }),
  assignee: z.union([ZUuid, z.enum(["me", "none"])]).optional().openapi({ description: "A user id, me, or none (unassigned)" }),
  overdue: z.enum(["true", "false"]).optional(),
  sort: z.enum(["opened", "due"]).optional().openapi({ description: "opened: newest first (default); due: soonest due first" }),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});

const ZPeriod = z.object({
  from: z.iso.date().optional().openapi({ description: "First day (UTC), default 30 days ago" }),
  to: z.iso.date().optional().openapi({ description: "Last day (UTC, inclusive), default today" }),
});

const ZRulesPatch = z.strictObject({
  autoOpen: z.boolean().optional(),
  negativeTypes: z.array(z.enum(NEGATIVE_TYPES)).max(NEGATIVE_TYPES.length).optional(),
  sourceKinds: z.array(z.string().min(1).max(CONNECTORS_SOURCE_KIND_MAX)).max(50).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  maxAgeDays: z.number().int().min(1).max(3650).nullable().optional(),
  responseTargetHours: z.number().int().min(1).max(24 * 30).optional(),
});

const DAY_MS = 86_400_000;

/** Cases of a brand: the list with filters and counts, the card, transitions, assignment, rules, KPIs. */
export const casesRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases", tags, summary: "The brand's cases, filtered, with counts per state",
      request: { params: brandParams, query: ZListQuery },
      responses: { 200: jsonOk(ZCaseList), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      const auth = requireAuth(c);
      const { brandId } = c.req.valid("param");
      const q = c.req.valid("query");
      const now = new Date();
      const assigneeId = q.assignee === undefined ? undefined : q.assignee === "none" ? null : q.assignee === "me" ? auth.userId : q.assignee;
      const filter = { brandId, states: q.status, negativeTypes: q.type, sourceKinds: q.source, assigneeId, overdue: q.overdue === undefined ? undefined : q.overdue === "true", now };
      return c.json(await listCases(c.get("app").db, filter, { sort: q.sort ?? "opened", limit: q.limit ?? 50, offset: q.offset ?? 0 }, roleOnBrand(auth, brandId)), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases", tags, summary: "Open a case on any mention (agency roles); its copy cluster's existing case is returned instead",
      request: { params: brandParams, body: jsonBody(z.strictObject({ mentionId: ZUuid })) },
      responses: { 200: jsonOk(ZCaseOne.extend({ created: z.literal(false) })), 201: jsonOk(ZCaseOne.extend({ created: z.literal(true) })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId } = c.req.valid("param");
      const result = await openCaseForMention(c.get("app"), requireAuth(c), brandId, c.req.valid("json").mentionId);
      return result.created ? c.json({ case: result.case, created: true as const }, 201) : c.json({ case: result.case, created: false as const }, 200);
    },
  )
  // Static paths before /cases/{caseId}.
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/kpis", tags, summary: "Response-time KPIs over the cases opened in a period (negative mentions)",
      request: { params: brandParams, query: ZPeriod },
      responses: { 200: jsonOk(ZKpis), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId } = c.req.valid("param");
      const q = c.req.valid("query");
      const to = q.to ? new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY_MS) : new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS);
      const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(to.getTime() - 30 * DAY_MS);
      return c.json(await caseKpis(c.get("app").db, brandId, { from, to }), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/settings", tags, summary: "When the brand's cases open by themselves, and the response target",
      request: { params: brandParams }, responses: { 200: jsonOk(z.object({ settings: ZCaseRules })), 401: errors[401], 404: errors[404] } }),
    async (c) => c.json({ settings: await getCaseSettings(c.get("app"), requireAuth(c), c.req.valid("param").brandId) }, 200),
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/brands/{brandId}/cases/settings", tags, summary: "Change the case rules or the response target (agency roles)",
      request: { params: brandParams, body: jsonBody(ZRulesPatch) },
      responses: { 200: jsonOk(z.object({ settings: ZCaseRules })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json({ settings: await changeCaseSettings(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")) }, 200),
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/{caseId}", tags, summary: "The case card: mention, screenshot, type and reaction, edits, copies, same author, transitions",
      request: { params: caseParams }, responses: { 200: jsonOk(ZCaseCard), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      const auth = requireAuth(c);
      const { brandId, caseId } = c.req.valid("param");
      return c.json(await caseCard(c.get("app").db, brandId, caseId, roleOnBrand(auth, brandId)), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/transitions", tags,
      summary: "Move the case: take, propose, approve, return (reason), resolve, dismiss (no response needed; reason), reopen",
      request: {
        params: caseParams,
        body: jsonBody(z.strictObject({ action: z.enum(["take", "propose", "approve", "return", "resolve", "dismiss", "reopen"]), reason: z.string().max(MAX_REASON_LENGTH).nullable().optional() })),
      },
      responses: { 200: jsonOk(ZCaseOne), 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      const body = c.req.valid("json");
      const view = await transitionCase(c.get("app"), requireAuth(c), brandId, caseId, { action: body.action, reason: body.reason });
      return c.json({ case: view }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/assign", tags, summary: "Assign the case to an admin or specialist of the brand, or to nobody (agency roles)",
      request: { params: caseParams, body: jsonBody(z.strictObject({ assigneeId: ZUuid.nullable() })) },
      responses: { 200: jsonOk(ZCaseOne), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json({ case: await assignCase(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json").assigneeId) }, 200);
    },
  );
