import type { TAppContext } from "../../../context.ts";
import { conflict, forbidden, invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { brandRoles } from "../brand-roles.ts";
import { caseActorOf, isAgencyRole } from "../case-actor.ts";
import { approvalUrl } from "../case-links.ts";
import { findCase } from "../queries.ts";
import { latestResponse } from "../responses/queries.ts";
import { issueApprovalLink } from "./issue-approval-link.ts";

/**
 * An approval link made by hand for one approver (when e-mail is off, to send it another way):
 * shown once, for the version now awaiting approval. Agency roles; audited without the token.
 */
export async function createApprovalLink(app: TAppContext, auth: TAuth, brandId: string, caseId: string, approverId: string, now = new Date()) {
  if (!isAgencyRole(caseActorOf(auth, brandId).role)) throw forbidden("Only the agency's roles hand out approval links");
  return app.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, brandId, caseId, true);
    if (!caseRow) throw notFound("No such case");
    if (caseRow.state !== "response_proposed") throw conflict("Propose a response first: links are for a response awaiting approval");
    const role = (await brandRoles(tx, brandId)).get(approverId);
    if (role !== "client_approver" && role !== "admin") throw invalid("approverId", "not an approver of this brand");
    const latest = await latestResponse(tx, caseId);
    if (!latest) throw conflict("No response to approve");
    const { token, expiresAt } = await issueApprovalLink(tx, { caseId, brandId, responseId: latest.id, approverId, now });
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "case.approval_link", objectType: "case", objectId: caseId, brandId, details: { approverId, version: latest.version, expiresAt: expiresAt.toISOString() } });
    return { link: approvalUrl(app.config, token), expiresAt: expiresAt.toISOString(), version: latest.version };
  });
}
