import type { TAppContext, TExecutor } from "../../../context.ts";
import type { TRole } from "../../../db/schema/accounts.ts";
import type { TApprovalDecision, TCaseState } from "../../../db/schema/cases.ts";
import { AppError, conflict, forbidden, notFound } from "../../../lib/errors.ts";
import { hashSecret } from "../../../lib/tokens.ts";
import { afterCaseChange } from "../after-case-change.ts";
import { applyTransition } from "../apply-transition.ts";
import { brandRoles } from "../brand-roles.ts";
import type { TCaseActor } from "../case-actor.ts";
import { caseUrl, httpUrlOrNull } from "../case-links.ts";
import { caseWithMention, findCase } from "../queries.ts";
import { findResponse, latestResponse } from "../responses/queries.ts";
import { looksLikeApprovalToken } from "./issue-approval-link.ts";
import { findApprovalLink, useApprovalLink } from "./queries.ts";

/**
 * Reading and using an approval link. Unknown (or altered) tokens are 404. A link that was
 * used, has expired, or asks about a version that is no longer the one awaiting approval is
 * answered with its status and nothing of the case. An open link shows the case and the
 * proposed text; using it approves or returns (with a reason) as the approver, through the
 * same state machine as the app, once.
 */
export type TLinkStatus = "open" | "used" | "expired" | "superseded" | "not_allowed";

export type TApprovalLinkView = {
  status: TLinkStatus;
  locale: "ru" | "en";
  approver: { name: string };
  brand: { name: string };
  expiresAt: string;
  decision: TApprovalDecision | null;
  /** Only while the link is open. */
  review: {
    caseId: string;
    caseUrl: string;
    state: TCaseState;
    dueAt: string;
    mention: { site: string; author: string | null; url: string | null; title: string | null; text: string; publishedAt: string; rating: { value: number; scale: number } | null };
    response: { id: string; version: number; text: string; createdAt: string };
  } | null;
};

type TLinkRow = NonNullable<Awaited<ReturnType<typeof findApprovalLink>>>;

async function statusOf(db: TExecutor, row: TLinkRow, now: Date): Promise<{ status: TLinkStatus; role: TRole | undefined; state: TCaseState | undefined }> {
  const caseRow = await findCase(db, row.link.brandId, row.link.caseId);
  const role = (await brandRoles(db, row.link.brandId)).get(row.link.approverId);
  if (row.link.usedAt) return { status: "used", role, state: caseRow?.state };
  if (row.link.expiresAt.getTime() <= now.getTime()) return { status: "expired", role, state: caseRow?.state };
  if (role !== "client_approver" && role !== "admin") return { status: "not_allowed", role, state: caseRow?.state };
  const latest = await latestResponse(db, row.link.caseId);
  if (!caseRow || caseRow.state !== "response_proposed" || latest?.id !== row.link.responseId) return { status: "superseded", role, state: caseRow?.state };
  return { status: "open", role, state: caseRow.state };
}

async function findByToken(db: TExecutor, token: string, lock = false): Promise<TLinkRow> {
  const row = looksLikeApprovalToken(token) ? await findApprovalLink(db, hashSecret(token), lock) : undefined;
  if (!row) throw notFound("This approval link is not valid");
  return row;
}

export async function readApprovalLink(app: TAppContext, token: string, now = new Date()): Promise<TApprovalLinkView> {
  const row = await findByToken(app.db, token);
  const { status } = await statusOf(app.db, row, now);
  const view: TApprovalLinkView = {
    status,
    locale: row.approverLocale,
    approver: { name: row.approverName },
    brand: { name: row.brandName },
    expiresAt: row.link.expiresAt.toISOString(),
    decision: row.link.decision,
    review: null,
  };
  if (status !== "open") return view;
  const full = await caseWithMention(app.db, row.link.brandId, row.link.caseId);
  const response = await findResponse(app.db, row.link.caseId, row.link.responseId);
  if (!full || !response) return { ...view, status: "superseded" };
  const m = full.m;
  view.review = {
    caseId: full.c.id,
    caseUrl: caseUrl(app.config, full.c.brandId, full.c.id),
    state: full.c.state,
    dueAt: full.c.dueAt.toISOString(),
    mention: {
      site: m.site ?? m.sourceKind,
      author: m.authorName,
      url: httpUrlOrNull(m.url),
      title: m.title,
      text: m.text,
      publishedAt: m.publishedAt.toISOString(),
      rating: m.ratingValue !== null && m.ratingScale !== null ? { value: m.ratingValue, scale: m.ratingScale } : null,
    },
    response: { id: response.id, version: response.version, text: response.text, createdAt: response.createdAt.toISOString() },
  };
  return view;
}

export type TLinkDecision = { decision: TApprovalDecision; reason?: string | null; /** The version the page showed; a newer one makes the link stale. */ responseId?: string };

const STATUS_MESSAGE: Record<Exclude<TLinkStatus, "open">, string> = {
  used: "This approval link has already been used",
  expired: "This approval link has expired: open the case in Repute",
  superseded: "The response this link asks about is no longer awaiting approval: open the case in Repute",
  not_allowed: "You no longer approve responses for this brand",
};

export async function decideByApprovalLink(app: TAppContext, token: string, input: TLinkDecision, now = new Date()): Promise<{ decision: TApprovalDecision; caseId: string; state: TCaseState; locale: "ru" | "en" }> {
  const result = await app.db.transaction(async (tx) => {
    const row = await findByToken(tx, token, true);
    const { status, role } = await statusOf(tx, row, now);
    if (status === "not_allowed") throw forbidden(STATUS_MESSAGE.not_allowed);
    if (status !== "open") throw conflict(STATUS_MESSAGE[status]);
    if (input.responseId && input.responseId !== row.link.responseId) throw conflict(STATUS_MESSAGE.superseded);
    if (input.decision === "returned" && !input.reason?.trim()) {
      throw new AppError("validation_failed", "reason: say what to change", { fields: [{ path: "reason", message: "say what to change" }] });
    }
    const caseRow = await findCase(tx, row.link.brandId, row.link.caseId, true);
    if (!caseRow) throw notFound("No such case");
    if (!(await useApprovalLink(tx, row.link.id, input.decision, now))) throw conflict(STATUS_MESSAGE.used);
    const actor: TCaseActor = { userId: row.link.approverId, label: row.approverEmail, role, via: "approval_link" };
    const updated = await applyTransition(tx, app.config, {
      caseRow,
      action: input.decision === "approved" ? "approve" : "return",
      actor,
      reason: input.reason,
      workspaceId: row.workspaceId,
      now,
      details: { approvalLinkId: row.link.id },
    });
    return { decision: input.decision, caseId: updated.id, state: updated.state, locale: row.approverLocale };
  });
  await afterCaseChange(app);
  return result;
}
