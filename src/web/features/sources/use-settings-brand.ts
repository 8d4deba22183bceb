import type { TBrand } from "../../api/types.ts";
import { useCurrentBrand } from "../brands/use-current-brand.ts";

/** Agency roles configure monitoring (the server's `canWorkOnBrand`). */
export const isAgencyRole = (role: TBrand["role"]): boolean => role === "admin" || role === "specialist";

/**
 * The brand the monitoring settings act on: the one chosen in the brand switcher. `canWork` says
 * whether the user may change its sources and semantic core.
 */
export function useSettingsBrand(): { brand: TBrand | null; canWork: boolean; isPending: boolean } {
  const { current, isPending } = useCurrentBrand();
  return { brand: current, canWork: current ? isAgencyRole(current.role) : false, isPending };
}
