import { Group, Kbd, Paper, Text } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { NEGATIVE_TYPES } from "./types.ts";

/** Shown on the focused mention after `t`: which key sets which type of negative (y: keep the machine's, while it is the machine's). */
export function TypeStepPrompt({ canKeep }: { canKeep: boolean }) {
  const t = useT();
  return (
    <Paper bg="red.0" px="sm" py={6} radius="sm" data-testid="type-step-prompt" role="status">
      <Group gap="sm" wrap="wrap" style={{ rowGap: 4 }}>
        <Text size="xs" fw={600}>
          {t("mentions.typeStep.title")}
        </Text>
        {NEGATIVE_TYPES.map((type, i) => (
          <Group key={type} gap={4} wrap="nowrap">
            <Kbd size="xs">{i + 1}</Kbd>
            <Text size="xs">{t(`mentions.negType.${type}` satisfies TMessageKey)}</Text>
          </Group>
        ))}
        {canKeep && (
          <Group gap={4} wrap="nowrap">
            <Kbd size="xs">y</Kbd>
            <Text size="xs">{t("mentions.typeStep.keep")}</Text>
          </Group>
        )}
        <Group gap={4} wrap="nowrap">
          <Kbd size="xs">Esc</Kbd>
          <Text size="xs" c="dimmed">
            {t("mentions.typeStep.cancel")}
          </Text>
        </Group>
      </Group>
    </Paper>
  );
}
