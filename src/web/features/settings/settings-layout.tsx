import { Alert, Tabs } from "@mantine/core";
import type { ComponentType } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { IconBuilding, IconHistory, IconMail, IconStack, IconUser, IconUsers } from "../../components/icons.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/use-session.ts";

type TTab = { value: string; label: TMessageKey; icon: ComponentType<{ size?: number }>; adminOnly: boolean };

const TABS: TTab[] = [
  { value: "clients", label: "settings.clients", icon: IconBuilding, adminOnly: true },
  { value: "users", label: "settings.users", icon: IconUsers, adminOnly: true },
  { value: "invitations", label: "settings.invitations", icon: IconMail, adminOnly: true },
  { value: "audit", label: "settings.audit", icon: IconHistory, adminOnly: true },
  { value: "jobs", label: "settings.jobs", icon: IconStack, adminOnly: true },
  { value: "account", label: "settings.account", icon: IconUser, adminOnly: false },
];

/** Settings: workspace management tabs for administrators, the account tab for everyone. */
export function SettingsLayout() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const active = location.pathname.split("/")[2] ?? "";
  const tabs = TABS.filter((tab) => user.isAdmin || !tab.adminOnly);

  return (
    <>
      <Tabs
        value={active}
        onChange={(value) => {
          if (value) void navigate(`/settings/${value}`);
        }}
        mb="xl"
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />} data-testid={`settings-tab-${value}`}>
              {t(label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {!user.isAdmin && (
        <Alert variant="light" color="gray" mb="lg">
          {t("settings.adminOnlyNote")}
        </Alert>
      )}
      <Outlet />
    </>
  );
}
