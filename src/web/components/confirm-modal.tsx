import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { ErrorAlert } from "./api-errors.tsx";

type TConfirmModalProps = {
  opened: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before an irreversible action; stays open with the error if the action fails. */
export function ConfirmModal(props: TConfirmModalProps) {
  const t = useT();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered size="md">
      <Stack gap="md">
        {props.children && <Text size="sm">{props.children}</Text>}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color={props.danger ? "red" : undefined}
            loading={props.loading}
            onClick={props.onConfirm}
            data-testid="confirm-button"
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
