import { Button, Paper, Stack } from "@mantine/core";
import type { TClient } from "../../api/types.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconBuilding, IconPlus } from "../../components/icons.tsx";
import { NameModal } from "../../components/name-modal.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDialog } from "../../components/use-dialog.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCreateBrand, useDeleteBrand, useRenameBrand } from "../brands/use-brands.ts";
import { ClientCard, type TBrandRef } from "./client-card.tsx";
import { useClients, useCreateClient, useDeleteClient, useRenameClient } from "./use-clients.ts";

type TDialog =
  | { kind: "createClient" }
  | { kind: "renameClient"; client: TClient }
  | { kind: "deleteClient"; client: TClient }
  | { kind: "createBrand"; client: TClient }
  | { kind: "renameBrand"; brand: TBrandRef }
  | { kind: "deleteBrand"; brand: TBrandRef };

/** Settings → Clients & brands: the workspace tree, created, renamed and deleted in place. */
export function ClientsPage() {
  const t = useT();
  const clients = useClients();
  const { data: dialog, opened, open: openDialog, close } = useDialog<TDialog>();
  const createClient = useCreateClient();
  const renameClient = useRenameClient();
  const deleteClient = useDeleteClient();
  const createBrand = useCreateBrand();
  const renameBrand = useRenameBrand();
  const deleteBrand = useDeleteBrand();

  const open = (next: TDialog) => {
    for (const m of [createClient, renameClient, deleteClient, createBrand, renameBrand, deleteBrand]) m.reset();
    openDialog(next);
  };
  const done = { onSuccess: close };

  return (
    <>
      <PageHeader
        title={t("clients.title")}
        description={t("clients.description")}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => open({ kind: "createClient" })} data-testid="clients-create">
            {t("clients.create")}
          </Button>
        }
      />
      <QueryState query={clients}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="xl">
              <EmptyMessage icon={<IconBuilding size={28} />} title={t("clients.empty")} testId="clients-empty" />
            </Paper>
          ) : (
            <Stack gap="md">
              {list.map((client) => (
                <ClientCard
                  key={client.id}
                  client={client}
                  onAddBrand={() => open({ kind: "createBrand", client })}
                  onRename={() => open({ kind: "renameClient", client })}
                  onDelete={() => open({ kind: "deleteClient", client })}
                  onRenameBrand={(brand) => open({ kind: "renameBrand", brand })}
                  onDeleteBrand={(brand) => open({ kind: "deleteBrand", brand })}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>

      <NameModal
        opened={opened && dialog?.kind === "createClient"}
        title={t("clients.createTitle")}
        label={t("clients.clientName")}
        submitLabel={t("common.create")}
        loading={createClient.isPending}
        error={createClient.error}
        testId="client-form"
        onSubmit={(name) => createClient.mutate({ name }, done)}
        onClose={close}
      />
      <NameModal
        opened={opened && dialog?.kind === "renameClient"}
        title={t("clients.renameTitle")}
        label={t("clients.clientName")}
        initialName={dialog?.kind === "renameClient" ? dialog.client.name : ""}
        submitLabel={t("common.save")}
        loading={renameClient.isPending}
        error={renameClient.error}
        testId="client-rename"
        onSubmit={(name) => dialog?.kind === "renameClient" && renameClient.mutate({ clientId: dialog.client.id, name }, done)}
        onClose={close}
      />
      <NameModal
        opened={opened && dialog?.kind === "createBrand"}
        title={t("brands.createTitle", { client: dialog?.kind === "createBrand" ? dialog.client.name : "" })}
        label={t("brands.brandName")}
        submitLabel={t("common.create")}
        loading={createBrand.isPending}
        error={createBrand.error}
        testId="brand-form"
        onSubmit={(name) => dialog?.kind === "createBrand" && createBrand.mutate({ clientId: dialog.client.id, name }, done)}
        onClose={close}
      />
      <NameModal
        opened={opened && dialog?.kind === "renameBrand"}
        title={t("brands.renameTitle")}
        label={t("brands.brandName")}
        initialName={dialog?.kind === "renameBrand" ? dialog.brand.name : ""}
        submitLabel={t("common.save")}
        loading={renameBrand.isPending}
        error={renameBrand.error}
        testId="brand-rename"
        onSubmit={(name) => dialog?.kind === "renameBrand" && renameBrand.mutate({ brandId: dialog.brand.id, name }, done)}
        onClose={close}
      />
      <ConfirmModal
        opened={opened && dialog?.kind === "deleteClient"}
        title={t("clients.deleteTitle", { name: dialog?.kind === "deleteClient" ? dialog.client.name : "" })}
        confirmLabel={t("common.delete")}
        danger
        loading={deleteClient.isPending}
        error={deleteClient.error}
        onConfirm={() => dialog?.kind === "deleteClient" && deleteClient.mutate(dialog.client.id, done)}
        onClose={close}
      >
        {t("clients.deleteText")}
      </ConfirmModal>
      <ConfirmModal
        opened={opened && dialog?.kind === "deleteBrand"}
        title={t("brands.deleteTitle", { name: dialog?.kind === "deleteBrand" ? dialog.brand.name : "" })}
        confirmLabel={t("common.delete")}
        danger
        loading={deleteBrand.isPending}
        error={deleteBrand.error}
        onConfirm={() => dialog?.kind === "deleteBrand" && deleteBrand.mutate(dialog.brand.id, done)}
        onClose={close}
      >
        {t("brands.deleteText")}
      </ConfirmModal>
    </>
  );
}
