import { Center } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSetupStatus } from "./use-setup.ts";

/** Until the first administrator exists, every address leads to the setup form (and only then). */
export function SetupGate() {
  const status = useSetupStatus();
  const location = useLocation();
  if (status.isPending) return <PageLoader fullScreen />;
  if (!status.data) {
    return (
      <Center mih="100vh" p="xl">
        <QueryState query={status}>{() => null}</QueryState>
      </Center>
    );
  }
  const onSetup = location.pathname === "/setup";
  if (status.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && onSetup) return <Navigate to="/" replace />;
  return <Outlet />;
}
