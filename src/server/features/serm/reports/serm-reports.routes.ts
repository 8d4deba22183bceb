import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type THonoEnv, requireAuth } from "../../../http/env.ts";
import { ZUuid, brandParams, errors, jsonOk } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { ZDay, ZEngine, ZReport } from "../serm-schemas.ts";
import { compareDays } from "./audit-compare.ts";
import { auditCsvOf } from "./audit-compare-csv.ts";
import { explainEx } from "./ex-explain.ts";
import { exSeries } from "./ex-series.ts";
import { historyGrid } from "./history.ts";
import { negativesReport } from "./negatives.ts";
import { siteTimeline } from "./site-timeline.ts";

/** What the scans add up to: history, sites over time, Ex and its explanation, negatives, audit. */
const tags = ["serm"];
const base = "/api/brands/{brandId}/serm";
const ZRange = { from: ZDay.optional(), to: ZDay.optional() };
const ZAuditQuery = z.object({ dayA: ZDay, dayB: ZDay });

export const sermReportsRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: `${base}/history`, tags, summary: "Positions × days of one query on one engine, coloured by tonality; failed days are gaps",
      request: { params: brandParams, query: z.object({ queryId: ZUuid, engine: ZEngine, ...ZRange }) },
      responses: { 200: jsonOk(ZReport("SermHistory", "Grid of positions × days")), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json(await historyGrid(c.get("app"), c.req.valid("param").brandId, c.req.valid("query")), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/sites`, tags, summary: "Each site's best position and colour per day",
      request: { params: brandParams, query: z.object({ engine: ZEngine.optional(), queryId: ZUuid.optional(), ...ZRange }) },
      responses: { 200: jsonOk(ZReport("SermSites", "Domains × days")), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json(await siteTimeline(c.get("app"), c.req.valid("param").brandId, c.req.valid("query")), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/ex`, tags, summary: "Stored daily Ex with NegShare@N, NegVisibility@N and the other indices: overall, per engine, per query",
      request: { params: brandParams, query: z.object(ZRange) },
      responses: { 200: jsonOk(ZReport("SermExSeries", "Daily Ex series")), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json(await exSeries(c.get("app"), c.req.valid("param").brandId, c.req.valid("query")), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/ex/{day}`, tags, summary: "One day's Ex explained: each result's P(n), T, source and contribution",
      request: { params: brandParams.extend({ day: ZDay.openapi({ param: { name: "day", in: "path" } }) }) },
      responses: { 200: jsonOk(ZReport("SermExExplanation", "Ex of one day with contributions")), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId, day } = c.req.valid("param");
      return c.json(await explainEx(c.get("app"), brandId, day), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/negatives`, tags, summary: "NegShare@N and NegVisibility@N of one day for any N (1–20), with the negatives named",
      request: { params: brandParams, query: z.object({ day: ZDay, n: z.coerce.number().int().min(1).max(20).optional() }) },
      responses: { 200: jsonOk(ZReport("SermNegatives", "Negatives in the top N")), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { day, n } = c.req.valid("query");
      return c.json(await negativesReport(c.get("app"), c.req.valid("param").brandId, day, n ?? 10), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/audit`, tags, summary: "Two days side by side: results per query and engine, negatives, Ex, colours",
      request: { params: brandParams, query: ZAuditQuery },
      responses: { 200: jsonOk(ZReport("SermAudit", "Two days compared")), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { dayA, dayB } = c.req.valid("query");
      return c.json(await compareDays(c.get("app"), c.req.valid("param").brandId, dayA, dayB), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/audit/csv`, tags, summary: "The audit of two days as CSV (UTF-8 with BOM)",
      request: { params: brandParams, query: ZAuditQuery },
      responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { dayA, dayB } = c.req.valid("query");
      const csv = auditCsvOf(await compareDays(c.get("app"), c.req.valid("param").brandId, dayA, dayB));
      return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="serm-audit-${dayA}-${dayB}.csv"` });
    },
  );
