import type { TAppContext } from "../../../context.ts";
import { AppError, forbidden, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { putBlob } from "../../blobs/queries.ts";
import { canTalkOnCase, caseActorOf } from "../case-actor.ts";
import { blobPath } from "../case-links.ts";
import { findCase } from "../queries.ts";
import { MAX_ATTACHMENT_BYTES, cleanFileName, nameProblem, sniffAttachment } from "./attachment-types.ts";
import { insertUpload } from "./queries.ts";

/**
 * A file for the case's chat, sent as the raw request body (application/octet-stream, at most
 * MAX_ATTACHMENT_BYTES). Its type is read from its bytes and must be one of ATTACHMENT_TYPES, and
 * its name must agree; it is stored once per content in the brand's blobs. A message then names
 * it by hash. Everyone on the brand but a viewer may upload.
 */
export async function uploadCaseAttachment(app: TAppContext, auth: TAuth, brandId: string, caseId: string, input: { bytes: Buffer; name: string }, now = new Date()) {
  const actor = caseActorOf(auth, brandId);
  if (!canTalkOnCase(actor.role)) throw forbidden("Viewers read the chat; they do not write in it");
  const caseRow = await findCase(app.db, brandId, caseId);
  if (!caseRow) throw notFound("No such case");
  if (input.bytes.length === 0) throw new AppError("validation_failed", "file: empty", { fields: [{ path: "file", message: "empty" }] });
  if (input.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError("payload_too_large", `Attachments are at most ${MAX_ATTACHMENT_BYTES} bytes`);
  const name = cleanFileName(input.name);
  if (!name) throw new AppError("validation_failed", "name: required", { fields: [{ path: "name", message: "required" }] });
  const mime = sniffAttachment(input.bytes, name);
  if (!mime) throw new AppError("unsupported_media_type", "Attach images (PNG, JPEG, GIF, WebP), PDF, Word or Excel documents, or plain text");
  const problem = nameProblem(name, mime);
  if (problem) throw new AppError("validation_failed", `name: ${problem}`, { fields: [{ path: "name", message: problem }] });
  const blob = await app.db.transaction(async (tx) => {
    const stored = await putBlob(tx, brandId, input.bytes, mime);
    await insertUpload(tx, { caseId, brandId, blobHash: stored.hash, mime, size: stored.size, uploadedBy: auth.userId, uploadedAt: now });
    return stored;
  });
  return { hash: blob.hash, name, mime, size: blob.size, url: blobPath(brandId, blob.hash) };
}
