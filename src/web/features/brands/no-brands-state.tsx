import { Button, Paper } from "@mantine/core";
import { Link } from "react-router";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconBuilding, IconInbox } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/use-session.ts";

export function NoBrandsState() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <Paper withBorder p="xl" mt="md">
      {user.isAdmin ? (
        <EmptyMessage
          icon={<IconBuilding size={28} />}
          title={t("brands.noneAdminTitle")}
          description={t("brands.noneAdminText")}
          testId="no-brands"
          actions={
            <Button component={Link} to="/settings/clients" data-testid="no-brands-create">
              {t("brands.noneAdminAction")}
            </Button>
          }
        />
      ) : (
        <EmptyMessage icon={<IconInbox size={28} />} title={t("brands.noneTitle")} description={t("brands.noneText")} testId="no-brands" />
      )}
    </Paper>
  );
}
