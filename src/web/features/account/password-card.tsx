import { Alert, Button, Card, PasswordInput, Stack, Title } from "@mantine/core";
import { isApiError } from "../../api/api-error.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { IconCheck } from "../../components/icons.tsx";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { newPassword, PASSWORD_MIN_LENGTH, required } from "../../components/validators.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useChangePassword } from "../auth/use-session.ts";

export function PasswordCard() {
  const t = useT();
  const change = useChangePassword();
  const form = useSimpleForm({ currentPassword: "", newPassword: "" }, (v) => ({
    currentPassword: required(t, v.currentPassword),
    newPassword: newPassword(t, v.newPassword) ?? (v.newPassword === v.currentPassword ? t("validation.passwordsDiffer") : undefined),
  }));

  const submit = form.handleSubmit((v) => {
    change.mutate(v, { onSuccess: () => form.reset() });
  });

  // A wrong current password may come back as 401 or 400 without a field; show it at the field.
  const wrongCurrent =
    isApiError(change.error) && (change.error.status === 401 || change.error.status === 403) && change.error.code !== "csrf_failed"
      ? change.error.message
      : undefined;

  return (
    <Card>
      <Title order={4} mb="md">
        {t("account.passwordTitle")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <Stack gap="md">
          <PasswordInput
            label={t("account.currentPassword")}
            autoComplete="current-password"
            required
            {...form.input("currentPassword")}
            error={form.errors.currentPassword ?? fieldError(change.error, "currentPassword") ?? wrongCurrent}
            data-testid="password-current"
          />
          <PasswordInput
            label={t("account.newPassword")}
            description={t("setup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.input("newPassword")}
            error={form.errors.newPassword ?? fieldError(change.error, "newPassword")}
            data-testid="password-new"
          />
          {!wrongCurrent && <ErrorAlert error={change.error} formFields={["currentPassword", "newPassword"]} />}
          {change.isSuccess && (
            <Alert color="green" variant="light" icon={<IconCheck />} py="xs" data-testid="password-changed">
              {t("account.passwordChanged")}
            </Alert>
          )}
          <Button type="submit" loading={change.isPending} w="fit-content" data-testid="password-submit">
            {t("account.passwordSubmit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
