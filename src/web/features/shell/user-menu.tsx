import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { Link } from "react-router";
import { IconChevronDown, IconLogout, IconUser } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser, useLogout } from "../auth/use-session.ts";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("shell.userMenu")} data-testid="user-menu" px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="repute" variant="light">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} maw={160} truncate visibleFrom="md">
              {user.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("shell.signedInAs")}</Menu.Label>
        <Text size="sm" px="sm" pb={6} fw={500} truncate>
          {user.email}
        </Text>
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/account" leftSection={<IconUser size={16} />} data-testid="user-menu-account">
          {t("shell.account")}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          color="red"
          onClick={() => logout.mutate()}
          data-testid="sign-out"
        >
          {t("shell.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
