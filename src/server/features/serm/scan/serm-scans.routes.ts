import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { type THonoEnv, requireAuth } from "../../../http/env.ts";
import { ZUuid, brandParams, errors, jsonOk } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { getLatestScan, getScan, listScans, presentScan } from "../reports/scan-view.ts";
import { ZReport, ZScanSummary } from "../serm-schemas.ts";
import { runScanNow } from "./start-scan.ts";

/** Scans: run one now, list them, the latest in full, one in full. */
const tags = ["serm"];
const base = "/api/brands/{brandId}/serm/scans";
const scanParams = brandParams.extend({ scanId: ZUuid.openapi({ param: { name: "scanId", in: "path" } }) });
const ZScanDetail = ZReport("SermScan", "A scan with every query × engine item, its results coloured by tonality and the screenshots");

export const sermScansRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "post", path: base, tags, summary: "Scan now (agency roles): every enabled query on each of its engines; 409 while a scan runs",
      request: { params: brandParams },
      responses: { 202: jsonOk(z.object({ scan: ZScanSummary, enqueued: z.boolean() })), 403: errors[403], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { scan, enqueued } = await runScanNow(c.get("app"), requireAuth(c), c.req.valid("param").brandId);
      return c.json({ scan: presentScan(scan), enqueued }, 202);
    },
  )
  .openapi(
    createRoute({ method: "get", path: base, tags, summary: "The brand's scans, newest first",
      request: {
        params: brandParams,
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).optional(),
          before: z.string().datetime({ offset: true }).optional().openapi({ description: "createdAt of the last scan seen: the next page" }),
        }),
      },
      responses: { 200: jsonOk(z.object({ scans: z.array(ZScanSummary) })), 400: errors[400], 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { limit, before } = c.req.valid("query");
      return c.json({ scans: await listScans(c.get("app"), c.req.valid("param").brandId, limit ?? 30, before) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/latest`, tags, summary: "The latest scan in full (null before the first)",
      request: { params: brandParams }, responses: { 200: jsonOk(z.object({ scan: ZScanDetail.nullable() })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ scan: await getLatestScan(c.get("app"), c.req.valid("param").brandId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/{scanId}`, tags, summary: "One scan in full",
      request: { params: scanParams }, responses: { 200: jsonOk(z.object({ scan: ZScanDetail })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId, scanId } = c.req.valid("param");
      return c.json({ scan: await getScan(c.get("app"), brandId, scanId) }, 200);
    },
  );
