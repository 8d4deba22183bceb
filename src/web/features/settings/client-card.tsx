import { ActionIcon, Badge, Button, Card, Group, Table, Text, Tooltip } from "@mantine/core";
import type { TClient } from "../../api/types.ts";
import { IconBuilding, IconPencil, IconPlus, IconTrash } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";

export type TBrandRef = { id: string; name: string };

type TClientCardProps = {
  client: TClient;
  onAddBrand: () => void;
  onRename: () => void;
  onDelete: () => void;
  onRenameBrand: (brand: TBrandRef) => void;
  onDeleteBrand: (brand: TBrandRef) => void;
};

export function ClientCard(props: TClientCardProps) {
  const t = useT();
  const format = useFormat();
  const { client } = props;
  const hasBrands = client.brands.length > 0;
  return (
    <Card data-testid="client-card" data-client-name={client.name}>
      <Group justify="space-between" wrap="nowrap" mb={hasBrands ? "sm" : 0}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconBuilding size={20} color="var(--mantine-color-gray-6)" />
          <Text fw={600} size="lg" truncate title={client.name}>
            {client.name}
          </Text>
          <Badge variant="default" radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
            {t("clients.brandsCount", { count: format.number(client.brands.length) })}
          </Badge>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={props.onAddBrand} data-testid="client-add-brand">
            {t("brands.add")}
          </Button>
          <Tooltip label={t("common.rename")} withArrow>
            <ActionIcon variant="subtle" color="gray" onClick={props.onRename} aria-label={t("common.rename")} data-testid="client-rename">
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={hasBrands ? t("clients.deleteBlocked") : t("common.delete")} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={props.onDelete}
              disabled={hasBrands}
              aria-label={t("common.delete")}
              data-testid="client-delete"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {hasBrands ? (
        <Table withRowBorders={false} verticalSpacing={6} highlightOnHover>
          <Table.Tbody>
            {client.brands.map((brand) => (
              <Table.Tr key={brand.id} data-testid="brand-row" data-brand-name={brand.name}>
                <Table.Td pl={34}>
                  <Text size="sm" className="break-anywhere">
                    {brand.name}
                  </Text>
                </Table.Td>
                <Table.Td w={90}>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t("common.rename")} withArrow>
                      <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => props.onRenameBrand(brand)} aria-label={t("common.rename")}>
                        <IconPencil size={14} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t("common.delete")} withArrow>
                      <ActionIcon variant="subtle" color="red" size="sm" onClick={() => props.onDeleteBrand(brand)} aria-label={t("common.delete")}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed" mt="xs" pl={34}>
          {t("clients.noBrands")}
        </Text>
      )}
    </Card>
  );
}
