import { Alert, Button, Card, Code, Group, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { TApiToken } from "../../api/types.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { DangerIconButton } from "../../components/danger-icon-button.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { CopyField } from "../../components/copy-field.tsx";
import { IconKey, IconTrash } from "../../components/icons.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDialog } from "../../components/use-dialog.ts";
import { useSimpleForm } from "../../components/use-simple-form.ts";
import { required } from "../../components/validators.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useCreateToken, useRevokeToken, useTokens, type TCreatedToken } from "./use-tokens.ts";

/** Personal API tokens: the secret is shown once, right after creation. */
export function TokensCard() {
  const t = useT();
  const format = useFormat();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<TCreatedToken | null>(null);
  const revoking = useDialog<TApiToken>();
  const form = useSimpleForm({ name: "" }, (v) => ({ name: required(t, v.name) }));

  const submit = form.handleSubmit((v) => {
    create.mutate(
      { name: v.name.trim() },
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
      <Title order={4} mb="xs">
        {t("account.tokensTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb={4}>
        {t("account.tokensText")}
      </Text>
      <Code mb="md" fz="xs" w="fit-content">
        Authorization: Bearer &lt;token&gt;
      </Code>
      <form onSubmit={submit} noValidate data-testid="token-form">
        <Group align="flex-start" gap="sm">
          <TextInput
            aria-label={t("account.tokenName")}
            placeholder={t("account.tokenNamePlaceholder")}
            {...form.input("name")}
            error={form.errors.name ?? fieldError(create.error, "name")}
            style={{ flex: 1 }}
            maxLength={100}
            data-testid="token-name"
          />
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} />} data-testid="token-create">
            {t("account.tokenCreate")}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} formFields={["name"]} />
      {created && (
        <Alert color="repute" variant="light" mt="md" title={t("account.tokenSecretTitle", { name: created.token.name })} withCloseButton onClose={() => setCreated(null)}>
          <Text size="sm" mb="sm">
            {t("account.tokenSecretText")}
          </Text>
          <CopyField value={created.secret} testId="token-secret" />
        </Alert>
      )}
      <QueryState query={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed" mt="md">
              {t("account.tokensEmpty")}
            </Text>
          ) : (
            <Table mt="md" data-testid="tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("common.name")}</Table.Th>
                  <Table.Th>{t("common.created")}</Table.Th>
                  <Table.Th>{t("account.tokenLastUsed")}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      <Text size="sm" fw={500} className="break-anywhere">
                        {token.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: "nowrap" }}>{format.date(token.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={token.lastUsedAt ? undefined : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                        {token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("common.never")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DangerIconButton
                        label={t("common.revoke")}
                        testId="token-revoke"
                        icon={<IconTrash size={16} />}
                        onClick={() => {
                          revoke.reset();
                          revoking.open(token);
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <ConfirmModal
        opened={revoking.opened}
        title={t("account.tokenRevokeTitle", { name: revoking.data?.name ?? "" })}
        confirmLabel={t("common.revoke")}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          const token = revoking.data;
          if (!token) return;
          revoke.mutate(token.id, {
            onSuccess: () => {
              if (created?.token.id === token.id) setCreated(null);
              revoking.close();
            },
          });
        }}
        onClose={revoking.close}
      >
        {t("account.tokenRevokeText")}
      </ConfirmModal>
    </Card>
  );
}
