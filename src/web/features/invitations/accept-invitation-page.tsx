import { Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useRef } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/api-error.ts";
import type { TInvitationPreview } from "../../api/types.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconMail } from "../../components/icons.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { RoleBadge } from "../../components/role-badge.tsx";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { newPassword, PASSWORD_MIN_LENGTH, required } from "../../components/validators.ts";
import { useI18n, type TTranslate } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useSession } from "../auth/use-session.ts";
import { useAcceptInvitation, useInvitationPreview } from "./use-invitation-preview.ts";

function scopeText(t: TTranslate, invitation: TInvitationPreview): string {
  const { clientName, brandName } = invitation.scope;
  if (brandName) return clientName ? `${t("scope.brand", { name: brandName })} · ${t("scope.clientShort", { name: clientName })}` : t("scope.brand", { name: brandName });
  if (clientName) return t("scope.client", { name: clientName });
  return t("scope.workspace");
}

export function AcceptInvitationPage() {
  const { token = "" } = useParams();
  const { t, setLocale } = useI18n();
  const preview = useInvitationPreview(token);
  const session = useSession();

  // Speak the language the inviter chose for this person — unless someone is already signed in
  // in this browser, whose own setting must not change.
  const invitedLocale = preview.data?.locale;
  const signedOut = session.data === null;
  const applied = useRef(false);
  useEffect(() => {
    if (invitedLocale && signedOut && !applied.current) {
      applied.current = true;
      setLocale(invitedLocale);
    }
  }, [invitedLocale, signedOut, setLocale]);

  if (preview.isPending) return <PageLoader fullScreen />;
  if (!preview.data && !(isApiError(preview.error) && (preview.error.status === 404 || preview.error.status === 400))) {
    return (
      <AuthLayout title={t("error.title")}>
        <QueryState query={preview}>{() => null}</QueryState>
      </AuthLayout>
    );
  }
  if (!preview.data) {
    return (
      <AuthLayout>
        <EmptyMessage
          icon={<IconMail />}
          title={t("invite.invalidTitle")}
          description={t("invite.invalidText")}
          testId="invitation-invalid"
          actions={
            <Button component={Link} to="/sign-in" variant="light">
              {t("invite.toSignIn")}
            </Button>
          }
        />
      </AuthLayout>
    );
  }
  return <AcceptForm token={token} invitation={preview.data} />;
}

function AcceptForm(props: { token: string; invitation: TInvitationPreview }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(props.token);
  const { invitation } = props;
  const form = useSimpleForm({ name: "", password: "" }, (v) => ({
    name: required(t, v.name),
    password: newPassword(t, v.password),
  }));

  const submit = form.handleSubmit((v) => {
    accept.mutate({ name: v.name.trim(), password: v.password, locale }, { onSuccess: () => void navigate("/", { replace: true }) });
  });

  return (
    <AuthLayout title={t("invite.title", { workspace: invitation.workspaceName })} subtitle={t("invite.formHint")} width={480}>
      <Stack gap="xs" mb="md" data-testid="invitation-summary">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t("invite.email")}
          </Text>
          <Text size="sm" fw={500} className="break-anywhere" data-testid="invitation-email">
            {invitation.email}
          </Text>
        </Group>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t("invite.role")}
          </Text>
          <RoleBadge role={invitation.role} />
        </Group>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t("invite.scope")}
          </Text>
          <Text size="sm" fw={500} ta="right" data-testid="invitation-scope">
            {scopeText(t, invitation)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t("invite.expires", { date: format.dateTime(invitation.expiresAt) })}
        </Text>
      </Stack>
      <Divider mb="md" />
      <form onSubmit={submit} noValidate data-testid="accept-form">
        <Stack gap="md">
          <TextInput
            label={t("setup.yourName")}
            required
            autoFocus
            autoComplete="name"
            {...form.input("name")}
            error={form.errors.name ?? fieldError(accept.error, "name")}
            data-testid="accept-name"
          />
          <PasswordInput
            label={t("common.password")}
            description={t("setup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
            required
            autoComplete="new-password"
            {...form.input("password")}
            error={form.errors.password ?? fieldError(accept.error, "password")}
            data-testid="accept-password"
          />
          <ErrorAlert error={accept.error} formFields={["name", "password", "locale"]} />
          <Button type="submit" size="md" fullWidth loading={accept.isPending} data-testid="accept-submit">
            {t("invite.submit")}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
