import { Select } from "@mantine/core";
import type { ComboboxItem, ComboboxItemGroup } from "@mantine/core";
import type { TClient, TRole, TScope } from "../api/types.ts";
import { useT } from "../i18n/i18n-context.tsx";

/** A scope as one Select value: `workspace`, `client:<id>` or `brand:<id>`. */
export type TScopeKey = string;

export const WORKSPACE_SCOPE: TScopeKey = "workspace";

export function scopeFromKey(key: TScopeKey): TScope {
  if (key.startsWith("client:")) return { clientId: key.slice("client:".length) };
  if (key.startsWith("brand:")) return { brandId: key.slice("brand:".length) };
  return {};
}

export function allowsWorkspace(role: TRole): boolean {
  return role === "admin" || role === "specialist";
}

export function allowsNarrowScope(role: TRole): boolean {
  return role !== "admin";
}

/** Whether the scope fits the role (admin: workspace only; client roles: a client or a brand). */
export function scopeFitsRole(role: TRole, key: TScopeKey): boolean {
  return key === WORKSPACE_SCOPE ? allowsWorkspace(role) : allowsNarrowScope(role);
}

type TScopeSelectProps = {
  role: TRole;
  clients: TClient[];
  value: TScopeKey | null;
  onChange: (value: TScopeKey | null) => void;
  error?: string;
  testId: string;
};

/** Whole workspace, one client (all its brands) or one brand — limited to what the role allows. */
export function ScopeSelect(props: TScopeSelectProps) {
  const t = useT();
  const groups: ComboboxItemGroup<ComboboxItem>[] = [];
  if (allowsWorkspace(props.role)) {
    groups.push({ group: t("scope.workspaceGroup"), items: [{ value: WORKSPACE_SCOPE, label: t("scope.workspace") }] });
  }
  if (allowsNarrowScope(props.role)) {
    for (const client of props.clients) {
      groups.push({
        group: t("scope.clientGroup", { name: client.name }),
        items: [
          { value: `client:${client.id}`, label: t("scope.client", { name: client.name }) },
          ...client.brands.map((brand) => ({ value: `brand:${brand.id}`, label: t("scope.brand", { name: brand.name }) })),
        ],
      });
    }
  }
  const description = props.role === "admin" ? t("scope.adminWorkspaceOnly") : !allowsWorkspace(props.role) ? t("scope.clientRoleNeedsScope") : undefined;
  return (
    <Select
      label={t("scope.label")}
      description={description}
      data={groups}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      searchable
      required
      allowDeselect={false}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}
