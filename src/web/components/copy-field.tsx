import { ActionIcon, Code, CopyButton, Group, Tooltip } from "@mantine/core";
import { useT } from "../i18n/i18n-context.tsx";
import { IconCheck, IconCopy } from "./icons.tsx";

/** A secret or a link shown once, with a copy button. */
export function CopyField(props: { value: string; testId: string }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code
        block
        className="break-anywhere"
        style={{ flex: 1, fontSize: 13, whiteSpace: "pre-wrap" }}
        data-testid={props.testId}
      >
        {props.value}
      </Code>
      <CopyButton value={props.value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t("common.copied") : t("common.copy")} withArrow>
            <ActionIcon
              variant={copied ? "filled" : "light"}
              size="lg"
              onClick={copy}
              aria-label={t("common.copy")}
              data-testid={`${props.testId}-copy`}
            >
              {copied ? <IconCheck /> : <IconCopy />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
