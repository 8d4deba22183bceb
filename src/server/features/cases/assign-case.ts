import type { TAppContext } from "../../context.ts";
import { forbidden, invalid, notFound } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { roleOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { afterCaseChange } from "./after-case-change.ts";
import { brandRoles } from "./brand-roles.ts";
import { isAgencyRole } from "./case-actor.ts";
import type { TCaseView } from "./case-view.ts";
import { loadCaseView } from "./load-case-view.ts";
import { findCase, updateCase } from "./queries.ts";

/** Gives the case to an agency person on the brand, or to nobody (null). Agency roles only. */
export async function assignCase(app: TAppContext, auth: TAuth, brandId: string, caseId: string, assigneeId: string | null, now = new Date()): Promise<TCaseView> {
  if (!isAgencyRole(roleOnBrand(auth, brandId))) throw forbidden("Only the agency's roles assign cases");
  await app.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, brandId, caseId, true);
    if (!caseRow) throw notFound("No such case");
    if (assigneeId !== null && !isAgencyRole((await brandRoles(tx, brandId)).get(assigneeId))) {
      throw invalid("assigneeId", "not an admin or specialist of this brand");
    }
    if (caseRow.assigneeId === assigneeId) return;
    await updateCase(tx, caseId, { assigneeId, updatedAt: now });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "case.assign",
      objectType: "case",
      objectId: caseId,
      brandId,
      details: { from: caseRow.assigneeId, to: assigneeId },
    });
  });
  await afterCaseChange(app, {});
  return loadCaseView(app.db, brandId, caseId, roleOnBrand(auth, brandId), now);
}
