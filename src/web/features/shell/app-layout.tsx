import { AppShell, Burger, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet } from "react-router";
import { ReputeMark } from "../../components/icons.tsx";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/use-session.ts";
import { BrandSwitcher } from "./brand-switcher.tsx";
import { MainNav } from "./main-nav.tsx";
import { UserMenu } from "./user-menu.tsx";

/** Header (brand switcher, language, user menu), the section navigation and the page. */
export function AppLayout() {
  const t = useT();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 272, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="xl"
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("shell.openNavigation")} />
            <UnstyledButton component={Link} to="/" w={240} style={{ flexShrink: 0 }} visibleFrom="sm" data-testid="home-link">
              <Group gap={10} wrap="nowrap">
                <ReputeMark size={30} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={700} lh={1.15}>
                    {t("app.name")}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2} truncate maw={190} data-testid="workspace-name">
                    {user.workspaceName}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
            <BrandSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" data-testid="main-nav">
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <div style={{ maxWidth: 1280, margin: "0 auto" }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
