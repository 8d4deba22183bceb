import { Navigate } from "react-router";
import { PageLoader } from "../../components/page-loader.tsx";
import { brandPath } from "../sections/sections.ts";
import { NoBrandsState } from "./no-brands-state.tsx";
import { useCurrentBrand } from "./use-current-brand.ts";

/** `/`: the saved active brand (or the first one), else the explanation that there is none. */
export function HomeRedirect() {
  const { current, isPending, brands } = useCurrentBrand();
  if (isPending) return <PageLoader />;
  if (current) return <Navigate to={brandPath(current.id)} replace />;
  if (brands) return <NoBrandsState />;
  return <PageLoader />;
}
