import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { LABEL_CLASSES, SERM_QUERY_WEIGHTINGS, SITE_CLASSES } from "../../../db/schema/serm.ts";
import { type THonoEnv, requireAuth } from "../../../http/env.ts";
import { ZUuid, brandParams, errors, jsonBody, jsonOk, noContent } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { enqueue } from "../scan/enqueue.ts";
import { RECOMPUTE_JOB } from "../scan/recompute-brand.ts";
import { ZDepth, ZDevice, ZEngine, ZReport, ZSermQuery } from "../serm-schemas.ts";
import { clearLabel, listLabels, setLabel } from "./manage-labels.ts";
import { changeQuery, createQuery, listQueries, querySuggestions, removeQuery } from "./manage-queries.ts";
import { MAX_FRESHNESS_DAYS, MAX_PROVIDER_RATE_PER_MINUTE, MIN_FRESHNESS_DAYS, getSettings, providerCatalogue, saveSettings, sermTables } from "./manage-settings.ts";
import { removeSiteDefault, setSiteDefault, siteTable } from "./manage-site-defaults.ts";

/** The reputation environment's configuration: queries, settings, manual labels, the site table. */
const tags = ["serm"];
const base = "/api/brands/{brandId}/serm";

const ZRegionInput = z.strictObject({
  yandex: z.string().trim().regex(/^\d{1,9}$/, "a Yandex region id (lr), such as 213 for Moscow").optional(),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/, "a two-letter country code, such as ru or us").optional(),
  lang: z.string().trim().regex(/^[A-Za-z]{2}$/, "a two-letter language code, such as ru or en").optional(),
  location: z.string().trim().max(200).nullable().optional(),
});
const queryFields = {
  text: z.string().trim().min(1).max(400),
  frequency: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  engines: z.array(ZEngine).min(1).max(4),
  region: ZRegionInput.optional(),
  device: ZDevice.optional(),
  depth: ZDepth.optional(),
  enabled: z.boolean().optional(),
};
const queryParams = brandParams.extend({ queryId: ZUuid.openapi({ param: { name: "queryId", in: "path" } }) });
const labelParams = brandParams.extend({ labelId: ZUuid.openapi({ param: { name: "labelId", in: "path" } }) });
const siteParams = brandParams.extend({ entryId: ZUuid.openapi({ param: { name: "entryId", in: "path" } }) });

const ZEngineMap = <T extends z.ZodType>(value: T) => z.strictObject({ yandex: value.optional(), google: value.optional(), bing: value.optional(), brave: value.optional() });
const ZSettingsInput = z.strictObject({
  engineProviders: ZEngineMap(z.string().min(1).max(100).nullable()).optional(),
  providerConfigs: z.record(z.string(), z.record(z.string(), z.unknown()).nullable()).optional(),
  providerRateLimits: z.record(z.string(), z.number().int().min(1).max(MAX_PROVIDER_RATE_PER_MINUTE).nullable()).optional(),
  scansEnabled: z.boolean().optional(),
  scanHour: z.number().int().min(0).max(23).optional(),
  timeZone: z.string().min(1).max(100).optional(),
  serpScreenshots: z.boolean().optional(),
  pageScreenshots: z.boolean().optional(),
  screenshotFreshnessDays: z.number().int().min(MIN_FRESHNESS_DAYS).max(MAX_FRESHNESS_DAYS).optional(),
  ctrTable: z.string().min(1).max(100).optional(),
  monotoneCtr: z.boolean().optional(),
  engineWeightProfile: z.string().min(1).max(100).optional(),
  engineWeights: ZEngineMap(z.number().min(0).max(100)).optional(),
  queryWeighting: z.enum(SERM_QUERY_WEIGHTINGS).optional(),
  exDepth: ZDepth.optional(),
});
const ZSettings = ZReport("SermSettings", "A brand's SERM settings; providerConfigs with secrets masked, null for client roles");
const ZLabel = ZReport("SermLabel", "A manual tonality label of a normalized URL");
const ZSiteEntry = ZReport("SermSiteDefault", "An entry of the site-defaults table (origin default|custom)");
const ZRelabel = { resultsChanged: z.number(), daysRecomputed: z.number() };
const ZInstant = z.string().datetime({ offset: true });

export const sermConfigRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: `${base}/queries`, tags, summary: "The brand's search queries", request: { params: brandParams },
      responses: { 200: jsonOk(z.object({ queries: z.array(ZSermQuery) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ queries: await listQueries(c.get("app"), c.req.valid("param").brandId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/queries/suggestions`, tags, summary: "Usual reputation queries from the brand's name and key persons, minus those tracked",
      request: { params: brandParams },
      responses: { 200: jsonOk(z.object({ suggestions: z.array(z.object({ text: z.string(), kind: z.string() })) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ suggestions: await querySuggestions(c.get("app"), c.req.valid("param").brandId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: `${base}/queries`, tags, summary: "Add a search query (agency roles)",
      request: { params: brandParams, body: jsonBody(z.strictObject(queryFields)) },
      responses: { 201: jsonOk(z.object({ query: ZSermQuery })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const query = await createQuery(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json"));
      return c.json({ query }, 201);
    },
  )
  .openapi(
    createRoute({ method: "patch", path: `${base}/queries/{queryId}`, tags, summary: "Change a search query (agency roles)",
      request: { params: queryParams, body: jsonBody(z.strictObject({ ...queryFields, text: queryFields.text.optional(), engines: queryFields.engines.optional() })) },
      responses: { 200: jsonOk(z.object({ query: ZSermQuery })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, queryId } = c.req.valid("param");
      return c.json({ query: await changeQuery(c.get("app"), requireAuth(c), brandId, queryId, c.req.valid("json")) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: `${base}/queries/{queryId}`, tags, summary: "Delete a search query and its history (agency roles)",
      request: { params: queryParams }, responses: { 204: noContent, 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, queryId } = c.req.valid("param");
      await removeQuery(c.get("app"), requireAuth(c), brandId, queryId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/settings`, tags, summary: "SERM settings (secrets masked), the providers and the CTR and engine-weight tables",
      request: { params: brandParams },
      responses: { 200: jsonOk(z.object({ settings: ZSettings, providers: z.array(z.record(z.string(), z.unknown())), ctrTables: z.array(z.record(z.string(), z.unknown())), engineWeightProfiles: z.array(z.record(z.string(), z.unknown())) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      const settings = await getSettings(c.get("app"), requireAuth(c), c.req.valid("param").brandId);
      return c.json({ settings, providers: providerCatalogue(), ...sermTables() }, 200);
    },
  )
  .openapi(
    createRoute({ method: "put", path: `${base}/settings`, tags, summary: "Change SERM settings (agency roles); a secret sent as the mask or left out is kept",
      request: { params: brandParams, body: jsonBody(ZSettingsInput) },
      responses: { 200: jsonOk(z.object({ settings: ZSettings, recomputing: z.boolean() })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const app = c.get("app");
      const { brandId } = c.req.valid("param");
      const { settings, exChanged } = await saveSettings(app, requireAuth(c), brandId, c.req.valid("json"));
      const recomputing = exChanged ? await enqueue(app, RECOMPUTE_JOB, { brandId }, brandId) : false;
      return c.json({ settings, recomputing }, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/labels`, tags, summary: "Manual tonality labels", request: { params: brandParams },
      responses: { 200: jsonOk(z.object({ labels: z.array(ZLabel) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ labels: await listLabels(c.get("app"), c.req.valid("param").brandId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "put", path: `${base}/labels`, tags, summary: "Set the manual label of a URL (agency roles): a T or a class; its results and Ex are recomputed",
      request: { params: brandParams,
        body: jsonBody(z.strictObject({
          url: z.string().trim().min(1).max(2000),
          t: z.number().min(-100).max(100).optional(),
          labelClass: z.enum(LABEL_CLASSES).optional(),
          note: z.string().trim().max(1000).nullable().optional(),
          validFrom: ZInstant.nullable().optional(),
          validUntil: ZInstant.nullable().optional(),
        })) },
      responses: { 200: jsonOk(z.object({ label: ZLabel, ...ZRelabel })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json(await setLabel(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({ method: "delete", path: `${base}/labels/{labelId}`, tags, summary: "Clear a manual label (agency roles); its results and Ex are recomputed",
      request: { params: labelParams }, responses: { 200: jsonOk(z.object(ZRelabel)), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, labelId } = c.req.valid("param");
      return c.json(await clearLabel(c.get("app"), requireAuth(c), brandId, labelId), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: `${base}/site-defaults`, tags, summary: "The site-defaults table: the built-in defaults with the brand's entries over them",
      request: { params: brandParams }, responses: { 200: jsonOk(z.object({ entries: z.array(ZSiteEntry) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      return c.json({ entries: await siteTable(c.get("app"), c.req.valid("param").brandId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "put", path: `${base}/site-defaults`, tags, summary: "Set the brand's entry for a site pattern (agency roles); tonality and Ex recomputed in the background",
      request: { params: brandParams,
        body: jsonBody(z.strictObject({
          pattern: z.string().trim().min(1).max(300),
          siteClass: z.enum(SITE_CLASSES),
          t: z.number().min(-100).max(100).nullable().optional(),
          note: z.string().trim().max(1000).nullable().optional(),
        })) },
      responses: { 200: jsonOk(z.object({ entry: ZSiteEntry, recomputing: z.boolean() })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => c.json(await setSiteDefault(c.get("app"), requireAuth(c), c.req.valid("param").brandId, c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({ method: "delete", path: `${base}/site-defaults/{entryId}`, tags, summary: "Remove the brand's entry (the built-in default, if any, applies again)",
      request: { params: siteParams }, responses: { 200: jsonOk(z.object({ recomputing: z.boolean() })), 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, entryId } = c.req.valid("param");
      return c.json(await removeSiteDefault(c.get("app"), requireAuth(c), brandId, entryId), 200);
    },
  );
