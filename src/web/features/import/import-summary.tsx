import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import type { TImportSummary } from "./types.ts";

const COUNTS = ["read", "inserted", "updated", "unchanged", "duplicates", "rejected"] as const;

/** What an import (or a dry run) did: the counts, the unmatched note, the skipped rows by number. */
export function ImportSummaryView(props: { summary: TImportSummary; onAnother: () => void; onImport?: () => void; busy?: boolean }) {
  const t = useT();
  const format = useFormat();
  const { summary } = props;
  return (
    <Stack gap="lg" data-testid="import-summary">
      <Group gap="sm" align="baseline">
        <Title order={4}>{t(summary.dryRun ? "import.summary.dry" : "import.summary.done", { file: summary.file })}</Title>
        <Text size="sm" c="dimmed">
          {t("import.summary.seconds", { seconds: summary.seconds })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {COUNTS.map((key) => (
          <Paper withBorder p="md" key={key} data-testid={`import-count-${key}`}>
            <Text size="xs" c="dimmed">
              {t(`import.summary.${key}` satisfies TMessageKey)}
            </Text>
            <Text fz={22} fw={600} c={key === "rejected" && summary.rejected > 0 ? "red" : undefined}>
              {format.number(summary[key])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {summary.unmatched > 0 && (
        <Alert variant="light" color="gray">
          {t("import.summary.unmatched", { count: format.number(summary.unmatched) })}
        </Alert>
      )}
      {summary.rejections.length > 0 && (
        <div>
          <Title order={5} mb="xs">
            {t("import.summary.rejections")}
          </Title>
          <Stack gap={2} data-testid="import-rejections">
            {summary.rejections.map((r) => (
              <Text size="sm" key={`${r.row}-${r.column ?? ""}`} ff="monospace" className="break-anywhere">
                {t(summary.format === "jsonl" ? "import.summary.lineAt" : "import.summary.rowAt", { row: r.row })}
                {r.column ? `, «${r.column}»` : ""}: {r.reason}
              </Text>
            ))}
            {summary.rejected > summary.rejections.length && (
              <Text size="sm" c="dimmed">
                {t("import.summary.more", { count: format.number(summary.rejected - summary.rejections.length) })}
              </Text>
            )}
          </Stack>
        </div>
      )}
      <Group>
        {props.onImport && (
          <Button onClick={props.onImport} loading={props.busy} data-testid="import-run-after-check">
            {t("import.run")}
          </Button>
        )}
        <Button variant="default" onClick={props.onAnother} disabled={props.busy}>
          {t("import.another")}
        </Button>
      </Group>
    </Stack>
  );
}
