import { ActionIcon, Badge, Button, Group, Paper, Pill, Table, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import type { TGrant, TWorkspaceUser } from "../../api/types.ts";
import { DangerIconButton } from "../../components/danger-icon-button.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { IconMail, IconPlus, IconTrash } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDialog } from "../../components/use-dialog.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useCurrentUser } from "../auth/use-session.ts";
import { GrantModal } from "./grant-modal.tsx";
import { grantScopeLabel } from "./grant-label.ts";
import { useDeleteUser, useRemoveGrant, useUsers } from "./use-users.ts";

/** Settings → Users: everyone in the workspace with their grants. */
export function UsersPage() {
  const t = useT();
  const format = useFormat();
  const me = useCurrentUser();
  const users = useUsers();
  const removeGrant = useRemoveGrant();
  const deleteUser = useDeleteUser();
  const grantFor = useDialog<TWorkspaceUser>();
  const removing = useDialog<{ user: TWorkspaceUser; grant: TGrant }>();
  const deleting = useDialog<TWorkspaceUser>();

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <Button component={Link} to="/settings/invitations" variant="light" leftSection={<IconMail size={16} />}>
            {t("invitations.create")}
          </Button>
        }
      />
      <QueryState query={users}>
        {(list) => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={760}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="28%">{t("users.user")}</Table.Th>
                    <Table.Th>{t("users.access")}</Table.Th>
                    <Table.Th w={150}>{t("common.created")}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((user) => (
                    <Table.Tr key={user.id} data-testid="user-row" data-user-email={user.email}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500} className="break-anywhere">
                            {user.name}
                          </Text>
                          {user.id === me.id && (
                            <Badge size="xs" variant="default" tt="none">
                              {t("common.you")}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" className="break-anywhere">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {user.grants.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t("users.noAccess")}
                          </Text>
                        ) : (
                          <Group gap={6}>
                            {user.grants.map((grant) => (
                              <Pill
                                key={grant.id}
                                withRemoveButton
                                onRemove={() => {
                                  removeGrant.reset();
                                  removing.open({ user, grant });
                                }}
                                removeButtonProps={{ "aria-label": t("users.removeGrant") }}
                                data-testid="grant-pill"
                              >
                                <Text span size="xs" fw={600}>
                                  {t(`role.${grant.role}`)}
                                </Text>
                                <Text span size="xs" c="dimmed">
                                  {" · "}
                                  {grantScopeLabel(t, grant)}
                                </Text>
                              </Pill>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: "nowrap" }}>{format.date(user.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t("users.addGrant")} withArrow>
                            <ActionIcon variant="subtle" onClick={() => grantFor.open(user)} aria-label={t("users.addGrant")} data-testid="user-add-grant">
                              <IconPlus size={16} />
                            </ActionIcon>
                          </Tooltip>
                          {user.id !== me.id && (
                            <DangerIconButton
                              label={t("users.deleteUser")}
                              testId="user-delete"
                              icon={<IconTrash size={16} />}
                              onClick={() => {
                                deleteUser.reset();
                                deleting.open(user);
                              }}
                            />
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <Text size="xs" c="dimmed" mt="sm">
        {t("users.inviteHint")}
      </Text>

      <GrantModal user={grantFor.data} opened={grantFor.opened} onClose={grantFor.close} />
      <ConfirmModal
        opened={removing.opened}
        title={t("users.removeGrantTitle")}
        confirmLabel={t("users.removeGrant")}
        danger
        loading={removeGrant.isPending}
        error={removeGrant.error}
        onConfirm={() =>
          removing.data &&
          removeGrant.mutate({ userId: removing.data.user.id, grantId: removing.data.grant.id }, { onSuccess: removing.close })
        }
        onClose={removing.close}
      >
        {removing.data &&
          t("users.removeGrantText", {
            name: removing.data.user.name,
            role: t(`role.${removing.data.grant.role}`),
            scope: grantScopeLabel(t, removing.data.grant),
          })}
      </ConfirmModal>
      <ConfirmModal
        opened={deleting.opened}
        title={t("users.deleteTitle", { name: deleting.data?.name ?? "" })}
        confirmLabel={t("common.delete")}
        danger
        loading={deleteUser.isPending}
        error={deleteUser.error}
        onConfirm={() => deleting.data && deleteUser.mutate(deleting.data.id, { onSuccess: deleting.close })}
        onClose={deleting.close}
      >
        {t("users.deleteText")}
      </ConfirmModal>
    </>
  );
}
