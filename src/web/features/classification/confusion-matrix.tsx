import { Table, Text } from "@mantine/core";
import { useFormat } from "../../i18n/use-format.ts";
import { confusionRows } from "./accuracy-geometry.ts";

/**
 * Machine's label (rows) against the specialist's (columns): the diagonal is what they kept,
 * shaded green by its share of the row; the rest, what they corrected, shaded red.
 */
export function ConfusionMatrix(props: { confusion: Record<string, Record<string, number>>; order: readonly string[]; labelOf: (label: string) => string; corner: string; totalLabel: string }) {
  const format = useFormat();
  const { labels, rows } = confusionRows(props.confusion, props.order);
  return (
    <Table.ScrollContainer minWidth={160 + labels.length * 64}>
      <Table withTableBorder withColumnBorders highlightOnHover={false} verticalSpacing={6} horizontalSpacing={labels.length > 3 ? 6 : "xs"} fz={labels.length > 3 ? "xs" : "sm"} data-testid="confusion-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Text size="xs" c="dimmed" fw={500}>
                {props.corner}
              </Text>
            </Table.Th>
            {labels.map((label) => (
              <Table.Th key={label} ta="center">
                {props.labelOf(label)}
              </Table.Th>
            ))}
            <Table.Th ta="right" c="dimmed" fw={500}>
              {props.totalLabel}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.machine}>
              <Table.Th fw={600}>{props.labelOf(row.machine)}</Table.Th>
              {row.cells.map((cell) => (
                <Table.Td
                  key={cell.specialist}
                  ta="center"
                  title={row.total > 0 ? `${Math.round(cell.share * 100)}%` : undefined}
                  style={{
                    background:
                      cell.n === 0
                        ? undefined
                        : `color-mix(in srgb, var(--mantine-color-${cell.agrees ? "teal" : "red"}-3) ${Math.round(20 + cell.share * 80)}%, transparent)`,
                    fontWeight: cell.agrees ? 600 : undefined,
                  }}
                  data-cell={`${row.machine}:${cell.specialist}`}
                >
                  {cell.n === 0 ? <Text span c="gray.4">0</Text> : format.number(cell.n)}
                </Table.Td>
              ))}
              <Table.Td ta="right" c="dimmed">
                {format.number(row.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
