import { OpenAPIHono } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { validationHook } from "../../http/validation.ts";

/** Routes of the mention feed. */
export const mentionsRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
