import { Select } from "@mantine/core";
import { ROLES, type TRole } from "../../api/types.ts";
import { useT } from "../../i18n/i18n-context.tsx";

function isRole(value: string | null): value is TRole {
  return ROLES.some((r) => r === value);
}

export function RoleSelect(props: { value: TRole | null; onChange: (role: TRole) => void; error?: string; testId: string }) {
  const t = useT();
  return (
    <Select
      label={t("users.role")}
      description={props.value ? t(`role.${props.value}.hint`) : undefined}
      data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      value={props.value}
      onChange={(value) => {
        if (isRole(value)) props.onChange(value);
      }}
      allowDeselect={false}
      required
      error={props.error}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}
