import { Button, Card, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { IconLogout } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useLogoutAll } from "../auth/use-session.ts";

export function SessionsCard() {
  const t = useT();
  const navigate = useNavigate();
  const logoutAll = useLogoutAll();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card>
      <Title order={4} mb="xs">
        {t("account.sessionsTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t("account.sessionsText")}
      </Text>
      <Button
        variant="light"
        color="red"
        leftSection={<IconLogout size={16} />}
        onClick={() => {
          logoutAll.reset();
          setConfirming(true);
        }}
        w="fit-content"
        data-testid="logout-all"
      >
        {t("account.logoutAll")}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t("account.logoutAllConfirm")}
        confirmLabel={t("account.logoutAll")}
        danger
        loading={logoutAll.isPending}
        error={logoutAll.error}
        onConfirm={() => logoutAll.mutate(undefined, { onSuccess: () => void navigate("/sign-in", { replace: true }) })}
        onClose={() => setConfirming(false)}
      />
    </Card>
  );
}
