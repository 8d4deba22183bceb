import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** One look for every "nothing here (yet)" message. */
export function EmptyMessage(props: {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  testId?: string;
  /** Smaller, for an empty list inside a page that has other content. */
  compact?: boolean;
}) {
  return (
    <EmptyState
      icon={props.icon}
      variant="light"
      size={props.compact ? "sm" : "md"}
      title={props.title}
      description={props.description}
      py={props.compact ? 16 : 48}
      data-testid={props.testId}
    >
      {props.actions && <EmptyState.Actions>{props.actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
