import { Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import type { TAuditEntry } from "../../api/types.ts";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconHistory } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useBrands } from "../brands/use-brands.ts";
import { useAuditLog } from "./use-audit.ts";

/** `role: specialist · email: bob@example.com` — readable, and the full JSON on hover. */
function detailsText(details: Record<string, unknown>): { short: string; full: string } | null {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  const short = entries
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
  return { short, full: JSON.stringify(details, null, 2) };
}

/** Settings → Audit log: newest first, filtered by brand and action, paged with a cursor. */
export function AuditPage() {
  const t = useT();
  const brands = useBrands();
  const [brandId, setBrandId] = useState<string>("");
  const [action, setAction] = useState("");
  const [debouncedAction] = useDebouncedValue(action.trim(), 400);
  const audit = useAuditLog({ brandId: brandId || undefined, action: debouncedAction || undefined });
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <Group mb="md" gap="md" align="flex-end">
        <Select
          label={t("audit.filterBrand")}
          data={[
            { value: "", label: t("audit.allBrands") },
            ...(brands.data ?? []).map((b) => ({ value: b.id, label: `${b.name} · ${b.clientName}` })),
          ]}
          value={brandId}
          onChange={(value) => setBrandId(value ?? "")}
          allowDeselect={false}
          searchable
          w={300}
          data-testid="audit-brand-filter"
        />
        <TextInput
          label={t("audit.filterAction")}
          placeholder={t("audit.filterActionPlaceholder")}
          value={action}
          onChange={(event) => setAction(event.currentTarget.value)}
          w={240}
          data-testid="audit-action-filter"
        />
      </Group>
      {audit.isPending ? (
        <PageLoader />
      ) : audit.error && entries.length === 0 ? (
        <ErrorAlert error={audit.error} />
      ) : entries.length === 0 ? (
        <Paper withBorder p="lg">
          <EmptyMessage compact icon={<IconHistory size={20} />} title={t("audit.empty")} testId="audit-empty" />
        </Paper>
      ) : (
        <Stack gap="md">
          <Paper withBorder>
            <Table.ScrollContainer minWidth={940}>
              <Table data-testid="audit-table" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={150}>{t("audit.time")}</Table.Th>
                    <Table.Th w={170}>{t("audit.actor")}</Table.Th>
                    <Table.Th w={150}>{t("audit.action")}</Table.Th>
                    <Table.Th w={120}>{t("audit.object")}</Table.Th>
                    <Table.Th w={120}>{t("audit.brand")}</Table.Th>
                    <Table.Th>{t("audit.details")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {audit.error && <ErrorAlert error={audit.error} />}
          {audit.hasNextPage ? (
            <Button
              variant="default"
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              w="fit-content"
              data-testid="audit-load-more"
            >
              {t("common.loadMore")}
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              {t("audit.end")}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  const format = useFormat();
  const details = detailsText(entry.details);
  const actor = entry.actor?.email ?? entry.actorLabel ?? t("audit.system");
  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {format.dateTime(entry.at)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="break-anywhere">
          {actor}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code fz="xs">{entry.action}</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{entry.objectType}</Text>
        {entry.objectId && (
          <Text size="xs" c="dimmed" ff="monospace" truncate maw={110} title={entry.objectId}>
            {entry.objectId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="break-anywhere">
          {entry.brandName ?? t("common.none")}
        </Text>
      </Table.Td>
      <Table.Td>
        {details ? (
          <Text size="xs" c="dimmed" lineClamp={2} className="break-anywhere" title={details.full}>
            {details.short}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("common.none")}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
