import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { THonoEnv, TContext } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { brandParams, errors, jsonOk } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { AppError, forbidden } from "../../lib/errors.ts";
import { actorOf } from "../audit/record-audit.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";
import { isValidTimeZone } from "./cell-values.ts";
import { MappingError, type TMappingOverrides } from "./column-mapping.ts";
import { IMPORT_FORMATS } from "./detect-format.ts";
import { IMPORT_FIELDS, isImportField } from "./fields.ts";
import { ImportFileError, fileFromBuffer } from "./import-file.ts";
import { DEFAULT_TIME_ZONE, importMentions } from "./import-mentions.ts";
import { inspectImportFile } from "./inspect-file.ts";
import { PRESET_IDS } from "./presets.ts";
import { IMPORT_MAX_BYTES, UPLOAD_CONTENT_TYPE, isUploadContentType } from "./upload-limits.ts";

/**
 * Routes of importing mention files. The browser sends the file itself as the body (raw bytes),
 * once to see how it will be read (`/import/preview`) and once more to import it with the
 * chosen mapping — nothing is kept on the server between the two.
 */
const tags = ["import"];

/** Agency roles only, the right body type, then the upload's own size limit — in that order. */
const uploadGate = createMiddleware<THonoEnv>(async (c, next) => {
  if (c.req.method !== "POST") return next();
  const auth = requireAuth(c);
  if (!canWorkOnBrand(auth, c.req.param("brandId") ?? "")) throw forbidden("Only the agency's roles import mentions");
  if (!isUploadContentType(c.req.header("content-type")))
    throw new AppError("unsupported_media_type", `Send the file as ${UPLOAD_CONTENT_TYPE}`);
  return bodyLimit({
    maxSize: IMPORT_MAX_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; import it with \`repute import mentions\` in the shell`);
    },
  })(c, next);
});

const ZQuery = z.object({
  filename: z.string().trim().min(1).max(255).optional().openapi({ description: "Original file name (its extension helps tell the format)" }),
  format: z.enum(IMPORT_FORMATS).optional(),
  preset: z.enum(PRESET_IDS).optional(),
  tz: z.string().max(64).optional().openapi({ description: `Zone of local date/time strings; default ${DEFAULT_TIME_ZONE}` }),
  mapping: z.string().max(16_000).optional().openapi({ description: 'JSON object: file column → field, or null to leave a column out, e.g. {"Текст":"text","Охват":null}' }),
});

const ZUploadBody = {
  required: true,
  content: { [UPLOAD_CONTENT_TYPE]: { schema: z.string().openapi({ type: "string", format: "binary" }) } },
};

const ZRejection = z.object({ row: z.number(), column: z.string().optional(), reason: z.string() });
const ZDetails = z.object({ encoding: z.string().optional(), delimiter: z.string().optional(), sheet: z.string().optional(), headerRow: z.number().optional() });

const ZInspection = z
  .object({
    file: z.string(),
    size: z.number(),
    format: z.enum(IMPORT_FORMATS),
    details: ZDetails,
    preset: z.enum(PRESET_IDS).nullable(),
    detectedPreset: z.enum(PRESET_IDS).nullable(),
    columns: z.array(z.object({ name: z.string(), field: z.enum(IMPORT_FIELDS).nullable(), samples: z.array(z.string()) })),
    mapping: z.record(z.string(), z.enum(IMPORT_FIELDS)),
    problems: z.array(z.string()),
    fields: z.array(z.enum(IMPORT_FIELDS)),
    preview: z.array(
      z.union([
        z.object({ row: z.number(), ok: z.literal(true), sourceKind: z.string(), kind: z.string(), externalId: z.string(), publishedAt: z.string(),
          author: z.string().nullable(), title: z.string().nullable(), text: z.string(), url: z.string(), sentiment: z.string().nullable() }),
        z.object({ row: z.number(), ok: z.literal(false), column: z.string().nullable(), reason: z.string() }),
      ]),
    ),
  })
  .openapi("ImportInspection");

const ZSummary = z
  .object({
    brand: z.object({ id: z.string(), name: z.string() }),
    file: z.string(),
    format: z.enum(IMPORT_FORMATS),
    preset: z.enum(PRESET_IDS).nullable(),
    mapping: z.record(z.string(), z.enum(IMPORT_FIELDS)).nullable(),
    details: ZDetails,
    dryRun: z.boolean(),
    read: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    duplicates: z.number(),
    unmatched: z.number(),
    rejected: z.number(),
    rejections: z.array(ZRejection),
    seconds: z.number(),
  })
  .openapi("ImportSummary");

const uploadErrors = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 413: errors[413], 415: { description: "Not sent as application/octet-stream" } };

function parseOptions(query: z.infer<typeof ZQuery>) {
  const tz = query.tz ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(tz)) throw new AppError("validation_failed", `tz: "${tz}" is not a time zone`, { fields: [{ path: "tz", message: "not a time zone" }] });
  let overrides: TMappingOverrides | undefined;
  if (query.mapping !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(query.mapping);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw mappingInvalid(["must be a JSON object of column → field"]);
    overrides = {};
    for (const [column, field] of Object.entries(parsed)) {
      if (field === null || field === "") overrides[column] = null;
      else if (typeof field === "string" && isImportField(field)) overrides[column] = field;
      else throw mappingInvalid([`column "${column}": unknown field ${JSON.stringify(field)}`]);
    }
  }
  return { timeZone: tz, overrides, format: query.format, preset: query.preset };
}

const mappingInvalid = (problems: string[]) =>
  new AppError("validation_failed", `mapping: ${problems.join("; ")}`, { fields: problems.map((message) => ({ path: "mapping", message })) });

/** File and mapping problems are the person's to fix: 400 with the reason, never a 500. */
function asInputError(error: unknown): unknown {
  if (error instanceof MappingError) return mappingInvalid(error.problems);
  if (error instanceof ImportFileError) return new AppError("validation_failed", error.message, { fields: [{ path: "file", message: error.message }] });
  return error;
}

async function uploadedFile(c: TContext, name: string | undefined) {
  const bytes = Buffer.from(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new AppError("validation_failed", "The file is empty", { fields: [{ path: "file", message: "empty" }] });
  return fileFromBuffer(name ?? "upload", bytes);
}

export const importRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
importRoutes.use("/api/brands/:brandId/import", uploadGate);
importRoutes.use("/api/brands/:brandId/import/preview", uploadGate);
importRoutes
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/import/preview", tags,
      summary: "How a file will be read: format, preset, column mapping, first rows (agency roles; nothing stored)",
      request: { params: brandParams, query: ZQuery, body: ZUploadBody },
      responses: { 200: jsonOk(ZInspection), ...uploadErrors } }),
    async (c) => {
      const options = parseOptions(c.req.valid("query"));
      const file = await uploadedFile(c, c.req.valid("query").filename);
      try {
        return c.json(await inspectImportFile(file, options), 200);
      } catch (error) {
        throw asInputError(error);
      }
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/import", tags,
      summary: "Import a JSONL, CSV or XLSX file of mentions into the brand (agency roles); re-importing adds nothing",
      request: { params: brandParams, query: ZQuery.extend({ dryRun: z.enum(["true", "false"]).optional() }), body: ZUploadBody },
      responses: { 200: jsonOk(ZSummary), ...uploadErrors } }),
    async (c) => {
      const auth = requireAuth(c);
      const { brandId } = c.req.valid("param");
      const query = c.req.valid("query");
      const options = parseOptions(query);
      const file = await uploadedFile(c, query.filename);
      try {
        const summary = await importMentions(c.get("app"), { brandId, file, ...options, dryRun: query.dryRun === "true", actor: actorOf(auth) });
        c.get("logger").info({ brandId, file: summary.file, read: summary.read, inserted: summary.inserted, rejected: summary.rejected }, "mentions imported");
        return c.json(summary, 200);
      } catch (error) {
        throw asInputError(error);
      }
    },
  );
