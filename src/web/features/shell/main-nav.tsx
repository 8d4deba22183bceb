import { NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { IconSettings } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentBrand } from "../brands/use-current-brand.ts";
import { BRAND_SECTIONS, brandPath } from "../sections/sections.ts";

export function MainNav(props: { onNavigate: () => void }) {
  const t = useT();
  const location = useLocation();
  const { current, urlRest } = useCurrentBrand();
  const activeSection = urlRest?.split("/")[0];

  return (
    <Stack h="100%" gap={0} justify="space-between">
      <ScrollArea style={{ flex: 1 }} type="scroll">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs" pb={6}>
          {t("nav.brandSections")}
        </Text>
        {BRAND_SECTIONS.map(({ slug, icon: Icon }) => (
          <NavLink
            key={slug}
            component={Link}
            to={current ? brandPath(current.id, slug) : "/"}
            label={t(`nav.${slug}`)}
            leftSection={<Icon size={18} />}
            active={Boolean(current) && location.pathname.startsWith("/b/") && activeSection === slug}
            disabled={!current}
            onClick={props.onNavigate}
            data-testid={`nav-${slug}`}
            style={{ borderRadius: 8 }}
          />
        ))}
      </ScrollArea>
      <Stack gap={0} pt="xs" style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}>
        <NavLink
          component={Link}
          to="/settings"
          label={t("nav.settings")}
          leftSection={<IconSettings size={18} />}
          active={location.pathname.startsWith("/settings")}
          onClick={props.onNavigate}
          data-testid="nav-settings"
          style={{ borderRadius: 8 }}
        />
      </Stack>
    </Stack>
  );
}
