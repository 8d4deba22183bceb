import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { TContext, THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZEmail, ZLocale, ZName, ZPassword, errors, jsonBody, jsonOk, noContent } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { AppError } from "../../lib/errors.ts";
import { changePassword } from "./change-password.ts";
import { clearSessionCookie, setSessionCookie } from "./cookies.ts";
import { acceptInvitation, describeInvitation } from "./invitations.ts";
import { login } from "./login.ts";
import { countUsers } from "./queries.ts";
import { endAllSessions, endSession, loadAuth, type TNewSession } from "./sessions.ts";
import { setupFirstAdmin } from "./setup-first-admin.ts";
import { updateProfile } from "./update-profile.ts";
import { presentUser } from "./user-view.ts";

export const ZUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: ZLocale,
    activeBrandId: z.string().nullable(),
    isAdmin: z.boolean(),
    workspaceId: z.string(),
    workspaceName: z.string(),
  })
  .openapi("User");
const ZSignedIn = z.object({ user: ZUser, csrfToken: z.string() });
const tags = ["auth"];

/** Signs the new session in: cookie set, user and CSRF token returned. */
async function signedIn(c: TContext, userId: string, session: TNewSession) {
  setSessionCookie(c, session);
  const db = c.get("app").db;
  const auth = await loadAuth(db, userId, { via: "session", sessionIdHash: undefined, csrfToken: session.csrfToken });
  if (!auth) throw new AppError("internal", "user vanished");
  return { user: await presentUser(db, auth), csrfToken: session.csrfToken };
}

function clientAddress(c: TContext): string {
  if (c.get("app").config.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // app.request() in tests has no socket
  }
}

export const authRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/setup", tags, summary: "Whether the first admin must still be created",
      responses: { 200: jsonOk(z.object({ needsSetup: z.boolean() })) } }),
    async (c) => c.json({ needsSetup: (await countUsers(c.get("app").db)) === 0 }, 200),
  )
  .openapi(
    createRoute({
      method: "post", path: "/api/setup", tags, summary: "Create the workspace and its first admin (only while no user exists)",
      request: { body: jsonBody(z.strictObject({ workspaceName: ZName, name: ZName, email: ZEmail, password: ZPassword, locale: ZLocale })) },
      responses: { 200: jsonOk(ZSignedIn), 400: errors[400], 409: errors[409] },
    }),
    async (c) => {
      const { userId, session } = await setupFirstAdmin(c.get("app"), c.req.valid("json"), c.req.header("user-agent") ?? null);
      return c.json(await signedIn(c, userId, session), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post", path: "/api/auth/login", tags, summary: "Sign in with e-mail and password",
      request: { body: jsonBody(z.strictObject({ email: ZEmail, password: z.string().min(1).max(200) })) },
      responses: { 200: jsonOk(ZSignedIn), 400: errors[400], 401: errors[401], 429: errors[429] },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { userId, session } = await login(c.get("app"), {
        ...body,
        clientAddress: clientAddress(c),
        userAgent: c.req.header("user-agent") ?? null,
      });
      return c.json(await signedIn(c, userId, session), 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/auth/session", tags, summary: "The signed-in user and the CSRF token",
      responses: { 200: jsonOk(ZSignedIn), 401: errors[401] } }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json({ user: await presentUser(c.get("app").db, auth), csrfToken: auth.csrfToken ?? "" }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/auth/logout", tags, summary: "End this session",
      responses: { 204: noContent, 401: errors[401], 403: errors[403] } }),
    async (c) => {
      const auth = requireAuth(c);
      if (auth.sessionIdHash) await endSession(c.get("app").db, auth.sessionIdHash);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/auth/logout-all", tags, summary: "End every session of this user",
      responses: { 204: noContent, 401: errors[401], 403: errors[403] } }),
    async (c) => {
      const auth = requireAuth(c);
      await endAllSessions(c.get("app").db, auth);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post", path: "/api/auth/password", tags, summary: "Change the password (other sessions end)",
      request: { body: jsonBody(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword })) },
      responses: { 204: noContent, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      await changePassword(c.get("app"), requireAuth(c), c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "patch", path: "/api/me", tags, summary: "Update own name, language or active brand",
      request: { body: jsonBody(z.strictObject({ name: ZName.optional(), locale: ZLocale.optional(), activeBrandId: z.string().uuid().nullable().optional() })) },
      responses: { 200: jsonOk(z.object({ user: ZUser })), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const auth = requireAuth(c);
      await updateProfile(c.get("app"), auth, c.req.valid("json"));
      return c.json({ user: await presentUser(c.get("app").db, auth) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get", path: "/api/invitations/{token}", tags, summary: "What an invitation offers (public)",
      request: { params: z.object({ token: z.string().min(10).max(200) }) },
      responses: {
        200: jsonOk(z.object({ email: z.string(), role: z.string(), locale: ZLocale, workspaceName: z.string(),
          scope: z.object({ clientName: z.string().nullable(), brandName: z.string().nullable() }), expiresAt: z.string() })),
        404: errors[404],
      },
    }),
    async (c) => c.json(await describeInvitation(c.get("app"), c.req.valid("param").token), 200),
  )
  .openapi(
    createRoute({
      method: "post", path: "/api/invitations/{token}/accept", tags, summary: "Accept an invitation: creates the account and signs in",
      request: {
        params: z.object({ token: z.string().min(10).max(200) }),
        body: jsonBody(z.strictObject({ name: ZName, password: ZPassword, locale: ZLocale.optional() })),
      },
      responses: { 200: jsonOk(ZSignedIn), 400: errors[400], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const { userId, session } = await acceptInvitation(
        c.get("app"), c.req.valid("param").token, c.req.valid("json"), c.req.header("user-agent") ?? null);
      return c.json(await signedIn(c, userId, session), 200);
    },
  );
