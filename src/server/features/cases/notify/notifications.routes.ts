import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { NOTIFICATION_CHANNELS, NOTIFICATION_MODES } from "../../../db/schema/cases.ts";
import type { THonoEnv } from "../../../http/env.ts";
import { requireAuth } from "../../../http/env.ts";
import { ZUuid, errors, jsonBody, jsonOk, noContent } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { AppError } from "../../../lib/errors.ts";
import { NOTIFICATION_KINDS } from "../../notifications/notification-event.ts";
import { getMyNotifications, listMyInApp, markMyInAppRead, setMyPreferences, setMySettings } from "./my-notifications.ts";
import { applyUnsubscribe, readUnsubscribe } from "./unsubscribe.ts";
import { unsubscribeDoneHtml, unsubscribeInvalidHtml, unsubscribePageHtml } from "./unsubscribe-page.ts";

const tags = ["notifications"];
const ZPref = z.object({ kind: z.enum(NOTIFICATION_KINDS), eligible: z.boolean(), mode: z.enum(NOTIFICATION_MODES), channels: z.array(z.enum(NOTIFICATION_CHANNELS)), isDefault: z.boolean() });
const ZSettings = z.object({ telegramChatId: z.string().nullable(), timeZone: z.string().nullable() });
const ZMine = z
  .object({
    settings: ZSettings,
    available: z.object({ email: z.boolean(), telegram: z.boolean() }),
    brands: z.array(z.object({ brandId: z.string(), brandName: z.string(), role: z.string(), kinds: z.array(ZPref) })),
  })
  .openapi("MyNotifications");
const ZInApp = z
  .object({ id: z.string(), brandId: z.string(), caseId: z.string().nullable(), kind: z.string(), event: z.record(z.string(), z.unknown()), createdAt: z.string(), readAt: z.string().nullable() })
  .openapi("InAppNotification");

/** The caller's notification settings and in-app inbox; the unsubscribe pages e-mails link to. */
export const notificationsRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/me/notifications", tags, summary: "My notification settings: Telegram chat, time zone, and per brand and event kind the mode and channels",
      responses: { 200: jsonOk(ZMine), 401: errors[401] } }),
    async (c) => c.json(await getMyNotifications(c.get("app"), requireAuth(c)), 200),
  )
  .openapi(
    createRoute({ method: "put", path: "/api/me/notifications/preferences", tags, summary: "Set per brand and event kind: off | immediate | digest, and the channels",
      request: {
        body: jsonBody(z.strictObject({
          preferences: z.array(z.strictObject({ brandId: ZUuid, kind: z.enum(NOTIFICATION_KINDS), mode: z.enum(NOTIFICATION_MODES), channels: z.array(z.enum(NOTIFICATION_CHANNELS)).max(3) })).min(1).max(200),
        })),
      },
      responses: { 204: noContent, 400: errors[400], 401: errors[401] } }),
    async (c) => {
      await setMyPreferences(c.get("app"), requireAuth(c), c.req.valid("json").preferences);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/me/notifications/settings", tags, summary: "Where Telegram reaches me (a chat id the bot can write to) and my time zone for times and the digest hour",
      request: { body: jsonBody(z.strictObject({ telegramChatId: z.string().trim().regex(/^-?\d{1,20}$|^@[A-Za-z0-9_]{5,32}$/, "a numeric chat id or @channel").nullable().optional(), timeZone: z.string().trim().min(1).max(64).nullable().optional() })) },
      responses: { 200: jsonOk(z.object({ settings: ZSettings })), 400: errors[400], 401: errors[401] } }),
    async (c) => c.json({ settings: await setMySettings(c.get("app"), requireAuth(c), c.req.valid("json")) }, 200),
  )
  .openapi(
    createRoute({ method: "get", path: "/api/notifications", tags, summary: "My in-app notifications, newest first, and how many are unread",
      request: { query: z.object({ unread: z.enum(["true", "false"]).optional(), limit: z.coerce.number().int().min(1).max(100).optional(), before: z.iso.datetime({ offset: true }).optional() }) },
      responses: { 200: jsonOk(z.object({ items: z.array(ZInApp), unread: z.number().int() })), 401: errors[401] } }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await listMyInApp(c.get("app"), requireAuth(c), { unreadOnly: q.unread === "true", limit: q.limit ?? 50, before: q.before ? new Date(q.before) : undefined }), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/notifications/read", tags, summary: "Mark in-app notifications read: some ids, or all",
      request: { body: jsonBody(z.strictObject({ ids: z.union([z.array(ZUuid).min(1).max(500), z.literal("all")]) })) },
      responses: { 200: jsonOk(z.object({ marked: z.number().int() })), 400: errors[400], 401: errors[401] } }),
    async (c) => c.json({ marked: await markMyInAppRead(c.get("app"), requireAuth(c), c.req.valid("json").ids) }, 200),
  );

// The unsubscribe link of every e-mail: a confirmation page, and the POST that unsubscribes —
// from the page's button or, per RFC 8058, from the mail client (body List-Unsubscribe=One-Click).
notificationsRoutes.get("/unsubscribe/:token", async (c) => {
  c.header("Cache-Control", "no-store");
  const view = await readUnsubscribe(c.get("app"), c.req.param("token"));
  return view ? c.html(unsubscribePageHtml(view, c.req.param("token"))) : c.html(unsubscribeInvalidHtml(), 404);
});

notificationsRoutes.post(
  "/unsubscribe/:token",
  bodyLimit({ maxSize: 4096, onError: (c) => c.html(unsubscribeInvalidHtml(), 413) }),
  async (c) => {
    c.header("Cache-Control", "no-store");
    if (c.req.header("sec-fetch-site") === "cross-site") throw new AppError("csrf_failed", "Cross-site request refused");
    const token = c.req.param("token");
    const view = await readUnsubscribe(c.get("app"), token);
    if (!view || !(await applyUnsubscribe(c.get("app"), token))) return c.html(unsubscribeInvalidHtml(), 404);
    return c.html(unsubscribeDoneHtml(view.locale));
  },
);
