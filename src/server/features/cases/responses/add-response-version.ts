import type { TAppContext } from "../../../context.ts";
import type { TResponseOrigin } from "../../../db/schema/cases.ts";
import { conflict, forbidden, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { afterCaseChange } from "../after-case-change.ts";
import { applyTransition } from "../apply-transition.ts";
import { auditActorOf, caseActorOf, isAgencyRole } from "../case-actor.ts";
import type { TCaseView } from "../case-view.ts";
import { loadCaseView } from "../load-case-view.ts";
import { findCase } from "../queries.ts";
import { insertResponse, latestResponse } from "./queries.ts";

/**
 * A new version of the response (agency roles), while the case is still open. The same text as
 * the latest version adds nothing. A version written after an approval is not approved: publishing
 * waits until it is proposed and approved in its turn. `propose: true` proposes it at once.
 */
export const MAX_RESPONSE_LENGTH = 10_000;
const EDITABLE = new Set(["new", "in_work", "response_proposed", "approved", "returned"]);

export type TNewVersion = { text: string; origin?: TResponseOrigin; propose?: boolean };

export async function addResponseVersion(app: TAppContext, auth: TAuth, brandId: string, caseId: string, input: TNewVersion, now = new Date()): Promise<{ case: TCaseView; version: number; created: boolean }> {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(actor.role)) throw forbidden("Only the agency's roles write responses");
  const text = input.text.trim();
  const outcome = await app.db.transaction(async (tx) => {
    let caseRow = await findCase(tx, brandId, caseId, true);
    if (!caseRow) throw notFound("No such case");
    if (!EDITABLE.has(caseRow.state)) throw conflict(`The case is ${caseRow.state}: reopen it to write another response`);
    const latest = await latestResponse(tx, caseId);
    let version = latest?.version ?? 0;
    let created = false;
    if (latest?.text !== text) {
      const row = await insertResponse(tx, { caseId, brandId, text, origin: input.origin ?? "manual", authorId: auth.userId, authorLabel: auth.email, createdAt: now });
      version = row.version;
      created = true;
      await recordAudit(tx, {
        workspaceId: auth.workspaceId,
        actor: auditActorOf(actor),
        action: "case.response_version",
        objectType: "case",
        objectId: caseId,
        brandId,
        details: { version, origin: row.origin, length: Array.from(text).length },
      });
    }
    const needsProposal = input.propose && (created || caseRow.state !== "response_proposed");
    if (needsProposal) caseRow = await applyTransition(tx, app.config, { caseRow, action: "propose", actor, workspaceId: auth.workspaceId, now });
    return { version, created, proposed: Boolean(needsProposal) };
  });
  await afterCaseChange(app, { notify: outcome.proposed });
  return { case: await loadCaseView(app.db, brandId, caseId, actor.role, now), version: outcome.version, created: outcome.created };
}
