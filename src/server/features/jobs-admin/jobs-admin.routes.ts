import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { requireAdmin } from "../../http/env.ts";
import { ZUuid, errors, jsonOk, noContent } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { listFailures, listQueues, retryJob } from "./jobs-admin.ts";

const tags = ["jobs"];

export const jobsAdminRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/admin/jobs", tags, summary: "Queues with counts and schedules (admin)",
      responses: { 200: jsonOk(z.object({ queues: z.array(z.object({ name: z.string(), deadLetterOf: z.string().nullable(), queued: z.number(), active: z.number(), failed: z.number(), total: z.number(), cron: z.string().nullable(), retryLimit: z.number() })) })), 404: errors[404] } }),
    async (c) => {
      requireAdmin(c);
      return c.json({ queues: await listQueues(c.get("app")) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "get", path: "/api/admin/jobs/failed", tags, summary: "Recent failed jobs, newest first (admin)",
      responses: { 200: jsonOk(z.object({ jobs: z.array(z.object({ id: z.string(), queue: z.string(), attempts: z.number(), failedAt: z.string().nullable(), createdAt: z.string(), error: z.string(), data: z.unknown() })) })), 404: errors[404] } }),
    async (c) => {
      requireAdmin(c);
      return c.json({ jobs: await listFailures(c.get("app")) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/admin/jobs/{queue}/{jobId}/retry", tags, summary: "Retry a failed job (admin)",
      request: { params: z.object({ queue: z.string().min(1).max(200), jobId: ZUuid }) },
      responses: { 204: noContent, 404: errors[404] } }),
    async (c) => {
      const { queue, jobId } = c.req.valid("param");
      await retryJob(c.get("app"), requireAdmin(c), queue, jobId);
      return c.body(null, 204);
    },
  );
