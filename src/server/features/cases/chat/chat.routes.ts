import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { THonoEnv } from "../../../http/env.ts";
import { requireAuth } from "../../../http/env.ts";
import { ZUuid, errors, jsonBody, jsonOk } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { AppError } from "../../../lib/errors.ts";
import { UPLOAD_CONTENT_TYPE, isUploadContentType } from "../../import/upload-limits.ts";
import { ZAttachment, ZMessage } from "../case-schemas.ts";
import { caseParams } from "../cases.routes.ts";
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_ATTACHMENT_BYTES } from "./attachment-types.ts";
import { listCaseMessages } from "./list-messages.ts";
import { MAX_MESSAGE_LENGTH, postCaseMessage } from "./post-message.ts";
import { uploadCaseAttachment } from "./upload-attachment.ts";

const tags = ["negative reviews"];

/** The right body type, then the attachment's own size limit. */
const uploadGate = createMiddleware<THonoEnv>(async (c, next) => {
  if (c.req.method !== "POST") return next();
  requireAuth(c);
  if (!isUploadContentType(c.req.header("content-type"))) throw new AppError("unsupported_media_type", `Send the file as ${UPLOAD_CONTENT_TYPE}`);
  return bodyLimit({
    maxSize: MAX_ATTACHMENT_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `Attachments are at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    },
  })(c, next);
});

/** The case's chat between agency and client, and its attachments. */
export const chatRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
chatRoutes.use("/api/brands/:brandId/cases/:caseId/attachments", uploadGate);
chatRoutes
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}/cases/{caseId}/messages", tags, summary: "The case's chat, oldest first",
      request: { params: caseParams }, responses: { 200: jsonOk(z.object({ messages: z.array(ZMessage) })), 401: errors[401], 404: errors[404] } }),
    async (c) => {
      requireAuth(c);
      const { brandId, caseId } = c.req.valid("param");
      return c.json({ messages: await listCaseMessages(c.get("app").db, brandId, caseId) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/messages", tags,
      summary: "Write in the case's chat: text, @mentions (user ids), files uploaded to the case before (everyone but viewers)",
      request: {
        params: caseParams,
        body: jsonBody(z.strictObject({
          text: z.string().max(MAX_MESSAGE_LENGTH),
          mentions: z.array(ZUuid).max(20).optional(),
          attachments: z.array(z.strictObject({ hash: z.string().min(1).max(200), name: z.string().min(1).max(255) })).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
        })),
      },
      responses: { 201: jsonOk(z.object({ message: ZMessage })), 400: errors[400], 403: errors[403], 404: errors[404] } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      return c.json({ message: await postCaseMessage(c.get("app"), requireAuth(c), brandId, caseId, c.req.valid("json")) }, 201);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands/{brandId}/cases/{caseId}/attachments", tags,
      summary: `Upload a file for the chat as the raw body (application/octet-stream, ≤ ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; images, PDF, Word, Excel, text)`,
      request: {
        params: caseParams,
        query: z.object({ name: z.string().trim().min(1).max(255).openapi({ description: "The file's name; its extension must fit the content" }) }),
        body: { required: true, content: { [UPLOAD_CONTENT_TYPE]: { schema: z.string().openapi({ type: "string", format: "binary" }) } } },
      },
      responses: { 201: jsonOk(z.object({ attachment: ZAttachment })), 400: errors[400], 403: errors[403], 404: errors[404], 413: errors[413], 415: { description: "Not octet-stream, or a type that is not allowed" } } }),
    async (c) => {
      const { brandId, caseId } = c.req.valid("param");
      const bytes = Buffer.from(await c.req.arrayBuffer());
      const attachment = await uploadCaseAttachment(c.get("app"), requireAuth(c), brandId, caseId, { bytes, name: c.req.valid("query").name });
      return c.json({ attachment }, 201);
    },
  );
