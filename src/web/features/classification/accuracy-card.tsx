import { Grid, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { NEGATIVE_TYPES, SENTIMENTS } from "../mentions/types.ts";
import { accuracyRange, fillWeeks } from "./accuracy-geometry.ts";
import { IconTarget } from "./classification-icons.tsx";
import { ConfusionMatrix } from "./confusion-matrix.tsx";
import { LABEL_FIELDS, type TLabelField } from "./types.ts";
import { useAccuracy } from "./use-classification.ts";
import { WeeklyAccuracyChart } from "./weekly-accuracy-chart.tsx";

const PERIODS = ["12", "26", "52", "all"] as const;
type TPeriod = (typeof PERIODS)[number];

/** The machine's accuracy on specialist-verified mentions: overall, by week, and as a confusion matrix. */
export function AccuracyCard({ brandId }: { brandId: string }) {
  const t = useT();
  const [field, setField] = useState<TLabelField>("sentiment");
  const [period, setPeriod] = useState<TPeriod>("12");
  const range = useMemo(() => accuracyRange(period === "all" ? null : Number(period), new Date()), [period]);
  const accuracy = useAccuracy(brandId, field, range);
  const data = accuracy.data;
  const labelOf = (label: string): string => {
    if (field === "sentiment" && (SENTIMENTS as readonly string[]).includes(label)) return t(`mentions.sentiment.${label}` as TMessageKey);
    if (field === "negative_type" && (NEGATIVE_TYPES as readonly string[]).includes(label)) return t(`mentions.negType.${label}` as TMessageKey);
    return label;
  };

  return (
    <Paper withBorder p="lg" data-testid="classification-accuracy">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} maw={560}>
            <Group gap="xs">
              <IconTarget size={20} />
              <Title order={4}>{t("classification.accuracy.title")}</Title>
              {accuracy.isFetching && <Loader size="xs" />}
            </Group>
            <Text size="sm" c="dimmed">
              {t("classification.accuracy.text")}
            </Text>
          </Stack>
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              value={field}
              onChange={(value) => setField(LABEL_FIELDS.find((f) => f === value) ?? "sentiment")}
              data={LABEL_FIELDS.map((f) => ({ value: f, label: t(`classification.accuracy.field.${f}` satisfies TMessageKey) }))}
              aria-label={t("classification.accuracy.field")}
              data-testid="accuracy-field"
            />
            <SegmentedControl
              size="xs"
              value={period}
              onChange={(value) => setPeriod(PERIODS.find((p) => p === value) ?? "12")}
              data={PERIODS.map((p) => ({ value: p, label: t(`classification.accuracy.period.${p}` satisfies TMessageKey) }))}
              aria-label={t("classification.accuracy.period")}
              data-testid="accuracy-period"
            />
          </Group>
        </Group>

        {accuracy.isPending ? (
          <PageLoader />
        ) : !data ? (
          <ErrorAlert error={accuracy.error} />
        ) : data.verified === 0 ? (
          <EmptyMessage compact icon={<IconTarget size={20} />} title={t("classification.accuracy.none")} testId="accuracy-empty" />
        ) : (
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="xs">
                <Group gap="sm" align="baseline">
                  <Text fz={36} fw={700} lh={1} c="repute.8" data-testid="accuracy-overall">
                    {data.accuracy === null ? "—" : `${Math.round(data.accuracy * 100)}%`}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("classification.accuracy.kept", { correct: data.correct, verified: data.verified })}
                  </Text>
                </Group>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="xs">
                  {t("classification.accuracy.weekly")}
                </Text>
                <WeeklyAccuracyChart weeks={fillWeeks(data.weeks, range.from, new Date())} overall={data.accuracy} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="xs">
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t("classification.accuracy.confusion")}
                </Text>
                <ConfusionMatrix
                  confusion={data.confusion}
                  order={field === "sentiment" ? SENTIMENTS : NEGATIVE_TYPES}
                  labelOf={labelOf}
                  corner={t("classification.accuracy.machine")}
                  totalLabel={t("classification.accuracy.rowTotal")}
                />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Paper>
  );
}
