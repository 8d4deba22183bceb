import { Button, Paper } from "@mantine/core";
import { Link } from "react-router";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconMapPin } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";

export function NotFoundPage() {
  const t = useT();
  return (
    <Paper withBorder p="xl" mt="md">
      <EmptyMessage
        icon={<IconMapPin size={28} />}
        title={t("common.notFoundTitle")}
        description={t("common.notFoundText")}
        testId="not-found"
        actions={
          <Button component={Link} to="/" variant="light">
            {t("common.goHome")}
          </Button>
        }
      />
    </Paper>
  );
}
