import { Badge, Box, Button, Divider, Group, HoverCard, Kbd, Stack, Text } from "@mantine/core";
import { IconCheck } from "../../components/icons.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { machinePercent } from "./label-origin.ts";
import { NEGATIVE_TYPES, type TLabelAction, type TMention, type TNegativeType } from "./types.ts";

export const NEGATIVE_TYPE_COLOR: Record<TNegativeType, string> = {
  complaint: "orange",
  outburst: "red",
  attack: "grape",
  troll: "gray",
  employee: "indigo",
};

/**
 * The type of a negative mention as a badge: the machine's with its cue share, a specialist's
 * with a check. Hovering shows the recommended reaction in the interface language and, for
 * agency roles, the other types to choose from (the same as `t` then 1–5).
 */
export function NegativeTypeBadge(props: {
  negativeType: NonNullable<TMention["negativeType"]>;
  canChange: boolean;
  onLabel: (action: TLabelAction) => void;
}) {
  const { t, locale } = useI18n();
  const { negativeType: nt } = props;
  const percent = machinePercent(nt);
  const bySpecialist = nt.origin === "specialist";
  const reaction = nt.reaction[locale];
  return (
    <HoverCard width={320} position="bottom-end" withArrow shadow="md" openDelay={150} closeDelay={150}>
      <HoverCard.Target>
        <Badge
          size="md"
          radius="sm"
          variant="outline"
          color={NEGATIVE_TYPE_COLOR[nt.type]}
          leftSection={bySpecialist ? <IconCheck size={12} /> : undefined}
          style={{ textTransform: "none", cursor: "default" }}
          data-testid="mention-negative-type"
          data-type={nt.type}
          data-origin={nt.origin ?? ""}
          tabIndex={0}
          aria-label={`${t("mentions.negType.label")}: ${t(`mentions.negTypeFull.${nt.type}` satisfies TMessageKey)}`}
        >
          {t(`mentions.negType.${nt.type}` satisfies TMessageKey)}
          {percent !== null && (
            <Text span inherit fw={500} opacity={0.7} ml={5}>
              {percent}%
            </Text>
          )}
        </Badge>
      </HoverCard.Target>
      <HoverCard.Dropdown onClick={(event) => event.stopPropagation()} data-testid="negative-type-card">
        <NegativeTypeDetails negativeType={nt} reaction={reaction} />
        {props.canChange && (
          <>
            <Divider my="sm" />
            <NegativeTypeChoice current={nt} onLabel={props.onLabel} />
          </>
        )}
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

/** The type's full name, who gave it, and the recommended reaction. */
export function NegativeTypeDetails(props: { negativeType: NonNullable<TMention["negativeType"]>; reaction: string }) {
  const { t } = useI18n();
  const nt = props.negativeType;
  const percent = machinePercent(nt);
  return (
    <Stack gap={6}>
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {t(`mentions.negTypeFull.${nt.type}` satisfies TMessageKey)}
        </Text>
        <Group gap={4} wrap="nowrap">
          {nt.origin === "specialist" && <IconCheck size={12} color="var(--mantine-color-teal-7)" />}
          <Text size="xs" c="dimmed">
            {nt.origin === "specialist"
              ? t("mentions.negType.bySpecialist")
              : percent !== null
                ? t("mentions.negType.byModel", { percent })
                : t("mentions.negType.byModelNoScore")}
          </Text>
        </Group>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          {t("mentions.negType.reaction")}
        </Text>
        <Text size="sm" data-testid="negative-type-reaction">
          {props.reaction || t("mentions.negType.reactionPending")}
        </Text>
      </Stack>
    </Stack>
  );
}

/** Choice buttons: the label takes the room, so texts line up on the left and keys on the right. */
const CHOICE_STYLES = { label: { flex: 1 } } as const;

/** The five types with their keys, and keeping the machine's. */
function NegativeTypeChoice(props: { current: NonNullable<TMention["negativeType"]>; onLabel: (action: TLabelAction) => void }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {t("mentions.negType.change")}
      </Text>
      {props.current.origin !== "specialist" && (
        <Button
          size="compact-sm"
          variant="light"
          justify="flex-start"
          styles={CHOICE_STYLES}
          leftSection={<IconCheck size={14} />}
          rightSection={<Kbd size="xs" style={{ whiteSpace: "nowrap" }}>t y</Kbd>}
          onClick={() => props.onLabel({ action: "confirm_negative_type" })}
          data-testid="confirm-negative-type"
        >
          {t("mentions.negType.confirm")}
        </Button>
      )}
      {NEGATIVE_TYPES.map((type, i) => (
        <Button
          key={type}
          size="compact-sm"
          variant={props.current.type === type ? "light" : "subtle"}
          color={props.current.type === type ? NEGATIVE_TYPE_COLOR[type] : "dark"}
          fw={props.current.type === type ? 600 : 400}
          justify="flex-start"
          styles={CHOICE_STYLES}
          leftSection={<TypeSwatch type={type} />}
          rightSection={<Kbd size="xs" style={{ whiteSpace: "nowrap" }}>t {i + 1}</Kbd>}
          onClick={() => props.onLabel({ action: "set_negative_type", negativeType: type })}
          data-testid={`set-negative-type-${type}`}
        >
          {t(`mentions.negType.${type}` satisfies TMessageKey)}
        </Button>
      ))}
    </Stack>
  );
}

/** The type's colour as a small square, for lists of types. */
export function TypeSwatch({ type }: { type: TNegativeType }) {
  return <Box w={10} h={10} bg={`${NEGATIVE_TYPE_COLOR[type]}.6`} style={{ borderRadius: 3, flexShrink: 0 }} />;
}
