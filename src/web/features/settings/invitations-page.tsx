import { Badge, Stack, Table, Text, Title, type MantineColor } from "@mantine/core";
import { useState } from "react";
import type { TInvitation, TInvitationStatus } from "../../api/types.ts";
import { DangerIconButton } from "../../components/danger-icon-button.tsx";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { TablePanel } from "../../components/table-panel.tsx";
import { IconMail, IconX } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { RoleBadge } from "../../components/role-badge.tsx";
import { useDialog } from "../../components/use-dialog.ts";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { InvitationForm } from "./invitation-form.tsx";
import { useInvitations, useRevokeInvitation } from "./use-invitations.ts";

const STATUS_COLOR: Record<TInvitationStatus, MantineColor> = { pending: "blue", accepted: "green", revoked: "red", expired: "gray" };

/** The server's status when it sends one, else derived from the dates. */
function statusOf(invitation: TInvitation, now: number): TInvitationStatus {
  if (invitation.status) return invitation.status;
  if (invitation.acceptedAt) return "accepted";
  return Date.parse(invitation.expiresAt) <= now ? "expired" : "pending";
}

/** Settings → Invitations: invite someone, see who has accepted, revoke pending links. */
export function InvitationsPage() {
  const t = useT();
  const format = useFormat();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();
  const revoking = useDialog<TInvitation>();
  const [now] = useState(() => Date.now());

  return (
    <>
      <PageHeader title={t("invitations.title")} description={t("invitations.description")} />
      <Stack gap="xl">
        <InvitationForm />
        <div>
          <Title order={4} mb="sm">
            {t("invitations.listTitle")}
          </Title>
          <QueryState query={invitations}>
            {(list) =>
              <TablePanel isEmpty={list.length === 0} empty={{ icon: <IconMail size={20} />, title: t("invitations.empty"), testId: "invitations-empty" }} minWidth={820}>
                <Table data-testid="invitations-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("common.email")}</Table.Th>
                      <Table.Th>{t("invitations.role")}</Table.Th>
                      <Table.Th>{t("scope.label")}</Table.Th>
                      <Table.Th>{t("invitations.status")}</Table.Th>
                      <Table.Th>{t("invitations.expires")}</Table.Th>
                      <Table.Th>{t("common.created")}</Table.Th>
                      <Table.Th w={50} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((invitation) => {
                      const status = statusOf(invitation, now);
                      return (
                        <Table.Tr key={invitation.id} data-testid="invitation-row" data-status={status}>
                          <Table.Td>
                            <Text size="sm" className="break-anywhere">
                              {invitation.email}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <RoleBadge role={invitation.role} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{invitation.scopeName ?? t("scope.workspace")}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={STATUS_COLOR[status]} variant="light" tt="none" radius="sm">
                              {t(`invitations.status.${status}` satisfies TMessageKey)}
                            </Badge>
                            {status === "accepted" && (
                              <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: "nowrap" }}>
                                {format.dateTime(invitation.acceptedAt)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: "nowrap" }}>{status === "accepted" ? t("common.none") : format.dateTime(invitation.expiresAt)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: "nowrap" }}>{format.date(invitation.createdAt)}</Text>
                          </Table.Td>
                          <Table.Td>
                            {status === "pending" && (
                              <DangerIconButton
                                label={t("common.revoke")}
                                testId="invitation-revoke"
                                icon={<IconX size={16} />}
                                onClick={() => {
                                  revoke.reset();
                                  revoking.open(invitation);
                                }}
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </TablePanel>
            }
          </QueryState>
        </div>
      </Stack>
      <ConfirmModal
        opened={revoking.opened}
        title={t("invitations.revokeTitle", { email: revoking.data?.email ?? "" })}
        confirmLabel={t("common.revoke")}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking.data && revoke.mutate(revoking.data.id, { onSuccess: revoking.close })}
        onClose={revoking.close}
      >
        {t("invitations.revokeText")}
      </ConfirmModal>
    </>
  );
}
