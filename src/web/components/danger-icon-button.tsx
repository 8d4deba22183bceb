import { ActionIcon, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";

/** A red icon button with a tooltip, for row actions that revoke or delete after a confirmation. */
export function DangerIconButton(props: { label: string; testId: string; icon: ReactNode; onClick: () => void }) {
  return (
    <Tooltip label={props.label} withArrow>
      <ActionIcon variant="subtle" color="red" onClick={props.onClick} aria-label={props.label} data-testid={props.testId}>
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}
