import type { TAppContext } from "../../context.ts";
import { forbidden } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { canSeeBrand, canWorkOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { type TCaseRules, caseRulesOf } from "./case-rules.ts";
import { caseRulesRow, upsertCaseRules } from "./queries.ts";

/** A brand's case rules and response target: anyone on the brand reads them, agency roles change them. */
export async function getCaseSettings(app: TAppContext, auth: TAuth, brandId: string): Promise<TCaseRules> {
  if (!canSeeBrand(auth, brandId)) throw forbidden();
  return caseRulesOf(await caseRulesRow(app.db, brandId));
}

export async function changeCaseSettings(app: TAppContext, auth: TAuth, brandId: string, patch: Partial<TCaseRules>, now = new Date()): Promise<TCaseRules> {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles change case rules");
  return app.db.transaction(async (tx) => {
    const current = caseRulesOf(await caseRulesRow(tx, brandId));
    const next: TCaseRules = { ...current, ...patch };
    const row = await upsertCaseRules(tx, { brandId, ...next, updatedAt: now, updatedBy: auth.userId });
    const changed = (Object.keys(patch) as (keyof TCaseRules)[]).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k])).sort();
    if (changed.length > 0) {
      await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "case_rules.update", objectType: "brand", objectId: brandId, brandId, details: { fields: changed, ...Object.fromEntries(changed.map((k) => [k, next[k]])) } });
    }
    return caseRulesOf(row);
  });
}
