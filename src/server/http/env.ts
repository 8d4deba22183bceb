import type { Context } from "hono";
import type { TAppContext } from "../context.ts";
import type { TAuth } from "../features/accounts/access.ts";
import { AppError } from "../lib/errors.ts";
import type { TLogger } from "../lib/logger.ts";

export type THonoEnv = {
  Variables: { app: TAppContext; auth: TAuth | undefined; logger: TLogger; requestId: string };
};
export type TContext = Context<THonoEnv>;

export function requireAuth(c: TContext): TAuth {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthenticated", "Sign in first");
  return auth;
}

/** Admin-only workspace routes answer 404 to others: they do not learn the route exists for them. */
export function requireAdmin(c: TContext): TAuth {
  const auth = requireAuth(c);
  if (!auth.isAdmin) throw new AppError("not_found", "Not found");
  return auth;
}
