import { Navigate } from "react-router";
import { useCurrentUser } from "../auth/use-session.ts";

export function SettingsIndex() {
  const user = useCurrentUser();
  return <Navigate to={user.isAdmin ? "/settings/clients" : "/settings/account"} replace />;
}
