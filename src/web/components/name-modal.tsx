import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useT } from "../i18n/i18n-context.tsx";
import { ErrorAlert, fieldError } from "./api-errors.tsx";
import { useSimpleForm } from "./use-simple-form.ts";
import { required } from "./validators.ts";

type TNameModalProps = {
  opened: boolean;
  title: string;
  label: string;
  initialName?: string;
  submitLabel: string;
  loading: boolean;
  error: unknown;
  testId: string;
  onSubmit: (name: string) => void;
  onClose: () => void;
};

/** Create or rename something that has only a name (a client, a brand). */
export function NameModal(props: TNameModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      {/* The modal unmounts its content when closed, so every opening starts a fresh form. */}
      <NameForm {...props} />
    </Modal>
  );
}

function NameForm(props: TNameModalProps) {
  const t = useT();
  const form = useSimpleForm({ name: props.initialName ?? "" }, (v) => ({ name: required(t, v.name) }));
  return (
    <form onSubmit={form.handleSubmit((v) => props.onSubmit(v.name.trim()))} noValidate>
      <Stack gap="md">
        <TextInput
          label={props.label}
          data-autofocus
          required
          maxLength={200}
          {...form.input("name")}
          error={form.errors.name ?? fieldError(props.error, "name")}
          data-testid={`${props.testId}-name`}
        />
        <ErrorAlert error={props.error} formFields={["name"]} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={props.loading} data-testid={`${props.testId}-submit`}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
