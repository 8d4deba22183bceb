import { Alert, Badge, Button, FileInput, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { TBrand } from "../../api/types.ts";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { IconAlertTriangle, IconInbox } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { TablePanel } from "../../components/table-panel.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useCurrentBrand } from "../brands/use-current-brand.ts";
import { NotFoundPage } from "../shell/not-found-page.tsx";
import { ImportSummaryView } from "./import-summary.tsx";
import { IMPORT_FIELDS, IMPORT_MAX_BYTES, IMPORT_PRESETS, type TColumnChoices, type TImportField, type TImportOptions, type TImportPreset, type TInspection } from "./types.ts";
import { previewImport, runImport } from "./upload.ts";

const DEFAULT_TZ = "Europe/Moscow";
const ACCEPT = ".jsonl,.ndjson,.json,.csv,.tsv,.txt,.xlsx";
const MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;

/**
 * `/b/:brandId/import`: upload a file, see how it is read (format, preset, which column fills
 * which field, the first rows), adjust, then import and read the summary. Agency roles only;
 * the server checks again.
 */
export function ImportPage() {
  const { current } = useCurrentBrand();
  if (!current) return <NotFoundPage />;
  return <BrandImport key={current.id} brand={current} />;
}

function BrandImport({ brand }: { brand: TBrand }) {
  const t = useT();
  const canImport = brand.role === "admin" || brand.role === "specialist";
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<TInspection | null>(null);
  const [choices, setChoices] = useState<TColumnChoices>({});
  const [preset, setPreset] = useState<TImportPreset | null>(null);
  const [tz, setTz] = useState(DEFAULT_TZ);
  const [changed, setChanged] = useState(false);

  const preview = useMutation({
    mutationFn: ({ file, options }: { file: File; options: TImportOptions }) => previewImport(brand.id, file, options),
    onSuccess: (result) => {
      setInspection(result);
      setPreset(result.preset);
      setChoices(Object.fromEntries(result.columns.map((c) => [c.name, c.field])));
      setChanged(false);
    },
  });
  const importing = useMutation({
    mutationFn: ({ file, options }: { file: File; options: TImportOptions }) => runImport(brand.id, file, options),
  });

  const tabular = inspection !== null && inspection.format !== "jsonl";
  const options = (dryRun = false): TImportOptions => ({ preset: preset ?? undefined, tz: tz.trim() || undefined, mapping: tabular ? choices : undefined, dryRun });
  const tooBig = file !== null && file.size > IMPORT_MAX_BYTES;

  const choose = (next: File | null) => {
    setFile(next);
    setInspection(null);
    preview.reset();
    importing.reset();
    if (next && next.size <= IMPORT_MAX_BYTES) preview.mutate({ file: next, options: { tz: tz.trim() || undefined } });
  };
  const reset = () => choose(null);

  const header = (
    <PageHeader title={t("import.title")} description={t("import.description", { client: brand.clientName, brand: brand.name, size: MAX_MB })} />
  );
  if (!canImport)
    return (
      <>
        {header}
        <Alert variant="light" color="gray" data-testid="import-not-agency">
          {t("import.notAgency", { brand: brand.name })}
        </Alert>
      </>
    );

  if (importing.data)
    return (
      <>
        {header}
        <ImportSummaryView
          summary={importing.data}
          onAnother={reset}
          onImport={importing.data.dryRun && file ? () => importing.mutate({ file, options: options(false) }) : undefined}
          busy={importing.isPending}
        />
      </>
    );

  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <FileInput
              label={t("import.file")}
              placeholder={t("import.filePlaceholder")}
              accept={ACCEPT}
              value={file}
              onChange={choose}
              clearable
              disabled={importing.isPending}
              data-testid="import-file"
            />
            {tooBig && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
                {t("import.tooBig", { size: MAX_MB, brandId: brand.id })}
              </Alert>
            )}
            {preview.isPending && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t("import.reading")}
                </Text>
              </Group>
            )}
            <ErrorAlert error={preview.error} />
          </Stack>
        </Paper>

        {inspection && file && (
          <>
            <Detected inspection={inspection} />
            {tabular ? (
              <Paper withBorder p="lg">
                <Stack gap="md">
                  <Group align="flex-end" gap="md" wrap="wrap">
                    <Select
                      label={t("import.preset")}
                      data={IMPORT_PRESETS.map((p) => ({
                        value: p,
                        label: p === inspection.detectedPreset ? t("import.presetDetected", { preset: t(`import.preset.${p}` satisfies TMessageKey) }) : t(`import.preset.${p}` satisfies TMessageKey),
                      }))}
                      value={preset}
                      allowDeselect={false}
                      onChange={(value) => {
                        if (!value) return;
                        setPreset(value as TImportPreset);
                        preview.mutate({ file, options: { preset: value as TImportPreset, tz: tz.trim() || undefined } });
                      }}
                      w={300}
                      data-testid="import-preset"
                    />
                    <TextInput label={t("import.tz")} description={t("import.tzHint")} value={tz} onChange={(e) => { setTz(e.currentTarget.value); setChanged(true); }} w={320} />
                  </Group>
                  <MappingTable inspection={inspection} choices={choices} onChange={(column, field) => { setChoices({ ...choices, [column]: field }); setChanged(true); }} />
                  {inspection.problems.length > 0 && !changed && (
                    <Alert color="orange" variant="light" title={t("import.problems")} icon={<IconAlertTriangle />} data-testid="import-problems">
                      <Stack gap={2}>
                        {inspection.problems.map((p) => (
                          <Text size="sm" key={p}>
                            {p}
                          </Text>
                        ))}
                      </Stack>
                    </Alert>
                  )}
                </Stack>
              </Paper>
            ) : (
              <Text size="sm" c="dimmed">
                {t("import.jsonlHint")}
              </Text>
            )}

            <div>
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t("import.previewTitle")}</Title>
                {changed && (
                  <Button variant="default" size="xs" loading={preview.isPending} onClick={() => preview.mutate({ file, options: options() })} data-testid="import-update-preview">
                    {t("import.updatePreview")}
                  </Button>
                )}
              </Group>
              {changed ? (
                <Text size="sm" c="dimmed">
                  {t("import.previewChanged")}
                </Text>
              ) : (
                <PreviewTable inspection={inspection} />
              )}
            </div>

            <ErrorAlert error={importing.error} />
            {importing.isPending && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t("import.running")}
                </Text>
              </Group>
            )}
            <Group>
              <Button onClick={() => importing.mutate({ file, options: options(false) })} loading={importing.isPending} data-testid="import-run">
                {t("import.run")}
              </Button>
              <Button variant="default" onClick={() => importing.mutate({ file, options: options(true) })} disabled={importing.isPending} data-testid="import-dry-run">
                {t("import.dryRun")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

function Detected({ inspection }: { inspection: TInspection }) {
  const t = useT();
  const { details } = inspection;
  const parts = [
    details.sheet ? t("import.sheet", { sheet: details.sheet }) : null,
    details.delimiter ? t("import.delimiter", { delimiter: details.delimiter === "\t" ? "Tab" : details.delimiter }) : null,
    details.encoding && details.encoding !== "utf-8" ? t("import.encoding", { encoding: details.encoding }) : null,
    details.headerRow && details.headerRow > 1 ? t("import.headerRow", { row: details.headerRow }) : null,
  ].filter(Boolean);
  return (
    <Group gap="xs" data-testid="import-detected">
      <Text size="sm" c="dimmed">
        {t("import.detected")}
      </Text>
      <Badge variant="light">{t(`import.format.${inspection.format}` satisfies TMessageKey)}</Badge>
      {parts.length > 0 && (
        <Text size="sm" c="dimmed">
          {parts.join(" · ")}
        </Text>
      )}
    </Group>
  );
}

function MappingTable(props: { inspection: TInspection; choices: TColumnChoices; onChange: (column: string, field: TImportField | null) => void }) {
  const t = useT();
  const fieldOptions = [{ value: "", label: t("import.notImported") }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: `${t(`import.field.${f}` satisfies TMessageKey)} (${f})` }))];
  return (
    <Stack gap="xs">
      <div>
        <Title order={5}>{t("import.mapping")}</Title>
        <Text size="sm" c="dimmed">
          {t("import.mappingHint")}
        </Text>
      </div>
      <TablePanel isEmpty={props.inspection.columns.length === 0} empty={{ icon: <IconInbox size={20} />, title: t("import.problems") }} minWidth={760}>
        <Table data-testid="import-mapping" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t("import.col.column")}</Table.Th>
              <Table.Th w={280}>{t("import.col.field")}</Table.Th>
              <Table.Th>{t("import.col.samples")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.inspection.columns.map((column) => (
              <Table.Tr key={column.name} data-testid="import-mapping-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {column.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={fieldOptions}
                    value={props.choices[column.name] ?? ""}
                    onChange={(value) => props.onChange(column.name, value ? (value as TImportField) : null)}
                    allowDeselect={false}
                    searchable
                    aria-label={column.name}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2} className="break-anywhere">
                    {column.samples.filter(Boolean).join(" · ")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TablePanel>
    </Stack>
  );
}

function PreviewTable({ inspection }: { inspection: TInspection }) {
  const t = useT();
  const format = useFormat();
  if (inspection.preview.length === 0) return null;
  return (
    <TablePanel isEmpty={false} empty={{ icon: <IconInbox size={20} />, title: "" }} minWidth={860}>
      <Table data-testid="import-preview" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t("import.col.row")}</Table.Th>
            <Table.Th w={170}>{t("import.col.published")}</Table.Th>
            <Table.Th w={130}>{t("import.col.source")}</Table.Th>
            <Table.Th w={160}>{t("import.col.author")}</Table.Th>
            <Table.Th>{t("import.col.text")}</Table.Th>
            <Table.Th w={100}>{t("import.col.sentiment")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.preview.map((row) =>
            row.ok ? (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{format.dateTime(row.publishedAt)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray" size="sm">
                    {row.sourceKind}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {row.kind}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {row.author ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.title && (
                    <Text size="sm" fw={500} lineClamp={1}>
                      {row.title}
                    </Text>
                  )}
                  <Text size="sm" lineClamp={2} className="break-anywhere">
                    {row.text}
                  </Text>
                </Table.Td>
                <Table.Td>{row.sentiment ?? "—"}</Table.Td>
              </Table.Tr>
            ) : (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="red">
                    {row.column ? t("import.rowRejectedColumn", { column: row.column, reason: row.reason }) : t("import.rowRejected", { reason: row.reason })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </TablePanel>
  );
}
