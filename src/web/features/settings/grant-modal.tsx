import { Button, Group, Modal, Stack } from "@mantine/core";
import { useState } from "react";
import type { TRole, TWorkspaceUser } from "../../api/types.ts";
import { ErrorAlert, fieldError } from "../../components/api-errors.tsx";
import { ScopeSelect, scopeFitsRole, scopeFromKey, type TScopeKey } from "../../components/scope-select.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { RoleSelect } from "./role-select.tsx";
import { useClients } from "./use-clients.ts";
import { useAddGrant } from "./use-users.ts";

/** Gives a user a role over the whole workspace, one client or one brand. */
export function GrantModal(props: { user: TWorkspaceUser | null; opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t("users.addGrantTitle", { name: props.user?.name ?? "" })} centered>
      {/* Content unmounts when closed: every opening starts with a fresh form. */}
      {props.user && <GrantForm user={props.user} onClose={props.onClose} />}
    </Modal>
  );
}

function GrantForm(props: { user: TWorkspaceUser; onClose: () => void }) {
  const t = useT();
  const clients = useClients();
  const addGrant = useAddGrant();
  const [role, setRole] = useState<TRole>("client_viewer");
  const [scope, setScope] = useState<TScopeKey | null>(null);
  const [scopeError, setScopeError] = useState<string | undefined>();

  const changeRole = (next: TRole) => {
    setRole(next);
    if (next === "admin") setScope("workspace");
    else if (scope && !scopeFitsRole(next, scope)) setScope(null);
  };

  const submit = () => {
    if (!scope) {
      setScopeError(t("validation.required"));
      return;
    }
    setScopeError(undefined);
    addGrant.mutate({ userId: props.user.id, role, scope: scopeFromKey(scope) }, { onSuccess: props.onClose });
  };

  return (
    <Stack gap="md">
      <RoleSelect value={role} onChange={changeRole} error={fieldError(addGrant.error, "role")} testId="grant-role" />
      <ScopeSelect
        role={role}
        clients={clients.data ?? []}
        value={scope}
        onChange={(value) => {
          setScope(value);
          setScopeError(undefined);
        }}
        error={scopeError ?? fieldError(addGrant.error, "clientId") ?? fieldError(addGrant.error, "brandId")}
        testId="grant-scope"
      />
      <ErrorAlert error={addGrant.error} formFields={["role", "clientId", "brandId"]} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onClose}>
          {t("common.cancel")}
        </Button>
        <Button onClick={submit} loading={addGrant.isPending} data-testid="grant-submit">
          {t("users.addGrant")}
        </Button>
      </Group>
    </Stack>
  );
}
