import { Button, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useNavigate } from "react-router";
import type { TLocale } from "../../api/types.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { email, newPassword, PASSWORD_MIN_LENGTH, required } from "../../components/validators.ts";
import { isLocale } from "../../i18n/guest-locale.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useRunSetup } from "./use-setup.ts";

const FIELDS = ["workspaceName", "name", "email", "password", "locale"] as const;

/** First start: create the workspace and its first administrator. */
export function SetupPage() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const setup = useRunSetup();
  const form = useSimpleForm({ workspaceName: "", name: "", email: "", password: "" }, (v) => ({
    workspaceName: required(t, v.workspaceName),
    name: required(t, v.name),
    email: email(t, v.email),
    password: newPassword(t, v.password),
  }));

  const submit = form.handleSubmit((v) => {
    setup.mutate(
      { workspaceName: v.workspaceName.trim(), name: v.name.trim(), email: v.email.trim(), password: v.password, locale },
      { onSuccess: () => void navigate("/", { replace: true }) },
    );
  });

  return (
    <AuthLayout title={t("setup.title")} subtitle={t("setup.subtitle")} width={480}>
      <form onSubmit={submit} noValidate data-testid="setup-form">
        <Stack gap="md">
          <TextInput
            label={t("setup.workspaceName")}
            placeholder={t("setup.workspacePlaceholder")}
            required
            autoFocus
            {...form.input("workspaceName")}
            error={form.errors.workspaceName ?? fieldError(setup.error, "workspaceName")}
            data-testid="setup-workspace"
          />
          <TextInput
            label={t("setup.yourName")}
            required
            autoComplete="name"
            {...form.input("name")}
            error={form.errors.name ?? fieldError(setup.error, "name")}
            data-testid="setup-name"
          />
          <TextInput
            label={t("common.email")}
            type="email"
            required
            autoComplete="email"
            {...form.input("email")}
            error={form.errors.email ?? fieldError(setup.error, "email")}
            data-testid="setup-email"
          />
          <PasswordInput
            label={t("common.password")}
            description={t("setup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
            required
            autoComplete="new-password"
            {...form.input("password")}
            error={form.errors.password ?? fieldError(setup.error, "password")}
            data-testid="setup-password"
          />
          <Select
            label={t("common.language")}
            data={[
              { value: "en", label: t("locale.en") },
              { value: "ru", label: t("locale.ru") },
            ]}
            value={locale}
            onChange={(value) => {
              if (isLocale(value)) setLocale(value satisfies TLocale);
            }}
            allowDeselect={false}
            error={fieldError(setup.error, "locale")}
            data-testid="setup-locale"
          />
          <ErrorAlert error={setup.error} formFields={FIELDS} />
          <Button type="submit" size="md" loading={setup.isPending} data-testid="setup-submit" fullWidth mt="xs">
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
