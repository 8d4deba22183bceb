import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { requireAuth } from "../../http/env.ts";
import { brandParams, errors } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { BLOB_HASH } from "./queries.ts";
import { readBlob } from "./read-blob.ts";

const blobParams = brandParams.extend({
  hash: z
    .string()
    .regex(BLOB_HASH, "a SHA-256 hash: 64 lowercase hex digits")
    .openapi({ param: { name: "hash", in: "path" }, example: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" }),
});
const binary = { schema: z.string().openapi({ format: "binary" }) };

export const blobsRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: "get",
    path: "/api/brands/{brandId}/blobs/{hash}",
    tags: ["blobs"],
    summary: "A stored file of the brand (screenshot, PDF report) by its SHA-256; images and PDFs inline, anything else as a download",
    request: { params: blobParams },
    responses: {
      200: {
        description: "The bytes, with the stored type; cacheable for good, since the address is the content",
        content: { "image/png": binary, "image/jpeg": binary, "image/webp": binary, "application/pdf": binary, "application/octet-stream": binary },
      },
      304: { description: "Not modified (If-None-Match named this hash)" },
      400: errors[400],
      401: errors[401],
      404: errors[404],
    },
  }),
  async (c) => {
    const { brandId, hash } = c.req.valid("param");
    const blob = await readBlob(c.get("app"), requireAuth(c), brandId, hash);
    const headers: Record<string, string> = {
      "Cache-Control": "private, max-age=31536000, immutable",
      ETag: `"${blob.hash}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
      "Content-Disposition": blob.inline ? "inline" : `attachment; filename="${blob.hash}"`,
    };
    if (c.req.header("if-none-match")?.includes(blob.hash)) return c.body(null, 304, headers);
    return c.body(new Uint8Array(blob.bytes), 200, { ...headers, "Content-Type": blob.mime, "Content-Length": String(blob.bytes.length) });
  },
);
