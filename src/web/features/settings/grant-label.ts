import type { TGrant } from "../../api/types.ts";
import type { TTranslate } from "../../i18n/i18n-context.tsx";

/** "Brand X", "Client Y: all brands" or "Whole workspace". */
export function grantScopeLabel(t: TTranslate, grant: Pick<TGrant, "clientName" | "brandName" | "brandId" | "clientId">): string {
  if (grant.brandId) return t("scope.brand", { name: grant.brandName ?? grant.brandId });
  if (grant.clientId) return t("scope.client", { name: grant.clientName ?? grant.clientId });
  return t("scope.workspace");
}
