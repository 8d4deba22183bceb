import type { TConfig } from "../../config.ts";
import type { TExecutor } from "../../context.ts";
import type { TNotificationKind } from "../notifications/notification-event.ts";
import { conflict, forbidden, invalid } from "../../lib/errors.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { type TCaseActor, auditActorOf } from "./case-actor.ts";
import { type TCaseAction, planTransition } from "./case-state.ts";
import { queueCaseNotification } from "./notify/queue-case-notification.ts";
import { type TCaseInsert, type TCaseRow, insertCaseEvent, updateCase, userNames } from "./queries.ts";
import { latestResponse } from "./responses/queries.ts";

/**
 * One transition inside the caller's transaction, with the case row already locked: checked by
 * the state machine (state, role, reason, a response to propose, an approval to publish),
 * written with its event row, its audit entry and its notification — all or nothing.
 */
export type TApplyTransition = {
  caseRow: TCaseRow;
  action: TCaseAction;
  actor: TCaseActor;
  reason?: string | null;
  workspaceId: string;
  now: Date;
  /** Fields the caller sets together with the state (a publication's URL). */
  patch?: Partial<TCaseInsert>;
  details?: Record<string, unknown>;
};

const NOTICE: Partial<Record<TCaseAction, TNotificationKind>> = {
  propose: "awaiting_approval",
  approve: "approved",
  return: "returned",
  publish: "published",
};

export async function applyTransition(tx: TExecutor, config: Pick<TConfig, "publicUrl">, input: TApplyTransition): Promise<TCaseRow> {
  const { caseRow, action, actor, now } = input;
  const latest = await latestResponse(tx, caseRow.id);
  const plan = planTransition({
    state: caseRow.state,
    action,
    role: actor.role,
    reason: input.reason,
    facts: { hasResponse: latest !== undefined, latestApproved: latest !== undefined && caseRow.approvedResponseId === latest.id },
  });
  if (!plan.ok) {
    if (plan.code === "forbidden") throw forbidden(plan.message);
    if (plan.code === "reason_required") throw invalid("reason", plan.message);
    throw conflict(plan.message);
  }
  const reason = input.reason?.trim() || null;
  const patch: Partial<TCaseInsert> = { state: plan.to, stateChangedAt: now, updatedAt: now, stateReason: action === "return" || action === "dismiss" ? reason : null };
  switch (action) {
    case "take":
      if (!caseRow.assigneeId && actor.userId && actor.role === "specialist") patch.assigneeId = actor.userId;
      break;
    case "propose":
      patch.firstProposedAt = caseRow.firstProposedAt ?? now;
      patch.approvedResponseId = null;
      patch.approvedBy = null;
      patch.approvedAt = null;
      break;
    case "approve":
      patch.approvedResponseId = latest?.id ?? null;
      patch.approvedBy = actor.userId;
      patch.approvedAt = now;
      break;
    case "return":
      patch.approvedResponseId = null;
      break;
    case "resolve":
      patch.resolvedAt = now;
      break;
    case "reopen":
      patch.resolvedAt = null;
      break;
    case "publish":
    case "dismiss":
      break;
  }
  const updated = await updateCase(tx, caseRow.id, { ...patch, ...input.patch });
  await insertCaseEvent(tx, {
    caseId: caseRow.id,
    brandId: caseRow.brandId,
    action,
    fromState: plan.from,
    toState: plan.to,
    reason,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    via: actor.via,
    at: now,
  });
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actor: auditActorOf(actor),
    action: `case.${action}`,
    objectType: "case",
    objectId: caseRow.id,
    brandId: caseRow.brandId,
    details: { from: plan.from, to: plan.to, ...(reason ? { reason } : {}), via: actor.via, ...(latest ? { responseVersion: latest.version } : {}), ...input.details },
  });
  const kind = NOTICE[action];
  if (kind) {
    const name = actor.userId ? ((await userNames(tx, [actor.userId])).get(actor.userId) ?? null) : null;
    await queueCaseNotification(tx, config, {
      kind,
      caseId: caseRow.id,
      actor: { userId: actor.userId, name },
      responseText: latest?.text,
      responseId: latest?.id,
      reason: reason ?? undefined,
      now,
    });
  }
  return updated;
}
