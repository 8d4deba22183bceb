import { OpenAPIHono } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { validationHook } from "../../http/validation.ts";

/** Routes of importing mention files. */
export const importRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
