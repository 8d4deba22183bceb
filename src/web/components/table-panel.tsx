import { Paper, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { EmptyMessage } from "./empty-state.tsx";

/** A bordered, horizontally scrollable table — or, with no rows, a compact empty message in its place. */
export function TablePanel(props: {
  isEmpty: boolean;
  empty: { icon: ReactNode; title: string; testId?: string };
  minWidth: number;
  children: ReactNode;
}) {
  if (props.isEmpty)
    return (
      <Paper withBorder p="lg">
        <EmptyMessage compact icon={props.empty.icon} title={props.empty.title} testId={props.empty.testId} />
      </Paper>
    );
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={props.minWidth}>{props.children}</Table.ScrollContainer>
    </Paper>
  );
}
