import { Badge, Button, Code, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { TBrand } from "../../api/types.ts";
import { ConfirmModal } from "../../components/confirm-modal.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { usePlural } from "../mentions/use-plural.ts";
import { IconCpu } from "./classification-icons.tsx";
import type { TClassificationSettings } from "./types.ts";
import { useResetAdaptation } from "./use-classification.ts";

/** The built-in model's version and what corrections taught it about this brand, with a reset for agency roles. */
export function ModelCard(props: { brand: TBrand; settings: TClassificationSettings; canWork: boolean }) {
  const t = useT();
  const plural = usePlural();
  const format = useFormat();
  const reset = useResetAdaptation(props.brand.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const { builtin, adaptation } = props.settings;
  const staleModel = adaptation.baseModel !== null && adaptation.baseModel !== builtin.version;

  return (
    <Paper withBorder p="lg" data-testid="classification-model">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Stack gap="xs">
          <Group gap="xs">
            <IconCpu size={20} />
            <Title order={4}>{t("classification.model.title")}</Title>
          </Group>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("classification.model.version")}
            </Text>
            <Code data-testid="classification-model-version">{builtin.version}</Code>
          </Group>
          <Text size="sm" c="dimmed">
            {t("classification.model.text")}
          </Text>
        </Stack>
        <Stack gap="xs">
          <Divider hiddenFrom="md" />
          <Title order={5}>{t("classification.adaptation.title")}</Title>
          <Group gap="sm" align="center">
            <Badge size="lg" variant="light" color={adaptation.corrections > 0 ? "repute" : "gray"} tt="none" data-testid="classification-corrections">
              {plural("classification.adaptation.count", adaptation.corrections)}
            </Badge>
            {adaptation.updatedAt && adaptation.corrections > 0 && (
              <Text size="xs" c="dimmed" title={format.dateTime(adaptation.updatedAt)}>
                {t("classification.adaptation.updated", { when: format.relative(adaptation.updatedAt) })}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {adaptation.corrections > 0 ? t("classification.adaptation.text") : t("classification.adaptation.none")}
          </Text>
          {staleModel && (
            <Text size="xs" c="orange.8">
              {t("classification.adaptation.otherModel", { model: adaptation.baseModel ?? "" })}
            </Text>
          )}
          {done && (
            <Text size="sm" c="repute.8" role="status">
              {t("classification.adaptation.resetDone")}
            </Text>
          )}
          {props.canWork && (adaptation.corrections > 0 || staleModel) && (
            <Button
              variant="default"
              color="red"
              size="xs"
              w="fit-content"
              onClick={() => {
                reset.reset();
                setConfirming(true);
              }}
              data-testid="classification-reset"
            >
              {t("classification.adaptation.reset")}
            </Button>
          )}
        </Stack>
      </SimpleGrid>
      <ConfirmModal
        opened={confirming}
        title={t("classification.adaptation.resetTitle", { brand: props.brand.name })}
        confirmLabel={t("classification.adaptation.reset")}
        danger
        loading={reset.isPending}
        error={reset.error}
        onConfirm={() =>
          reset.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setDone(true);
            },
          })
        }
        onClose={() => setConfirming(false)}
      >
        {t("classification.adaptation.resetText")}
      </ConfirmModal>
    </Paper>
  );
}
