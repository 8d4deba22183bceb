import type { TConfig } from "../../config.ts";
import type { TExecutor } from "../../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { type TCaseActor, auditActorOf } from "./case-actor.ts";
import { caseRulesOf, dueAtFor, opensCase } from "./case-rules.ts";
import { queueCaseNotification } from "./notify/queue-case-notification.ts";
import { type TCaseRow, caseRulesRow, findCaseByCluster, insertCase, insertCaseEvent, mentionsForCases, userNames } from "./queries.ts";

/**
 * Opens cases on mentions, inside the caller's transaction: one per copy cluster (a copy of a
 * mention that already has a case shares it), due the brand's response target after the
 * mention's publication. `rule` applies the brand's rules and skips what they do not select;
 * `person` opens a case on any mention (a positive one too: thanking is good practice). Each new
 * case gets its event, its audit entry, and — for a negative mention — a `new_negative` notice.
 */
export type TOpenCases = {
  brandId: string;
  workspaceId: string;
  mentionIds: readonly string[];
  how: "rule" | "person";
  actor: TCaseActor;
  now: Date;
};

export type TOpenCasesResult = {
  /** New cases, with the mention each was opened on. */
  opened: { caseRow: TCaseRow; mentionId: string }[];
  /** Mentions whose cluster already had a case. */
  existing: { caseRow: TCaseRow; mentionId: string }[];
};

export async function openCases(tx: TExecutor, config: Pick<TConfig, "publicUrl">, input: TOpenCases): Promise<TOpenCasesResult> {
  const result: TOpenCasesResult = { opened: [], existing: [] };
  const mentionRows = await mentionsForCases(tx, input.brandId, input.mentionIds);
  if (mentionRows.length === 0) return result;
  const rules = caseRulesOf(await caseRulesRow(tx, input.brandId));
  const candidates = input.how === "rule" ? mentionRows.filter((m) => opensCase(rules, m, input.now)) : mentionRows;
  const seenClusters = new Set<string>();
  const actorName = input.actor.userId ? ((await userNames(tx, [input.actor.userId])).get(input.actor.userId) ?? null) : null;

  // Oldest first, so a cluster's case is opened on its earliest mention in the batch.
  for (const m of [...candidates].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())) {
    if (seenClusters.has(m.clusterId)) continue;
    seenClusters.add(m.clusterId);
    const caseRow = await insertCase(tx, {
      brandId: input.brandId,
      mentionId: m.id,
      clusterId: m.clusterId,
      state: "new",
      dueAt: dueAtFor(m.publishedAt, rules),
      openedHow: input.how,
      openedBy: input.actor.userId,
      openedAt: input.now,
      stateChangedAt: input.now,
      createdAt: input.now,
      updatedAt: input.now,
    });
    if (!caseRow) {
      const existing = await findCaseByCluster(tx, input.brandId, m.clusterId);
      if (existing) result.existing.push({ caseRow: existing, mentionId: m.id });
      continue;
    }
    result.opened.push({ caseRow, mentionId: m.id });
    await insertCaseEvent(tx, {
      caseId: caseRow.id,
      brandId: input.brandId,
      action: "open",
      fromState: null,
      toState: "new",
      reason: input.how === "rule" ? "the brand's rules" : null,
      actorUserId: input.actor.userId,
      actorLabel: input.actor.label,
      via: input.actor.via,
      at: input.now,
    });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actor: auditActorOf(input.actor),
      action: "case.open",
      objectType: "case",
      objectId: caseRow.id,
      brandId: input.brandId,
      details: { mentionId: m.id, how: input.how, dueAt: caseRow.dueAt.toISOString() },
    });
    if (m.sentiment === "negative") {
      await queueCaseNotification(tx, config, { kind: "new_negative", caseId: caseRow.id, actor: { userId: input.actor.userId, name: actorName }, now: input.now });
    }
  }
  return result;
}
