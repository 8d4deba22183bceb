import { Badge, type MantineColor } from "@mantine/core";
import type { TRole } from "../api/types.ts";
import { useT } from "../i18n/i18n-context.tsx";

const ROLE_COLOR: Record<TRole, MantineColor> = {
  admin: "repute",
  specialist: "indigo",
  client_approver: "orange",
  client_viewer: "gray",
};

export function RoleBadge(props: { role: TRole; size?: "xs" | "sm" | "md" }) {
  const t = useT();
  return (
    <Badge color={ROLE_COLOR[props.role]} variant="light" size={props.size ?? "sm"} radius="sm" tt="none" fw={600}>
      {t(`role.${props.role}`)}
    </Badge>
  );
}
