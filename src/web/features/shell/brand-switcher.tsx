import { Group, Select, Text } from "@mantine/core";
import type { ComboboxItem, ComboboxItemGroup } from "@mantine/core";
import { useNavigate } from "react-router";
import type { TBrand } from "../../api/types.ts";
import { RoleBadge } from "../../components/role-badge.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentBrand } from "../brands/use-current-brand.ts";
import { useUpdateMe } from "../me/use-update-me.ts";
import { brandPath, DEFAULT_SECTION, isSectionSlug } from "../sections/sections.ts";

function groupByClient(brands: TBrand[]): ComboboxItemGroup<ComboboxItem>[] {
  const groups = new Map<string, ComboboxItemGroup<ComboboxItem>>();
  for (const brand of brands) {
    const group = groups.get(brand.clientId) ?? { group: brand.clientName, items: [] };
    group.items.push({ value: brand.id, label: brand.name });
    groups.set(brand.clientId, group);
  }
  return [...groups.values()];
}

/**
 * One Select of every brand the user may see, grouped by client, each with the user's role.
 * The choice is saved to the account and restored on the next visit.
 */
export function BrandSwitcher() {
  const t = useT();
  const navigate = useNavigate();
  const updateMe = useUpdateMe();
  const { brands, current, urlBrandId, urlRest } = useCurrentBrand();
  const byId = new Map((brands ?? []).map((b) => [b.id, b]));

  const choose = (brandId: string | null) => {
    if (!brandId || brandId === current?.id) return;
    updateMe.mutate({ activeBrandId: brandId });
    if (urlBrandId !== undefined) {
      const section = urlRest?.split("/")[0];
      void navigate(brandPath(brandId, isSectionSlug(section) ? section : DEFAULT_SECTION));
    }
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={t("shell.brand")}
        placeholder={brands?.length === 0 ? t("shell.noBrands") : t("shell.brandPlaceholder")}
        data={groupByClient(brands ?? [])}
        value={current?.id ?? null}
        onChange={choose}
        disabled={!brands || brands.length === 0}
        allowDeselect={false}
        searchable={(brands?.length ?? 0) > 8}
        w={260}
        maxDropdownHeight={360}
        comboboxProps={{ width: 340, position: "bottom-start" }}
        renderOption={({ option, checked }) => {
          const brand = byId.get(option.value);
          return (
            <Group justify="space-between" wrap="nowrap" w="100%" gap="sm" data-testid={`brand-option-${option.value}`}>
              <Text size="sm" fw={checked ? 600 : 400} truncate>
                {option.label}
              </Text>
              {brand && <RoleBadge role={brand.role} size="xs" />}
            </Group>
          );
        }}
        data-testid="brand-switcher"
      />
      {current && (
        <span title={t("shell.yourRole", { role: t(`role.${current.role}`) })} data-testid="brand-role">
          <RoleBadge role={current.role} />
        </span>
      )}
    </Group>
  );
}
