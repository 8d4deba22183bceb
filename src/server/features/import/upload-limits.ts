/**
 * The one exception to the API's small JSON-only bodies: uploading a file to import. These two
 * routes take the raw file as `application/octet-stream` — like JSON, not a type a cross-site
 * form can send, so no CSRF hole opens — up to IMPORT_MAX_BYTES instead of MAX_BODY_BYTES.
 */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const UPLOAD_PATH = /^\/api\/brands\/[^/]+\/import(?:\/preview)?$/;

export const isImportUploadPath = (path: string): boolean => UPLOAD_PATH.test(path);

export const UPLOAD_CONTENT_TYPE = "application/octet-stream";

export const isUploadContentType = (type: string | undefined): boolean => type?.toLowerCase().split(";")[0]?.trim() === UPLOAD_CONTENT_TYPE;
