import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function PageHeader(props: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="lg" gap="md">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Title order={2} fz={24}>
          {props.title}
        </Title>
        {props.description && (
          <Text c="dimmed" size="sm" maw={720}>
            {props.description}
          </Text>
        )}
      </Stack>
      {props.actions && <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>{props.actions}</Group>}
    </Group>
  );
}
