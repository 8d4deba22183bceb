import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, Tooltip } from "@mantine/core";
import { Fragment, useState } from "react";
import type { TBrand } from "../../api/types.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { DangerIconButton } from "../../components/danger-icon-button.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconPencil, IconPlus, IconRadar, IconTrash } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDialog } from "../../components/use-dialog.ts";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { useI18n, useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { HealthBadge, errorKindLabel } from "./health-badge.tsx";
import { useIntervalLabel } from "./interval-label.ts";
import { IconPause, IconPlay } from "./source-icons.tsx";
import { SourceModal } from "./source-modal.tsx";
import type { TSource } from "./types.ts";
import { useDeleteSource, useSourceAction, useSources } from "./use-sources.ts";
import { useSettingsBrand } from "./use-settings-brand.ts";

/** Settings → Sources: the current brand's sources, their health and freshness, and their settings. */
export function SourcesPage() {
  const t = useT();
  const { brand, canWork, isPending } = useSettingsBrand();
  if (isPending) return <PageLoader />;
  if (!brand)
    return (
      <>
        <PageHeader title={t("sources.tab")} />
        <Paper withBorder p="lg">
          <EmptyMessage compact icon={<IconRadar size={20} />} title={t("sources.noBrand")} />
        </Paper>
      </>
    );
  return <BrandSources key={brand.id} brand={brand} canWork={canWork} />;
}

function BrandSources({ brand, canWork }: { brand: TBrand; canWork: boolean }) {
  const t = useT();
  const sources = useSources(brand.id);
  const editor = useDialog<TSource | null>();
  const deleting = useDialog<TSource>();
  const remove = useDeleteSource(brand.id);

  return (
    <>
      <PageHeader
        title={t("sources.title", { brand: brand.name })}
        description={t("sources.description")}
        actions={
          canWork && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => editor.open(null)} data-testid="sources-add">
              {t("sources.add")}
            </Button>
          )
        }
      />
      {!canWork && (
        <Alert variant="light" color="gray" mb="lg">
          {t("sources.notAgency", { brand: brand.name })}
        </Alert>
      )}
      <QueryState query={sources}>
        {(list) =>
          list.length === 0 ? (
            <Paper withBorder p="lg">
              <EmptyMessage
                icon={<IconRadar size={22} />}
                title={t("sources.empty")}
                description={t("sources.emptyHint")}
                testId="sources-empty"
                actions={
                  canWork && (
                    <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => editor.open(null)}>
                      {t("sources.add")}
                    </Button>
                  )
                }
              />
            </Paper>
          ) : (
            <Paper withBorder>
              <Table.ScrollContainer minWidth={1000}>
                <Table verticalSpacing="sm" data-testid="sources-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th miw={240}>{t("sources.col.source")}</Table.Th>
                      <Table.Th w={100}>{t("sources.col.health")}</Table.Th>
                      <Table.Th>{t("sources.col.lastSuccess")}</Table.Th>
                      <Table.Th>{t("sources.col.freshness")}</Table.Th>
                      <Table.Th>{t("sources.col.collected")}</Table.Th>
                      <Table.Th>{t("sources.col.nextRun")}</Table.Th>
                      {canWork && <Table.Th w={130} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((source) => (
                      <SourceRow
                        key={source.id}
                        source={source}
                        brandId={brand.id}
                        canWork={canWork}
                        onEdit={() => editor.open(source)}
                        onDelete={() => {
                          remove.reset();
                          deleting.open(source);
                        }}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )
        }
      </QueryState>

      <SourceModal brandId={brand.id} opened={editor.opened} source={editor.data} onClose={editor.close} />
      <ConfirmModal
        opened={deleting.opened}
        title={t("sources.deleteTitle")}
        confirmLabel={t("sources.delete")}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting.data && remove.mutate(deleting.data.id, { onSuccess: deleting.close })}
        onClose={deleting.close}
      >
        {deleting.data && t("sources.deleteText", { name: deleting.data.name, count: deleting.data.mentionsCount })}
      </ConfirmModal>
    </>
  );
}

function SourceRow(props: { source: TSource; brandId: string; canWork: boolean; onEdit: () => void; onDelete: () => void }) {
  const { source, canWork } = props;
  const t = useT();
  const { locale } = useI18n();
  const format = useFormat();
  const intervalLabel = useIntervalLabel();
  const action = useSourceAction(props.brandId);
  const [pending, setPending] = useState<string | null>(null);
  const act = (kind: "run" | "pause" | "resume") => {
    setPending(kind);
    action.mutate({ id: source.id, action: kind }, { onSettled: () => setPending(null) });
  };
  const failing = source.health === "failing" && source.lastError;
  const due = new Date(source.nextRunAt).getTime() <= Date.now();
  const columns = canWork ? 7 : 6;

  return (
    <Fragment>
      <Table.Tr data-testid="source-row" data-source-name={source.name} style={failing ? { borderBottom: "none" } : undefined}>
        <Table.Td>
          <Text size="sm" fw={600} className="break-anywhere">
            {source.name}
          </Text>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {source.connectorTitle ? source.connectorTitle[locale] : t("sources.connectorMissing", { id: source.connector })}
            </Text>
            {source.ownPlace && (
              <Badge size="xs" variant="light" color="grape" tt="none" style={{ flexShrink: 0 }}>
                {t("sources.ownPlaceBadge")}
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <HealthBadge source={source} />
        </Table.Td>
        <Table.Td>
          <Text size="sm" title={format.dateTime(source.lastSuccessAt)} style={{ whiteSpace: "nowrap" }}>
            {source.lastSuccessAt ? format.relative(source.lastSuccessAt) : t("common.never")}
          </Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: "nowrap" }}>
          {source.lastItemAt ? (
            <>
              <Text size="sm" title={format.dateTime(source.lastItemAt)}>
                {format.relative(source.lastItemAt)}
              </Text>
              <Text size="xs" c="dimmed">
                {t("sources.lastItem")}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t("sources.noItems")}
            </Text>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: "nowrap" }}>
          <Text size="sm">{t("sources.items", { count: format.number(source.itemsCollected) })}</Text>
          <Text size="xs" c="dimmed">
            {t("sources.mentions", { count: format.number(source.mentionsCount) })}
          </Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: "nowrap" }}>
          <Text size="sm" title={format.dateTime(source.nextRunAt)}>
            {source.status === "paused" ? t("common.none") : due ? t("sources.dueNow") : format.relative(source.nextRunAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {t("sources.every", { interval: intervalLabel(source.intervalMinutes) })}
          </Text>
        </Table.Td>
        {canWork && (
          <Table.Td>
            <Group gap={2} justify="flex-end" wrap="nowrap">
              {source.status === "active" ? (
                <>
                  <Tooltip label={t("sources.runNow")} withArrow>
                    <ActionIcon variant="subtle" loading={pending === "run"} onClick={() => act("run")} aria-label={t("sources.runNow")} data-testid="source-run">
                      <IconPlay size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t("sources.pause")} withArrow>
                    <ActionIcon variant="subtle" color="gray" loading={pending === "pause"} onClick={() => act("pause")} aria-label={t("sources.pause")} data-testid="source-pause">
                      <IconPause size={16} />
                    </ActionIcon>
                  </Tooltip>
                </>
              ) : (
                <Tooltip label={t("sources.resume")} withArrow>
                  <ActionIcon variant="subtle" color="green" loading={pending === "resume"} onClick={() => act("resume")} aria-label={t("sources.resume")} data-testid="source-resume">
                    <IconPlay size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
              <Tooltip label={t("sources.edit")} withArrow>
                <ActionIcon variant="subtle" color="gray" onClick={props.onEdit} aria-label={t("sources.edit")} data-testid="source-edit">
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
              <DangerIconButton label={t("sources.delete")} testId="source-delete" icon={<IconTrash size={16} />} onClick={props.onDelete} />
            </Group>
          </Table.Td>
        )}
      </Table.Tr>
      {failing && (
        <Table.Tr data-testid="source-error-row">
          <Table.Td colSpan={columns} pt={0}>
            <Stack gap={2} pl="sm" style={{ borderLeft: "3px solid var(--mantine-color-red-5)" }}>
              <Text size="xs" fw={600} c="red.8">
                {t("sources.errorKind", { kind: errorKindLabel(t, source.lastErrorKind) })}
              </Text>
              <Text size="xs" c="red.9" className="break-anywhere" data-testid="source-error">
                {source.lastError}
              </Text>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
      {action.error !== null && (
        <Table.Tr>
          <Table.Td colSpan={columns}>
            <ErrorAlert error={action.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}
