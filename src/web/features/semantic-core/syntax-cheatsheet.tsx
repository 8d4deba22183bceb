import { Accordion, Code, Table, Text } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { IconBook } from "../sources/source-icons.tsx";

/** The query language in brief (the full table is in `features/semantic-core/README.md`). */
const ROWS: [string, TMessageKey][] = [
  ["отзыв", "rules.cheat.word"],
  ["достав*", "rules.cheat.prefix"],
  ['"служба доставки"', "rules.cheat.phrase"],
  ["a AND b", "rules.cheat.and"],
  ["a OR b", "rules.cheat.or"],
  ["a AND NOT b", "rules.cheat.not"],
  ["a NEAR/3 b", "rules.cheat.near"],
  ["(a OR b) AND c", "rules.cheat.group"],
];

export function SyntaxCheatsheet(props: { defaultOpen?: boolean }) {
  const t = useT();
  return (
    <Accordion variant="contained" radius="md" defaultValue={props.defaultOpen ? "syntax" : null} data-testid="rules-cheatsheet">
      <Accordion.Item value="syntax" bg="white">
        <Accordion.Control icon={<IconBook size={16} />}>
          <Text size="sm" fw={500}>
            {t("rules.cheatsheet")}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
            <Table.Tbody>
              {ROWS.map(([example, meaning]) => (
                <Table.Tr key={example}>
                  <Table.Td w={180}>
                    <Code fz="xs">{example}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{t(meaning)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {t("rules.cheat.note")}
          </Text>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
