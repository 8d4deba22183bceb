import { OpenAPIHono } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { validationHook } from "../../http/validation.ts";

/** Routes of sources of a brand and the connector catalogue. */
export const sourcesRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
