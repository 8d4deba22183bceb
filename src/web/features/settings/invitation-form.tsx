import { Alert, Button, Card, Grid, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { TLocale, TRole } from "../../api/types.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { CopyField } from "../../components/copy-field.tsx";
import { IconMail } from "../../components/icons.tsx";
import { ScopeSelect, scopeFitsRole, scopeFromKey, WORKSPACE_SCOPE, type TScopeKey } from "../../components/scope-select.tsx";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { email } from "../../components/validators.ts";
import { isLocale } from "../../i18n/guest-locale.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { RoleSelect } from "./role-select.tsx";
import { useClients } from "./use-clients.ts";
import { useCreateInvitation, type TCreatedInvitation } from "./use-invitations.ts";

const FIELDS = ["email", "role", "clientId", "brandId", "locale"] as const;

/** Creates an invitation and shows its one-time link with a copy button. */
export function InvitationForm() {
  const { t, locale: myLocale } = useI18n();
  const format = useFormat();
  const clients = useClients();
  const create = useCreateInvitation();
  const [role, setRole] = useState<TRole>("client_approver");
  const [scope, setScope] = useState<TScopeKey | null>(null);
  const [scopeError, setScopeError] = useState<string | undefined>();
  const [locale, setLocale] = useState<TLocale>(myLocale);
  const [created, setCreated] = useState<TCreatedInvitation | null>(null);
  const form = useSimpleForm({ email: "" }, (v) => ({ email: email(t, v.email) }));

  const changeRole = (next: TRole) => {
    setRole(next);
    if (next === "admin") setScope(WORKSPACE_SCOPE);
    else if (scope && !scopeFitsRole(next, scope)) setScope(null);
  };

  const submit = form.handleSubmit((v) => {
    if (!scope) {
      setScopeError(t("validation.required"));
      return;
    }
    setScopeError(undefined);
    create.mutate(
      { email: v.email.trim(), role, scope: scopeFromKey(scope), locale },
      {
        onSuccess: (result) => {
          setCreated(result);
          form.reset();
        },
      },
    );
  });

  return (
    <Card>
      <Title order={4} mb="md">
        {t("invitations.create")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="invitation-form">
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t("invitations.email")}
              type="email"
              required
              {...form.input("email")}
              error={form.errors.email ?? fieldError(create.error, "email")}
              data-testid="invite-email"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RoleSelect value={role} onChange={changeRole} error={fieldError(create.error, "role")} testId="invite-role" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ScopeSelect
              role={role}
              clients={clients.data ?? []}
              value={scope}
              onChange={(value) => {
                setScope(value);
                setScopeError(undefined);
              }}
              error={scopeError ?? fieldError(create.error, "clientId") ?? fieldError(create.error, "brandId")}
              testId="invite-scope"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t("invitations.locale")}
              data={[
                { value: "en", label: t("locale.en") },
                { value: "ru", label: t("locale.ru") },
              ]}
              value={locale}
              onChange={(value) => {
                if (isLocale(value)) setLocale(value);
              }}
              allowDeselect={false}
              error={fieldError(create.error, "locale")}
              data-testid="invite-locale"
            />
          </Grid.Col>
        </Grid>
        <Stack gap="md" mt="md">
          <ErrorAlert error={create.error} formFields={FIELDS} />
          <Button type="submit" loading={create.isPending} leftSection={<IconMail size={16} />} w="fit-content" data-testid="invite-submit">
            {t("invitations.create")}
          </Button>
        </Stack>
      </form>
      {created && (
        <Alert color="repute" variant="light" mt="lg" title={t("invitations.linkTitle", { email: created.invitation.email })} data-testid="invitation-created">
          <Text size="sm" mb="sm">
            {t("invitations.linkText", { when: format.relative(created.invitation.expiresAt) })}
          </Text>
          <CopyField value={created.link} testId="invitation-link" />
        </Alert>
      )}
    </Card>
  );
}
