import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { ZName, ZUuid, errors, jsonBody, jsonOk, noContent } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { createApiToken, listOwnApiTokens, revokeOwnApiToken } from "./api-tokens.ts";

const tags = ["tokens"];
const ZToken = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }).openapi("ApiToken");

export const tokenRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/tokens", tags, summary: "Own personal API tokens",
      responses: { 200: jsonOk(z.object({ tokens: z.array(ZToken) })), 401: errors[401] } }),
    async (c) => c.json({ tokens: await listOwnApiTokens(c.get("app"), requireAuth(c)) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/tokens", tags, summary: "Create a personal API token (the secret is shown once)",
      request: { body: jsonBody(z.strictObject({ name: ZName })) },
      responses: { 201: jsonOk(z.object({ token: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }), secret: z.string() })), 400: errors[400], 401: errors[401] } }),
    async (c) => {
      const auth = requireAuth(c);
      return c.json(await createApiToken(c.get("app"), auth.userId, c.req.valid("json").name, auth.email), 201);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/tokens/{tokenId}", tags, summary: "Revoke an own token",
      request: { params: z.object({ tokenId: ZUuid }) }, responses: { 204: noContent, 401: errors[401], 404: errors[404] } }),
    async (c) => {
      await revokeOwnApiToken(c.get("app"), requireAuth(c), c.req.valid("param").tokenId);
      return c.body(null, 204);
    },
  );
