import { Navigate, Outlet, useLocation } from "react-router";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { isIntendedSignOut } from "./sign-out-intent.ts";
import { useSession } from "./use-session.ts";

/** Renders the signed-in part of the app, or sends the visitor to sign-in and back afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader fullScreen />;
  if (session.data === null) {
    const here = `${location.pathname}${location.search}`;
    const next = here === "/" || isIntendedSignOut() ? "" : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <QueryState query={session}>{() => <Outlet />}</QueryState>;
}
