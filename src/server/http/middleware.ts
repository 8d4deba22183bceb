import { randomUUID } from "node:crypto";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { TAppContext } from "../context.ts";
import { authenticate, SESSION_COOKIE } from "../features/accounts/sessions.ts";
import { canSeeBrand } from "../features/accounts/permissions.ts";
import { isCaseAttachmentPath } from "../features/cases/chat/upload-limits.ts";
import { isImportUploadPath, isUploadContentType } from "../features/import/upload-limits.ts";
import { AppError } from "../lib/errors.ts";
import { safeEqual } from "../lib/tokens.ts";
import type { THonoEnv } from "./env.ts";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Invitation, approval and unsubscribe tokens travel in the path; they must not land in logs. */
const redactPath = (path: string): string => path.replace(/\/(invitations|invite|approve|unsubscribe)\/[A-Za-z0-9_-]{20,}/, "/$1/[token]");

export const withContext = (app: TAppContext) =>
  createMiddleware<THonoEnv>(async (c, next) => {
    const requestId = randomUUID();
    const logger = app.logger.child({ requestId });
    c.set("app", app);
    c.set("requestId", requestId);
    c.set("logger", logger);
    const started = performance.now();
    await next();
    logger.info(
      { method: c.req.method, path: redactPath(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started) },
      "request",
    );
  });

/** JSON bodies only: a cross-site form cannot send one without a CORS preflight we never grant. */
export const requireJsonBodies = createMiddleware<THonoEnv>(async (c, next) => {
  if (MUTATING.has(c.req.method)) {
    const type = c.req.header("content-type");
    const length = c.req.header("content-length");
    const hasBody = (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
    // The exceptions: a file to import, a case attachment, as raw bytes (also never sendable by a plain form).
    const upload = (isImportUploadPath(c.req.path) || isCaseAttachmentPath(c.req.path)) && isUploadContentType(type);
    if (hasBody && !type?.toLowerCase().startsWith("application/json") && !upload)
      throw new AppError("unsupported_media_type", "Send the body as application/json");
  }
  await next();
});

export const authenticateRequest = createMiddleware<THonoEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = getCookie(c, SESSION_COOKIE);
  const auth = await authenticate(c.get("app").db, { bearer, cookie: bearer ? undefined : cookie });
  if (header && !auth) throw new AppError("unauthenticated", "Invalid API token");
  c.set("auth", auth);
  if (auth) c.set("logger", c.get("logger").child({ userId: auth.userId }));
  await next();
});

/** Routes that create a session rather than act within one (JSON-only, so not forgeable cross-site). */
const SIGN_IN_PATHS = /^\/api\/(setup|auth\/login|invitations\/[^/]+\/accept)$/;

/** Cookie-authenticated mutations must echo the session's CSRF token; bearer calls need not. */
export const csrfProtection = createMiddleware<THonoEnv>(async (c, next) => {
  const auth = c.get("auth");
  if (auth?.via === "session" && MUTATING.has(c.req.method) && !SIGN_IN_PATHS.test(c.req.path)) {
    const sent = c.req.header("x-csrf-token");
    if (!sent || !auth.csrfToken || !safeEqual(sent, auth.csrfToken))
      throw new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header");
  }
  await next();
});

/** Every /api/brands/{brandId}/… route: not signed in is 401, not yours (or not a brand) is 404. */
export const brandGuard = createMiddleware<THonoEnv>(async (c, next) => {
  const brandId = c.req.param("brandId");
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthenticated", "Sign in first");
  if (!brandId || !UUID.test(brandId) || !canSeeBrand(auth, brandId)) throw new AppError("not_found", "Not found");
  await next();
});
