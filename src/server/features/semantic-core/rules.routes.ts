import { OpenAPIHono } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { validationHook } from "../../http/validation.ts";

/** Routes of a brand's semantic-core rules. */
export const rulesRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook });
