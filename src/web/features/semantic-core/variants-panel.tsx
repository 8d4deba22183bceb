import { ActionIcon, Badge, Button, Checkbox, Group, Paper, ScrollArea, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { IconPlus } from "../../components/icons.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { IconWand } from "../sources/source-icons.tsx";
import type { TVariant, TVariantKind } from "./types.ts";
import { useGenerateVariants, useRulePreview } from "./use-rules.ts";

const KIND_COLOR: Record<TVariantKind, string> = {
  translit: "blue",
  layout: "violet",
  typo: "orange",
  abbreviation: "teal",
  manual: "gray",
};

/**
 * Spelling variants of the rule: generated from the name in one click, each with how many stored
 * mentions it finds, so the specialist keeps the ones people really write.
 */
export function VariantsPanel(props: {
  brandId: string;
  name: string;
  kept: TVariant[];
  onChange: (kept: TVariant[]) => void;
  fieldError: (path: string) => string | undefined;
}) {
  const t = useT();
  const format = useFormat();
  const generate = useGenerateVariants(props.brandId);
  const [candidates, setCandidates] = useState<TVariant[]>([]);
  const [abbreviations, setAbbreviations] = useState("");
  const [manual, setManual] = useState("");
  const keptSet = new Set(props.kept.map((v) => v.variant));
  const shown = [...props.kept, ...candidates.filter((c) => !keptSet.has(c.variant))];
  const counts = useRulePreview(
    props.brandId,
    "",
    shown.map((v) => v.variant),
  );
  const countOf = new Map((counts.data?.variants ?? []).map((v) => [v.variant, v]));

  const toggle = (variant: TVariant, keep: boolean) =>
    props.onChange(keep ? [...props.kept, variant] : props.kept.filter((v) => v.variant !== variant.variant));
  const addManual = () => {
    const variant = manual.trim();
    if (!variant) return;
    if (!keptSet.has(variant)) props.onChange([...props.kept, { variant, kind: "manual", from: props.name.trim() }]);
    setManual("");
  };
  const run = () =>
    generate.mutate(
      {
        name: props.name.trim(),
        abbreviations: abbreviations
          .split(",")
          .map((a) => a.trim())
          .filter(Boolean),
      },
      { onSuccess: setCandidates },
    );

  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={500}>
          {t("rules.variants")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("rules.variantsHint")}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t("rules.abbreviations")}
          placeholder={t("rules.abbreviationsPlaceholder")}
          value={abbreviations}
          onChange={(e) => setAbbreviations(e.currentTarget.value)}
          style={{ flex: 1 }}
          size="xs"
          data-testid="rule-abbreviations"
        />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconWand size={14} />}
          onClick={run}
          loading={generate.isPending}
          disabled={!props.name.trim()}
          title={props.name.trim() ? t("rules.generateFrom", { name: props.name.trim() }) : t("rules.needName")}
          data-testid="rule-generate-variants"
        >
          {t("rules.generate")}
        </Button>
      </Group>
      <ErrorAlert error={generate.error} />
      {shown.length === 0 ? (
        <Text size="xs" c="dimmed">
          {props.name.trim() ? t("rules.noVariants") : t("rules.needName")}
        </Text>
      ) : (
        <Paper withBorder>
          <Group justify="space-between" px="sm" py={6} style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
            <Text size="xs" c="dimmed">
              {props.kept.length} / {shown.length}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" variant="subtle" onClick={() => props.onChange(shown)}>
                {t("rules.selectAll")}
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => props.onChange([])}>
                {t("rules.selectNone")}
              </Button>
              <Text size="xs" c="dimmed" w={70} ta="right" pr={4}>
                {t("rules.col.matched")}
              </Text>
            </Group>
          </Group>
          <ScrollArea.Autosize mah={260} type="auto">
            <Stack gap={0} data-testid="rule-variants">
              {shown.map((variant) => {
                const index = props.kept.findIndex((v) => v.variant === variant.variant);
                const count = countOf.get(variant.variant);
                const error = count?.error ?? (index >= 0 ? props.fieldError(`variants.${index}.variant`) : undefined);
                return (
                  <Group key={variant.variant} justify="space-between" wrap="nowrap" px="sm" py={5} gap="sm" data-testid="rule-variant">
                    <Checkbox
                      size="xs"
                      checked={index >= 0}
                      onChange={(e) => toggle(variant, e.currentTarget.checked)}
                      label={
                        <Text span size="sm" ff="monospace">
                          {variant.variant}
                        </Text>
                      }
                      aria-label={`${t("rules.keep")} ${variant.variant}`}
                    />
                    <Group gap={8} wrap="nowrap">
                      <Badge size="xs" variant="light" color={KIND_COLOR[variant.kind]} tt="none">
                        {t(`rules.kind.${variant.kind}`)}
                      </Badge>
                      {error ? (
                        <Tooltip label={error} withArrow multiline maw={320}>
                          <Text size="xs" c="red" w={70} ta="right" truncate data-testid="rule-variant-matches">
                            {t("rules.variantError")}
                          </Text>
                        </Tooltip>
                      ) : (
                        <Text size="xs" ff="monospace" c={count && count.matches > 0 ? undefined : "dimmed"} w={70} ta="right" data-testid="rule-variant-matches">
                          {count ? format.number(count.matches) : "…"}
                        </Text>
                      )}
                    </Group>
                  </Group>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      )}
      <TextInput
        size="xs"
        placeholder={t("rules.addVariantPlaceholder")}
        aria-label={t("rules.addVariant")}
        value={manual}
        onChange={(e) => setManual(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            addManual();
          }
        }}
        rightSection={
          <ActionIcon size="sm" variant="subtle" onClick={addManual} disabled={!manual.trim()} aria-label={t("rules.addVariant")}>
            <IconPlus size={14} />
          </ActionIcon>
        }
        data-testid="rule-add-variant"
      />
    </Stack>
  );
}
