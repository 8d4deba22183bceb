import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { TContext, THonoEnv } from "../../../http/env.ts";
import { errors, jsonBody, jsonOk } from "../../../http/route-kit.ts";
import { validationHook } from "../../../http/validation.ts";
import { AppError } from "../../../lib/errors.ts";
import { MAX_REASON_LENGTH } from "../case-state.ts";
import { decideByApprovalLink, readApprovalLink } from "./approval-link-use.ts";
import { approvalDoneHtml, approvalMessageHtml, approvalPageHtml, unknownLinkHtml } from "./approval-page.ts";

const tags = ["approval links"];
const tokenParams = z.object({ token: z.string().min(1).max(200).openapi({ param: { name: "token", in: "path" } }) });

const ZReview = z.object({
  caseId: z.string(),
  caseUrl: z.string(),
  state: z.string(),
  dueAt: z.string(),
  mention: z.object({
    site: z.string(),
    author: z.string().nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    text: z.string(),
    publishedAt: z.string(),
    rating: z.object({ value: z.number(), scale: z.number() }).nullable(),
  }),
  response: z.object({ id: z.string(), version: z.number().int(), text: z.string(), createdAt: z.string() }),
});
const ZLinkView = z
  .object({
    status: z.enum(["open", "used", "expired", "superseded", "not_allowed"]),
    locale: z.enum(["ru", "en"]),
    approver: z.object({ name: z.string() }),
    brand: z.object({ name: z.string() }),
    expiresAt: z.string(),
    decision: z.enum(["approved", "returned"]).nullable(),
    review: ZReview.nullable().openapi({ description: "The case and the proposed text, only while the link is open" }),
  })
  .openapi("ApprovalLink");
const ZDecision = z.strictObject({
  decision: z.enum(["approved", "returned"]),
  reason: z.string().max(MAX_REASON_LENGTH).optional().openapi({ description: "Required to return" }),
  responseId: z.string().uuid().optional().openapi({ description: "The version shown; a newer one makes the link stale (409)" }),
});

const FORM_MAX_BYTES = 16 * 1024;

/** A cross-site form cannot post a decision: the browser's Origin (or Sec-Fetch-Site) must be ours. */
function assertSameOrigin(c: TContext): void {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("csrf_failed", "Cross-site request refused");
  const origin = c.req.header("origin");
  if (!origin) return;
  const allowed = new Set([new URL(c.get("app").config.publicUrl).origin, new URL(c.req.url).origin]);
  if (!allowed.has(origin)) throw new AppError("csrf_failed", "Cross-site request refused");
}

function pageHeaders(c: TContext): void {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  c.header("Referrer-Policy", "no-referrer");
}

/**
 * Approval without signing in. `/approve/{token}` is the page the e-mail links to (server-made
 * HTML with a form); `/api/approve/{token}` is the same for the web UI, as JSON.
 */
export const approvalRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({ method: "get", path: "/api/approve/{token}", tags, summary: "What an approval link shows: the case and the proposed text while it is open (no sign-in)",
      request: { params: tokenParams },
      responses: { 200: jsonOk(ZLinkView), 404: errors[404] } }),
    async (c) => {
      pageHeaders(c);
      return c.json(await readApprovalLink(c.get("app"), c.req.valid("param").token), 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/api/approve/{token}", tags, summary: "Approve, or return with a reason, through an approval link (once; no sign-in)",
      request: { params: tokenParams, body: jsonBody(ZDecision) },
      responses: {
        200: jsonOk(z.object({ decision: z.enum(["approved", "returned"]), caseId: z.string(), state: z.string() })),
        400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409],
      } }),
    async (c) => {
      pageHeaders(c);
      const { decision, caseId, state } = await decideByApprovalLink(c.get("app"), c.req.valid("param").token, c.req.valid("json"));
      return c.json({ decision, caseId, state }, 200);
    },
  );

approvalRoutes.get("/approve/:token", async (c) => {
  pageHeaders(c);
  const token = c.req.param("token");
  try {
    return c.html(approvalPageHtml(await readApprovalLink(c.get("app"), token), token));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return c.html(unknownLinkHtml(), 404);
    throw error;
  }
});

approvalRoutes.post(
  "/approve/:token",
  bodyLimit({ maxSize: FORM_MAX_BYTES, onError: (c) => c.html(unknownLinkHtml(), 413) }),
  async (c) => {
    pageHeaders(c);
    const app = c.get("app");
    const token = c.req.param("token");
    assertSameOrigin(c);
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" ? form[name] : undefined);
    const decision = field("decision") === "approve" ? "approved" : field("decision") === "return" ? "returned" : undefined;
    const reason = field("reason")?.slice(0, MAX_REASON_LENGTH);
    const responseId = field("response");
    let view;
    try {
      view = await readApprovalLink(app, token);
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return c.html(unknownLinkHtml(), 404);
      throw error;
    }
    if (!decision) return c.html(approvalPageHtml(view, token), 400);
    try {
      const done = await decideByApprovalLink(app, token, { decision, reason, responseId: responseId && /^[0-9a-f-]{36}$/i.test(responseId) ? responseId : undefined });
      return c.html(approvalDoneHtml(done.locale, done.decision, view.review?.caseUrl ?? app.config.publicUrl));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "validation_failed") return c.html(approvalPageHtml(view, token, error.extra.fields?.[0]?.message ?? error.message), 400);
      return c.html(approvalMessageHtml(view.locale, error.message), error.status === 403 ? 403 : 409);
    }
  },
);
