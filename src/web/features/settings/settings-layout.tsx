import { Alert, Tabs } from "@mantine/core";
import type { ComponentType } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { IconBuilding, IconHistory, IconMail, IconStack, IconUser, IconUsers } from "../../components/icons.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/use-session.ts";
import { useBrands } from "../brands/use-brands.ts";
import { IconScale } from "../classification/classification-icons.tsx";
import { IconPlug, IconWand } from "../sources/source-icons.tsx";
import { isAgencyRole } from "../sources/use-settings-brand.ts";

/** Who sees a tab: workspace admins, agency roles (admin or specialist on some brand), everyone. */
type TTab = { value: string; label: TMessageKey; icon: ComponentType<{ size?: number }>; audience: "admin" | "agency" | "all" };

const TABS: TTab[] = [
  { value: "clients", label: "settings.clients", icon: IconBuilding, audience: "admin" },
  { value: "users", label: "settings.users", icon: IconUsers, audience: "admin" },
  { value: "invitations", label: "settings.invitations", icon: IconMail, audience: "admin" },
  { value: "sources", label: "sources.tab", icon: IconPlug, audience: "agency" },
  { value: "semantic-core", label: "rules.tab", icon: IconWand, audience: "agency" },
  { value: "classification", label: "classification.tab", icon: IconScale, audience: "agency" },
  { value: "audit", label: "settings.audit", icon: IconHistory, audience: "admin" },
  { value: "jobs", label: "settings.jobs", icon: IconStack, audience: "admin" },
  { value: "account", label: "settings.account", icon: IconUser, audience: "all" },
];

/** Settings: workspace management tabs for administrators, monitoring tabs for agency roles, the account tab for everyone. */
export function SettingsLayout() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const active = location.pathname.split("/")[2] ?? "";
  const brands = useBrands();
  const agency = user.isAdmin || (brands.data ?? []).some((b) => isAgencyRole(b.role));
  const tabs = TABS.filter((tab) => tab.audience === "all" || (tab.audience === "agency" ? agency : user.isAdmin));

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
