import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import type { TLocale } from "../../api/types.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { IconCheck } from "../../components/icons.tsx";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { required } from "../../components/validators.ts";
import { isLocale, saveGuestLocale } from "../../i18n/guest-locale.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/use-session.ts";
import { useUpdateMe } from "../me/use-update-me.ts";

export function ProfileCard() {
  const t = useT();
  const user = useCurrentUser();
  const updateMe = useUpdateMe();
  const [locale, setLocale] = useState<TLocale>(user.locale);
  const [saved, setSaved] = useState(false);

  // The header's language switch changes the same setting: follow it.
  useEffect(() => setLocale(user.locale), [user.locale]);
  const form = useSimpleForm({ name: user.name }, (v) => ({ name: required(t, v.name) }));

  const submit = form.handleSubmit((v) => {
    setSaved(false);
    updateMe.mutate(
      { name: v.name.trim(), locale },
      {
        onSuccess: () => {
          saveGuestLocale(locale);
          setSaved(true);
        },
      },
    );
  });

  return (
    <Card>
      <Title order={4} mb="md">
        {t("account.profile")}
      </Title>
      <form onSubmit={submit} noValidate data-testid="profile-form">
        <Stack gap="md">
          <Group grow align="flex-start">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("common.email")}
              </Text>
              <Text size="sm" fw={500} className="break-anywhere" data-testid="account-email">
                {user.email}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t("account.workspace")}
              </Text>
              <Text size="sm" fw={500} className="break-anywhere">
                {user.workspaceName}
              </Text>
            </Stack>
          </Group>
          <TextInput
            label={t("common.name")}
            required
            {...form.input("name")}
            error={form.errors.name ?? fieldError(updateMe.error, "name")}
            data-testid="profile-name"
          />
          <Select
            label={t("common.language")}
            data={[
              { value: "en", label: t("locale.en") },
              { value: "ru", label: t("locale.ru") },
            ]}
            value={locale}
            onChange={(value) => {
              if (isLocale(value)) setLocale(value);
            }}
            allowDeselect={false}
            error={fieldError(updateMe.error, "locale")}
            data-testid="profile-locale"
          />
          <ErrorAlert error={updateMe.error} formFields={["name", "locale"]} />
          {saved && !updateMe.isPending && (
            <Alert color="green" variant="light" icon={<IconCheck />} py="xs">
              {t("common.saved")}
            </Alert>
          )}
          <Button type="submit" loading={updateMe.isPending} w="fit-content" data-testid="profile-submit">
            {t("common.save")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
