import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { TAppContext } from "../context.ts";
import { authRoutes } from "../features/accounts/auth.routes.ts";
import { tokenRoutes } from "../features/accounts/tokens.routes.ts";
import { workspaceRoutes } from "../features/accounts/workspace.routes.ts";
import { auditRoutes } from "../features/audit/audit.routes.ts";
import { blobsRoutes } from "../features/blobs/blobs.routes.ts";
import { isCaseAttachmentPath } from "../features/cases/chat/upload-limits.ts";
import { caseRouteGroups } from "../features/cases/routes.ts";
import { classificationRoutes } from "../features/classification/classification.routes.ts";
import { importRoutes } from "../features/import/import.routes.ts";
import { isImportUploadPath } from "../features/import/upload-limits.ts";
import { jobsAdminRoutes } from "../features/jobs-admin/jobs-admin.routes.ts";
import { mentionsRoutes } from "../features/mentions/mentions.routes.ts";
import { rulesRoutes } from "../features/semantic-core/rules.routes.ts";
import { sermRouteGroups } from "../features/serm/serm-routes.ts";
import { sourcesRoutes } from "../features/sources/sources.routes.ts";
import { AppError } from "../lib/errors.ts";
import type { THonoEnv } from "./env.ts";
import { onError } from "./errors.ts";
import { healthRoutes } from "./health.routes.ts";
import { authenticateRequest, brandGuard, csrfProtection, requireJsonBodies, withContext } from "./middleware.ts";
import { validationHook } from "./validation.ts";

/** Feature route groups; each is an OpenAPIHono so its routes land in the OpenAPI document. */
export const routeGroups = [
  healthRoutes,
  authRoutes,
  workspaceRoutes,
  tokenRoutes,
  auditRoutes,
  jobsAdminRoutes,
  sourcesRoutes,
  rulesRoutes,
  mentionsRoutes,
  classificationRoutes,
  importRoutes,
  blobsRoutes,
  ...sermRouteGroups,
  ...caseRouteGroups,
];

export type TAppOptions = { webRoot?: string };

export function createHttpApp(app: TAppContext, options: TAppOptions = {}) {
  const http = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
  http.onError(onError);
  http.use("*", withContext(app));
  http.use(
    "*",
    secureHeaders({
      // A route that sets its own (the blob download's CSP `default-src 'none'`) keeps it.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: app.config.maxBodyBytes,
    onError: () => {
      throw new AppError("payload_too_large", `Body larger than ${app.config.maxBodyBytes} bytes`);
    },
  });
  // File uploads (import, case attachments) have their own, larger limits, applied after the caller is known.
  http.use("/api/*", (c, next) =>
    (isImportUploadPath(c.req.path) || isCaseAttachmentPath(c.req.path)) && c.req.method === "POST" ? next() : jsonBodyLimit(c, next),
  );
  http.use("/api/*", requireJsonBodies, authenticateRequest, csrfProtection);
  http.use("/api/brands/:brandId", brandGuard);
  http.use("/api/brands/:brandId/*", brandGuard);
  for (const group of routeGroups) http.route("/", group);

  http.openAPIRegistry.registerComponent("securitySchemes", "cookie", { type: "apiKey", in: "cookie", name: "repute_session" });
  http.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  http.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Repute API",
      version: app.version,
      description: "Cookie sessions need the X-CSRF-Token header on mutations; personal tokens use Authorization: Bearer.",
    },
    security: [{ cookie: [] }, { bearer: [] }],
  });
  http.all("/api/*", () => {
    throw new AppError("not_found", "No such API route");
  });
  mountWebUi(http, options.webRoot ?? defaultWebRoot());
  return http;
}

export type THttpApp = ReturnType<typeof createHttpApp>;

export function defaultWebRoot(): string {
  return path.resolve("dist/web");
}

/** The built SPA; any other path falls back to index.html so client-side routes load. */
function mountWebUi(http: OpenAPIHono<THonoEnv>, webRoot: string): void {
  const indexFile = path.join(webRoot, "index.html");
  http.use("/*", serveStatic({ root: path.relative(process.cwd(), webRoot) || "." }));
  http.get("/*", (c) => {
    if (!existsSync(indexFile))
      return c.text("The web UI is not built. Run `npm run build` (npm install does it) and reload.", 503);
    return c.html(readFileSync(indexFile, "utf8"));
  });
}
