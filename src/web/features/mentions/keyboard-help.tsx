import { ActionIcon, Group, Kbd, Popover, Stack, Text } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { IconKeyboard } from "./mention-icons.tsx";

/** Between the keys of a sequence (t, then 1–5); keys listed without it are alternatives. */
const THEN = "→";

/** The keys of the feed and of the review queue; triage keys only for agency roles. */
export function KeyboardHelp({ canWork, queue = false }: { canWork: boolean; queue?: boolean }) {
  const t = useT();
  const rows: [string[], TMessageKey][] = [
    [["j", "k"], "mentions.keys.move"],
    [["o"], "mentions.keys.open"],
    [["Enter"], "mentions.keys.details"],
    ...(queue ? [] : ([[["/"], "mentions.keys.search"]] as [string[], TMessageKey][])),
    ...(canWork
      ? ([
          [["x"], "mentions.keys.select"],
          [["y"], "mentions.keys.confirm"],
          [["1", "2", "3"], "mentions.keys.sentiment"],
          [["t", THEN, "1–5"], "mentions.keys.type"],
          [["t", THEN, "y"], "mentions.keys.typeConfirm"],
          [["r"], "mentions.keys.read"],
        ] as [string[], TMessageKey][])
      : []),
  ];
  return (
    <Stack gap={6}>
      {rows.map(([keys, label]) => (
        <Group key={label} gap="sm" wrap="nowrap" justify="space-between">
          <Text size="xs">{t(label)}</Text>
          <Group gap={4} wrap="nowrap">
            {keys.map((k) =>
              k === THEN ? (
                <Text key={k} size="xs" c="dimmed">
                  {THEN}
                </Text>
              ) : (
                <Kbd key={k} size="xs">
                  {k}
                </Kbd>
              ),
            )}
          </Group>
        </Group>
      ))}
      {queue && canWork && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("mentions.keys.queueNote")}
        </Text>
      )}
    </Stack>
  );
}

/** The keyboard icon that opens the list of keys. */
export function KeyboardHelpButton(props: { canWork: boolean; queue?: boolean }) {
  const t = useT();
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={300}>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t("mentions.keys.title")} data-testid="mentions-keys">
          <IconKeyboard size={18} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb="xs">
          {t("mentions.keys.title")}
        </Text>
        <KeyboardHelp canWork={props.canWork} queue={props.queue} />
      </Popover.Dropdown>
    </Popover>
  );
}
