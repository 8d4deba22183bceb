import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { pingDatabase } from "../db/client.ts";
import { AppError } from "../lib/errors.ts";
import type { THonoEnv } from "./env.ts";
import { jsonOk } from "./route-kit.ts";
import { validationHook } from "./validation.ts";

export const healthRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: "get", path: "/api/health", tags: ["system"], summary: "Liveness and database reachability",
    responses: {
      200: jsonOk(z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string(), uptimeSeconds: z.number() })),
      503: { description: "The database does not answer" },
    },
  }),
  async (c) => {
    const app = c.get("app");
    try {
      await pingDatabase(app.db);
    } catch {
      throw new AppError("unavailable", "The database does not answer");
    }
    return c.json(
      { status: "ok" as const, database: app.database.kind, version: app.version, uptimeSeconds: Math.round((Date.now() - app.startedAt.getTime()) / 1000) },
      200,
    );
  },
);
