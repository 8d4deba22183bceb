import { setTimeout as sleep } from "node:timers/promises";
import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { streamSSE } from "hono/streaming";
import type { THonoEnv } from "../../../http/env.ts";
import { requireAuth } from "../../../http/env.ts";
import { ZUuid, errors } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { SESSION_COOKIE, authenticate } from "../../accounts/sessions.ts";
import { type TLiveMessage, liveHub } from "./live-hub.ts";

/**
 * GET /api/events: server-sent events for the signed-in person (cookie or bearer), scoped to the
 * brands they see (or one of them, `?brandId=`). `counts` comes at once and on every change:
 * per brand, new cases (fresh negatives nobody took yet), open and overdue ones. `notification`
 * brings each new in-app notification. A comment line every PING_MS keeps proxies from closing
 * the stream; every RECHECK_MS the credentials are checked again, and a stream whose session
 * ended gets `end` and closes (the brands followed change with the person's grants).
 */
const PING_MS = 25_000;
const RECHECK_MS = 60_000;

function brandsOf(auth: TAuth, only: string | undefined): Set<string> {
  const all = [...auth.brandRoles.keys()];
  return new Set(only ? all.filter((b) => b === only) : all);
}

export const eventsRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: "get",
    path: "/api/events",
    tags: ["negative reviews"],
    summary: "Live counters of new negatives per brand, and my in-app notifications (server-sent events)",
    request: { query: z.object({ brandId: ZUuid.optional().openapi({ description: "Follow one brand only" }) }) },
    responses: {
      200: { description: "text/event-stream: `event: counts` data {brands: [{brandId, newCases, open, overdue}]}; `event: notification` data {id, brandId, caseId, kind, event, createdAt}; `event: end`", content: { "text/event-stream": { schema: z.string() } } },
      401: errors[401],
      404: errors[404],
    },
  }),
  async (c) => {
    const first = requireAuth(c);
    const only = c.req.valid("query").brandId;
    if (only && !first.brandRoles.has(only)) throw notFound("Not found");
    const app = c.get("app");
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      let unsubscribe = () => {};
      const send = (message: TLiveMessage) => {
        const data = message.type === "counts" ? { brands: message.brands } : { ...message.notification, createdAt: message.notification.createdAt.toISOString(), readAt: message.notification.readAt?.toISOString() ?? null };
        void stream.writeSSE({ event: message.type, data: JSON.stringify(data) }).catch(() => undefined);
      };
      const follow = (auth: TAuth) => {
        unsubscribe();
        unsubscribe = liveHub(app).subscribe({ userId: auth.userId, brandIds: brandsOf(auth, only), send });
      };
      let brandsKey = [...brandsOf(first, only)].sort().join(",");
      follow(first);
      const gone = new AbortController();
      stream.onAbort(() => {
        unsubscribe();
        gone.abort();
      });
      let sinceCheck = 0;
      while (!stream.aborted && !stream.closed) {
        // Wakes at once when the client goes, so no timer outlives the connection.
        await sleep(PING_MS, undefined, { signal: gone.signal }).catch(() => undefined);
        if (stream.aborted || stream.closed) break;
        sinceCheck += PING_MS;
        if (sinceCheck >= RECHECK_MS) {
          sinceCheck = 0;
          const auth = await authenticate(app.db, { bearer, cookie }).catch(() => undefined);
          if (!auth) {
            await stream.writeSSE({ event: "end", data: JSON.stringify({ reason: "signed out" }) });
            break;
          }
          const key = [...brandsOf(auth, only)].sort().join(",");
          if (key !== brandsKey) {
            brandsKey = key;
            follow(auth);
          }
        }
        await stream.write(": ping\n\n");
      }
      unsubscribe();
    });
  },
);
