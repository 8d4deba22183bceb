import { Alert, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../../api/api-error.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { IconAlertTriangle, IconLock } from "../../components/icons.tsx";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { email, required } from "../../components/validators.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { safeNextPath } from "./next-path.ts";
import { useLogin, useSession } from "./use-session.ts";

export function SignInPage() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const session = useSession();
  const login = useLogin();
  const form = useSimpleForm({ email: "", password: "" }, (v) => ({
    email: email(t, v.email),
    password: required(t, v.password),
  }));

  if (session.data) return <Navigate to={next} replace />;

  const submit = form.handleSubmit((v) => {
    login.mutate({ email: v.email.trim(), password: v.password }, { onSuccess: () => void navigate(next, { replace: true }) });
  });

  const error = login.error;
  const status = isApiError(error) ? error.status : undefined;

  return (
    <AuthLayout title={t("signIn.title")} subtitle={t("signIn.subtitle")}>
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <Stack gap="md">
          <TextInput
            label={t("common.email")}
            type="email"
            required
            autoFocus
            autoComplete="username"
            {...form.input("email")}
            error={form.errors.email ?? fieldError(error, "email")}
            data-testid="login-email"
          />
          <PasswordInput
            label={t("common.password")}
            required
            autoComplete="current-password"
            {...form.input("password")}
            error={form.errors.password ?? fieldError(error, "password")}
            data-testid="login-password"
          />
          {status === 401 && (
            <Alert color="red" variant="light" icon={<IconLock />} data-testid="login-error">
              {t("signIn.badCredentials")}
            </Alert>
          )}
          {status === 429 && isApiError(error) && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle />} data-testid="login-rate-limited">
              {error.retryAfterSeconds !== null
                ? t("signIn.rateLimited", { when: format.inSeconds(error.retryAfterSeconds) })
                : t("signIn.rateLimitedNoTime")}
            </Alert>
          )}
          {error && status !== 401 && status !== 429 && <ErrorAlert error={error} formFields={["email", "password"]} />}
          <Button type="submit" size="md" loading={login.isPending} fullWidth data-testid="login-submit">
            {t("signIn.submit")}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t("signIn.noAccount")}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
