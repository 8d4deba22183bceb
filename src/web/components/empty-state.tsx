import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** One look for every "nothing here (yet)" message. */
export function EmptyMessage(props: { icon: ReactNode; title: string; description?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <EmptyState
      icon={props.icon}
      variant="light"
      title={props.title}
      description={props.description}
      py={48}
      data-testid={props.testId}
    >
      {props.actions && <EmptyState.Actions>{props.actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
