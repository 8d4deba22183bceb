import { deleteCookie, setCookie } from "hono/cookie";
import type { TContext } from "../../http/env.ts";
import { SESSION_COOKIE, type TNewSession } from "./sessions.ts";

export function setSessionCookie(c: TContext, session: TNewSession): void {
  setCookie(c, SESSION_COOKIE, session.cookieValue, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("app").config.cookieSecure,
    path: "/",
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: TContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
