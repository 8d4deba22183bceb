import type { TRole } from "../../db/schema/accounts.ts";
import type { TAuth } from "./access.ts";

/** Named predicates: every permission decision in the accounts feature goes through these. */
export const canManageWorkspace = (auth: TAuth): boolean => auth.isAdmin;

export const roleOnBrand = (auth: TAuth, brandId: string): TRole | undefined => auth.brandRoles.get(brandId);

export const canSeeBrand = (auth: TAuth, brandId: string): boolean => auth.brandRoles.has(brandId);

/** Agency roles read the audit trail of the brands they work on. */
export const canViewBrandAudit = (auth: TAuth, brandId: string): boolean => {
  const role = roleOnBrand(auth, brandId);
  return role === "admin" || role === "specialist";
};

/** Agency roles configure monitoring (sources, semantic core, imports) and triage mentions. */
export const canWorkOnBrand = (auth: TAuth, brandId: string): boolean => canViewBrandAudit(auth, brandId);
