import { ActionIcon, Alert, Badge, Button, Code, Group, Paper, Stack, Switch, Table, Text, Title, Tooltip } from "@mantine/core";
import type { TBrand } from "../../api/types.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { DangerIconButton } from "../../components/danger-icon-button.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconPencil, IconPlus, IconTrash } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDialog } from "../../components/use-dialog.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { IconWand } from "../sources/source-icons.tsx";
import { useSettingsBrand } from "../sources/use-settings-brand.ts";
import { RuleModal } from "./rule-modal.tsx";
import { SyntaxCheatsheet } from "./syntax-cheatsheet.tsx";
import { RULE_GROUPS, type TRule, type TRuleGroup } from "./types.ts";
import { useDeleteRule, useRules, useUpdateRule } from "./use-rules.ts";

/** Settings → Semantic core: the current brand's rules by group, with how many mentions each matched. */
export function RulesPage() {
  const t = useT();
  const { brand, canWork, isPending } = useSettingsBrand();
  if (isPending) return <PageLoader />;
  if (!brand)
    return (
      <>
        <PageHeader title={t("rules.tab")} />
        <Paper withBorder p="lg">
          <EmptyMessage compact icon={<IconWand size={20} />} title={t("rules.noBrand")} />
        </Paper>
      </>
    );
  return <BrandRules key={brand.id} brand={brand} canWork={canWork} />;
}

function BrandRules({ brand, canWork }: { brand: TBrand; canWork: boolean }) {
  const t = useT();
  const rules = useRules(brand.id);
  const editor = useDialog<{ rule: TRule | null; group: TRuleGroup }>();
  const deleting = useDialog<TRule>();
  const remove = useDeleteRule(brand.id);

  return (
    <>
      <PageHeader
        title={t("rules.title", { brand: brand.name })}
        description={t("rules.description")}
        actions={
          canWork && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => editor.open({ rule: null, group: "brand" })} data-testid="rules-add">
              {t("rules.add")}
            </Button>
          )
        }
      />
      {!canWork && (
        <Alert variant="light" color="gray" mb="lg">
          {t("rules.notAgency", { brand: brand.name })}
        </Alert>
      )}
      <SyntaxCheatsheet />
      <QueryState query={rules}>
        {(list) => (
          <Stack gap="lg" mt="lg">
            {!list.some((r) => r.group !== "exclusions") && (
              <Alert variant="light" color="blue" data-testid="rules-none">
                {t("rules.noRulesYet")}
              </Alert>
            )}
            {RULE_GROUPS.map((group) => (
              <GroupPanel
                key={group}
                group={group}
                rules={list.filter((r) => r.group === group)}
                brandId={brand.id}
                canWork={canWork}
                onAdd={() => editor.open({ rule: null, group })}
                onEdit={(rule) => editor.open({ rule, group: rule.group })}
                onDelete={(rule) => {
                  remove.reset();
                  deleting.open(rule);
                }}
              />
            ))}
          </Stack>
        )}
      </QueryState>

      <RuleModal brandId={brand.id} opened={editor.opened} rule={editor.data?.rule ?? null} group={editor.data?.group ?? "brand"} onClose={editor.close} />
      <ConfirmModal
        opened={deleting.opened}
        title={t("rules.deleteTitle")}
        confirmLabel={t("common.delete")}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting.data && remove.mutate(deleting.data.id, { onSuccess: deleting.close })}
        onClose={deleting.close}
      >
        {deleting.data && t("rules.deleteText", { name: deleting.data.name })}
      </ConfirmModal>
    </>
  );
}

function GroupPanel(props: {
  group: TRuleGroup;
  rules: TRule[];
  brandId: string;
  canWork: boolean;
  onAdd: () => void;
  onEdit: (rule: TRule) => void;
  onDelete: (rule: TRule) => void;
}) {
  const t = useT();
  const groupName = t(`rules.group.${props.group}`);
  return (
    <Paper withBorder data-testid="rule-group" data-group={props.group}>
      <Group justify="space-between" wrap="nowrap" px="md" py="sm" gap="md">
        <div style={{ minWidth: 0 }}>
          <Group gap={8}>
            <Title order={4} fz="md">
              {groupName}
            </Title>
            <Badge size="sm" variant="light" color={props.group === "exclusions" ? "red" : "gray"} circle>
              {props.rules.length}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`rules.groupHint.${props.group}`)}
          </Text>
        </div>
        {props.canWork && (
          <Tooltip label={t("rules.addTo", { group: groupName })} withArrow>
            <ActionIcon variant="light" onClick={props.onAdd} aria-label={t("rules.addTo", { group: groupName })} data-testid={`rules-add-${props.group}`}>
              <IconPlus size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {props.rules.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="22%">{t("rules.col.rule")}</Table.Th>
                <Table.Th>{t("rules.col.query")}</Table.Th>
                <Table.Th w={110} ta="right">
                  <Tooltip label={t("rules.matchedHint")} withArrow multiline maw={260}>
                    <span>{t("rules.col.matched")}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th w={70}>{t("rules.col.enabled")}</Table.Th>
                {props.canWork && <Table.Th w={80} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rules.map((rule) => (
                <RuleRow key={rule.id} rule={rule} {...props} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function RuleRow(props: { rule: TRule; brandId: string; canWork: boolean; onEdit: (rule: TRule) => void; onDelete: (rule: TRule) => void }) {
  const { rule } = props;
  const t = useT();
  const format = useFormat();
  const update = useUpdateRule(props.brandId);
  return (
    <Table.Tr data-testid="rule-row" data-rule-name={rule.name} style={rule.enabled ? undefined : { opacity: 0.55 }}>
      <Table.Td>
        <Text size="sm" fw={600} className="break-anywhere">
          {rule.name}
        </Text>
        {rule.variants.length > 0 && (
          <Tooltip label={rule.variants.map((v) => v.variant).join(", ")} withArrow multiline maw={360}>
            <Text size="xs" c="dimmed" span>
              {t("rules.variantsCount", { count: rule.variants.length })}
            </Text>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td>
        <Code fz="xs" className="break-anywhere" style={{ whiteSpace: "pre-wrap" }} data-testid="rule-query">
          {rule.query}
        </Code>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" ff="monospace" c={rule.matchedMentions > 0 ? undefined : "dimmed"} data-testid="rule-matched">
          {format.number(rule.matchedMentions)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Switch
          size="sm"
          checked={rule.enabled}
          disabled={!props.canWork || update.isPending}
          onChange={(e) => update.mutate({ id: rule.id, enabled: e.currentTarget.checked })}
          aria-label={t("rules.enable")}
          data-testid="rule-enabled"
        />
      </Table.Td>
      {props.canWork && (
        <Table.Td>
          <Group gap={2} justify="flex-end" wrap="nowrap">
            <Tooltip label={t("rules.edit")} withArrow>
              <ActionIcon variant="subtle" color="gray" onClick={() => props.onEdit(rule)} aria-label={t("rules.edit")} data-testid="rule-edit">
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <DangerIconButton label={t("rules.delete")} testId="rule-delete" icon={<IconTrash size={16} />} onClick={() => props.onDelete(rule)} />
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
