import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { ReputeMark } from "./icons.tsx";
import { LanguageSwitch } from "./language-switch.tsx";

/** The frame of the pages before sign-in: brand mark, language switch and one card. */
export function AuthLayout(props: { title?: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  const t = useT();
  return (
    <Box mih="100vh" style={{ background: "linear-gradient(160deg, var(--mantine-color-repute-0) 0%, var(--mantine-color-gray-0) 55%)" }}>
      <Group justify="space-between" px="xl" py="md">
        <Group gap={10}>
          <ReputeMark size={30} />
          <Stack gap={0}>
            <Text fw={700} size="lg" lh={1.1}>
              {t("app.name")}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t("app.tagline")}
            </Text>
          </Stack>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center px="md" pb={64} pt={24}>
        <Paper withBorder shadow="sm" p={32} w="100%" maw={props.width ?? 440}>
          {props.title && (
            <Stack gap={6} mb="lg">
              <Title order={2} fz={24}>
                {props.title}
              </Title>
              {props.subtitle && (
                <Text c="dimmed" size="sm">
                  {props.subtitle}
                </Text>
              )}
            </Stack>
          )}
          {props.children}
        </Paper>
      </Center>
    </Box>
  );
}
