import { useMatch } from "react-router";
import type { TBrand } from "../../api/types.ts";
import { useCurrentUser } from "../auth/use-session.ts";
import { useBrands } from "./use-brands.ts";

export type TCurrentBrand = {
  brands: TBrand[] | undefined;
  /** The brand in the URL, else the user's saved active brand, else the first one; null if none. */
  current: TBrand | null;
  /** The brand id in the URL, when the page is brand-scoped. */
  urlBrandId: string | undefined;
  /** The part of a brand-scoped URL after /b/:brandId/. */
  urlRest: string | undefined;
  isPending: boolean;
};

export function useCurrentBrand(): TCurrentBrand {
  const user = useCurrentUser();
  const brandsQuery = useBrands();
  const match = useMatch("/b/:brandId/*");
  const brands = brandsQuery.data;
  const urlBrandId = match?.params.brandId;
  let current: TBrand | null = null;
  if (brands) {
    current = urlBrandId
      ? (brands.find((b) => b.id === urlBrandId) ?? null)
      : (brands.find((b) => b.id === user.activeBrandId) ?? brands[0] ?? null);
  }
  return { brands, current, urlBrandId, urlRest: match?.params["*"], isPending: brandsQuery.isPending };
}
