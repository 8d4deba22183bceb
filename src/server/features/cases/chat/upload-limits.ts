/**
 * Case attachments are uploaded as raw bytes (application/octet-stream, like the import upload:
 * not a type a cross-site form can send), up to MAX_ATTACHMENT_BYTES instead of MAX_BODY_BYTES.
 * http/app.ts and http/middleware.ts let this path through their JSON-only body rules.
 */
const ATTACHMENT_PATH = /^\/api\/brands\/[^/]+\/cases\/[^/]+\/attachments$/;

export const isCaseAttachmentPath = (path: string): boolean => ATTACHMENT_PATH.test(path);
