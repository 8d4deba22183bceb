import { Badge, Group, Kbd, Menu, Rating, Text, Tooltip, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import { IconCheck, IconChevronDown } from "../../components/icons.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import type { TMarkRange } from "./highlight.ts";
import { machinePercent } from "./label-origin.ts";
import { IconComment, IconEye, IconHeart, IconMood, IconShare } from "./mention-icons.tsx";
import { SENTIMENTS, type TMention, type TSentiment, type TTextField } from "./types.ts";

export const SENTIMENT_COLOR: Record<TSentiment, string> = { positive: "teal", neutral: "gray", negative: "red" };

export const GROUP_COLOR: Record<string, string> = {
  brand: "repute",
  products: "blue",
  persons: "grape",
  competitors: "orange",
  employer: "indigo",
  topics: "cyan",
  exclusions: "red",
};

/** Rule hits and search hits of one field, as marks. */
export function marksOf(mention: Pick<TMention, "matches" | "searchHighlights">, field: TTextField): TMarkRange[] {
  const out: TMarkRange[] = [];
  for (const hit of mention.matches) {
    if (hit.group === "exclusions") continue;
    for (const h of hit.highlights) if (h.field === field) out.push({ start: h.start, end: h.end, kind: "rule" });
  }
  for (const h of mention.searchHighlights) if (h.field === field) out.push({ start: h.start, end: h.end, kind: "search" });
  return out;
}

/** Relative time, the exact one on hover. */
export function When({ iso, size = "xs" }: { iso: string; size?: string }) {
  const format = useFormat();
  return (
    <Tooltip label={format.dateTime(iso)} withArrow openDelay={200}>
      <Text component="time" dateTime={iso} size={size} c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {format.relative(iso)}
      </Text>
    </Tooltip>
  );
}

/** Who decided the label and how sure the machine was. */
function sentimentHint(t: ReturnType<typeof useT>, sentiment: NonNullable<TMention["sentiment"]>): string {
  switch (sentiment.origin) {
    case "specialist":
      return t("mentions.sentimentBy.specialist");
    case "rating":
      return t("mentions.sentimentBy.rating");
    case "import":
      return t("mentions.sentimentBy.import");
    default:
      return sentiment.confidence !== null
        ? t("mentions.sentimentBy.modelConfidence", { percent: Math.round(sentiment.confidence * 100) })
        : t("mentions.sentimentBy.model");
  }
}

/**
 * The label as a coloured badge with where it came from: a specialist's carries a check, the
 * machine's shows how sure it was. Agency roles change it from the badge, or keep the machine's.
 */
export function SentimentBadge(props: {
  sentiment: TMention["sentiment"];
  canChange?: boolean;
  onChange?: (label: TSentiment) => void;
  /** Keep the machine's label as the specialist's (offered while the label is not a person's). */
  onConfirm?: () => void;
  testId?: string;
}) {
  const t = useT();
  const { sentiment } = props;
  const percent = machinePercent(sentiment);
  const badge = (trigger: boolean) => (
    <Badge
      color={sentiment ? SENTIMENT_COLOR[sentiment.label] : "gray"}
      variant={sentiment ? "light" : "outline"}
      size="md"
      radius="sm"
      leftSection={sentiment?.origin === "specialist" ? <IconCheck size={12} /> : sentiment ? <IconMood mood={sentiment.label} size={13} /> : undefined}
      rightSection={trigger ? <IconChevronDown size={12} /> : undefined}
      style={{ cursor: trigger ? "pointer" : "default", textTransform: "none" }}
      data-testid={props.testId}
      data-sentiment={sentiment?.label ?? "unlabelled"}
      data-origin={sentiment?.origin ?? ""}
    >
      {sentiment ? t(`mentions.sentiment.${sentiment.label}` satisfies TMessageKey) : t("mentions.sentiment.unlabelled")}
      {percent !== null && (
        <Text span inherit fw={500} opacity={0.7} ml={5} data-testid="label-confidence">
          {percent}%
        </Text>
      )}
    </Badge>
  );
  const hint = sentiment ? sentimentHint(t, sentiment) : t("mentions.sentimentBy.none");
  if (!props.canChange || !props.onChange) {
    return (
      <Tooltip label={hint} withArrow openDelay={200}>
        {badge(false)}
      </Tooltip>
    );
  }
  const onChange = props.onChange;
  const onConfirm = sentiment && sentiment.origin !== "specialist" ? props.onConfirm : undefined;
  return (
    <Menu position="bottom-end" withArrow shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t("mentions.changeSentiment")} title={hint}>
          {badge(true)}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{hint}</Menu.Label>
        {onConfirm && sentiment && (
          <>
            <Menu.Item
              leftSection={<IconCheck size={16} />}
              rightSection={<Kbd size="xs">y</Kbd>}
              onClick={onConfirm}
              data-testid="confirm-sentiment"
            >
              {t("mentions.confirmSentiment", { label: t(`mentions.sentiment.${sentiment.label}` satisfies TMessageKey) })}
            </Menu.Item>
            <Menu.Divider />
          </>
        )}
        {SENTIMENTS.map((label, i) => (
          <Menu.Item
            key={label}
            leftSection={<IconMood mood={label} size={16} color={`var(--mantine-color-${SENTIMENT_COLOR[label]}-6)`} />}
            rightSection={<Kbd size="xs">{i + 1}</Kbd>}
            onClick={() => onChange(label)}
            data-testid={`set-sentiment-${label}`}
          >
            {t(`mentions.sentiment.${label}` satisfies TMessageKey)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Stars on a five-point scale, with the original value when the platform used another scale. */
export function Stars({ rating }: { rating: NonNullable<TMention["rating"]> }) {
  const t = useT();
  const fiveScale = rating.scale === 5;
  const value = fiveScale ? rating.value : (rating.value / rating.scale) * 5;
  return (
    <Group gap={6} wrap="nowrap" aria-label={t("mentions.rating", { value: rating.value, scale: rating.scale })}>
      <Rating value={value} fractions={2} readOnly size="sm" />
      <Text size="xs" c="dimmed">
        {rating.value}/{rating.scale}
      </Text>
    </Group>
  );
}

const METRICS: { key: string; icon: (p: { size?: number }) => ReactNode; label: TMessageKey }[] = [
  { key: "likes", icon: IconHeart, label: "mentions.metric.likes" },
  { key: "replies", icon: IconComment, label: "mentions.metric.replies" },
  { key: "shares", icon: IconShare, label: "mentions.metric.shares" },
  { key: "views", icon: IconEye, label: "mentions.metric.views" },
];

/** Engagement numbers the platform reported, compact. */
export function Metrics({ metrics }: { metrics: TMention["metrics"] }) {
  const t = useT();
  const format = useFormat();
  if (!metrics) return null;
  const shown = METRICS.filter((m) => typeof metrics[m.key] === "number" && (metrics[m.key] ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <Group gap="sm" wrap="nowrap">
      {shown.map(({ key, icon: Icon, label }) => (
        <Tooltip key={key} label={t(label)} withArrow openDelay={300}>
          <Group gap={3} wrap="nowrap" c="dimmed">
            <Icon size={14} />
            <Text size="xs" c="dimmed">
              {compactNumber(metrics[key] ?? 0, format.number)}
            </Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  );
}

function compactNumber(value: number, full: (n: number) => string): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(1).replace(/\.0$/, "")}M`;
  if (value >= 10_000) return `${Math.round(value / 1000)}K`;
  return full(value);
}
