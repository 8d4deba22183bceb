import { Navigate, Outlet } from "react-router";
import { useCurrentUser } from "../auth/use-session.ts";

/** Workspace management pages: administrators only; everyone else goes to their account. */
export function RequireAdmin() {
  const user = useCurrentUser();
  if (!user.isAdmin) return <Navigate to="/settings/account" replace />;
  return <Outlet />;
}
