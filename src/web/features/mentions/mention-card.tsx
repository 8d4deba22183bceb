import { Anchor, Badge, Box, Button, Checkbox, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { forwardRef, memo } from "react";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { safeHttpUrl } from "./highlight.ts";
import { HighlightedText, Marked } from "./highlighted-text.tsx";
import { IconCopies, IconExternal, IconEyeOff } from "./mention-icons.tsx";
import { AspectChips } from "./aspect-chips.tsx";
import { GROUP_COLOR, Metrics, SentimentBadge, Stars, When, marksOf } from "./mention-parts.tsx";
import { NegativeTypeBadge } from "./negative-type-badge.tsx";
import { SourceBadge, useSourceKindLabel } from "./source-badge.tsx";
import { TypeStepPrompt } from "./type-step-prompt.tsx";
import type { TLabelAction, TMention } from "./types.ts";
import { usePlural } from "./use-plural.ts";

export type TMentionCardProps = {
  mention: TMention;
  folded: boolean;
  selected: boolean;
  focused: boolean;
  canWork: boolean;
  onToggle: (id: string, range: boolean) => void;
  onOpen: (id: string) => void;
  onFocus: (id: string) => void;
  /** Confirm or correct the sentiment or the type of negative (agency roles). */
  onLabel: (id: string, action: TLabelAction) => void;
  /** After `t` on the focused mention: show which key sets which type. */
  typeStep?: boolean;
};

/** Rel for every link to the outside: no window handle, no referrer, no endorsement. */
export const EXTERNAL_REL = "noopener noreferrer nofollow";

/**
 * One mention in the feed: where and who, when, why it is here (marks), its labels (sentiment,
 * type of negative, aspects) with where they came from, and its triage state.
 */
export const MentionCard = memo(
  forwardRef<HTMLDivElement, TMentionCardProps>(function MentionCard(props, ref) {
    const t = useT();
    const kindLabel = useSourceKindLabel();
    const plural = usePlural();
    const { mention: m, canWork } = props;
    const original = safeHttpUrl(m.url);
    const authorLink = safeHttpUrl(m.author.url);
    const ruleNames = [...new Map(m.matches.filter((h) => h.group !== "exclusions").map((h) => [`${h.group}:${h.name}`, h])).values()];
    const excludedBy = m.matches.filter((h) => h.group === "exclusions");
    const isCopy = !props.folded && m.clusterId !== m.id;
    return (
      <Paper
        ref={ref}
        withBorder
        p={{ base: "sm", sm: "md" }}
        radius="md"
        data-testid="mention-card"
        data-mention-id={m.id}
        data-focused={props.focused || undefined}
        onClick={() => props.onFocus(m.id)}
        style={{
          borderColor: props.focused ? "var(--mantine-color-repute-5)" : props.selected ? "var(--mantine-color-repute-3)" : undefined,
          boxShadow: props.focused ? "0 0 0 1px var(--mantine-color-repute-5)" : undefined,
          background: props.selected ? "var(--mantine-color-repute-0)" : undefined,
          opacity: m.status === "irrelevant" ? 0.75 : 1,
        }}
      >
        <Group align="flex-start" gap="md" wrap="nowrap">
          {canWork && (
            <Checkbox
              mt={8}
              checked={props.selected}
              onChange={() => undefined}
              onClick={(event) => {
                event.stopPropagation();
                props.onToggle(m.id, event.shiftKey);
              }}
              aria-label={t("mentions.select")}
              data-testid="mention-select"
            />
          )}
          <Box visibleFrom="xs">
            <SourceBadge kind={m.sourceKind} />
          </Box>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" style={{ rowGap: 4 }}>
              <Box style={{ flex: "1 1 220px", minWidth: 0 }}>
                <Group gap={6} wrap="wrap" style={{ rowGap: 0 }}>
                  {m.status === "new" && (
                    <Tooltip label={t("mentions.status.new")} withArrow>
                      <Box w={7} h={7} bg="repute.6" style={{ borderRadius: "50%", flexShrink: 0 }} data-testid="mention-new" aria-label={t("mentions.status.new")} />
                    </Tooltip>
                  )}
                  {m.author.name || m.author.handle ? (
                    authorLink ? (
                      <Anchor href={authorLink} target="_blank" rel={EXTERNAL_REL} size="sm" fw={600} c="dark" className="break-anywhere">
                        {m.author.name ?? m.author.handle}
                      </Anchor>
                    ) : (
                      <Text size="sm" fw={600} className="break-anywhere">
                        {m.author.name ?? m.author.handle}
                      </Text>
                    )
                  ) : (
                    <Text size="sm" fw={600} c="dimmed">
                      {t("mentions.unknownAuthor")}
                    </Text>
                  )}
                  {m.author.handle && m.author.name && (
                    <Text size="xs" c="dimmed" className="break-anywhere">
                      @{m.author.handle.replace(/^@/, "")}
                    </Text>
                  )}
                  {m.author.isOwner && (
                    <Badge size="xs" variant="light" color="repute">
                      {t("mentions.ownerAuthor")}
                    </Badge>
                  )}
                </Group>
                <Group gap={6} wrap="wrap" style={{ rowGap: 0 }}>
                  <Text size="xs" c="dimmed">
                    {m.sourceName ?? kindLabel(m.sourceKind)}
                    {m.site ? ` · ${m.site}` : ""}
                    {` · ${t(`mentions.kind.${m.kind}` as TMessageKey) ?? m.kind}`}
                  </Text>
                  <Text size="xs" c="dimmed">·</Text>
                  <When iso={m.publishedAt} />
                </Group>
              </Box>
              <Group gap={6} wrap="wrap" justify="flex-end" style={{ flexShrink: 0, rowGap: 4 }}>
                {m.status === "irrelevant" && (
                  <Badge size="md" radius="sm" variant="outline" color="gray" leftSection={<IconEyeOff size={12} />} style={{ textTransform: "none" }}>
                    {t("mentions.status.irrelevant")}
                  </Badge>
                )}
                {m.negativeType && m.sentiment?.label === "negative" && (
                  <NegativeTypeBadge negativeType={m.negativeType} canChange={canWork} onLabel={(action) => props.onLabel(m.id, action)} />
                )}
                <SentimentBadge
                  sentiment={m.sentiment}
                  canChange={canWork}
                  onChange={(label) => props.onLabel(m.id, { action: "set_sentiment", sentiment: label })}
                  onConfirm={() => props.onLabel(m.id, { action: "confirm_sentiment" })}
                  testId="mention-sentiment"
                />
              </Group>
            </Group>

            {props.typeStep && props.focused && <TypeStepPrompt canKeep={m.negativeType !== null && m.negativeType.origin !== "specialist"} />}
            {m.title && (
              <Text fw={600} size="md" lh={1.35} className="break-anywhere" data-testid="mention-title">
                <Marked text={m.title} ranges={marksOf(m, "title")} />
              </Text>
            )}
            <HighlightedText text={m.text} ranges={marksOf(m, "text")} testId="mention-text" />
            {m.pros && (
              <Text size="sm" className="break-anywhere">
                <Text span fw={600} c="teal.8">{t("mentions.pros")}: </Text>
                <Marked text={m.pros} ranges={marksOf(m, "pros")} />
              </Text>
            )}
            {m.cons && (
              <Text size="sm" className="break-anywhere">
                <Text span fw={600} c="red.8">{t("mentions.cons")}: </Text>
                <Marked text={m.cons} ranges={marksOf(m, "cons")} />
              </Text>
            )}
            {m.ownerReply?.text && (
              <Box pl="sm" style={{ borderLeft: "3px solid var(--mantine-color-repute-3)" }}>
                <Text size="xs" c="dimmed" fw={600}>
                  {t("mentions.ownerReply")}
                </Text>
                <Text size="sm" lineClamp={3} className="break-anywhere">
                  {m.ownerReply.text}
                </Text>
              </Box>
            )}

            <Group justify="space-between" gap="sm" mt={4} wrap="wrap">
              <Group gap={6} wrap="wrap">
                {m.rating && <Stars rating={m.rating} />}
                <AspectChips aspects={m.aspects} />
                {ruleNames.map((hit) => (
                  <Tooltip key={`${hit.group}:${hit.name}`} label={t(`mentions.group.${hit.group}` satisfies TMessageKey)} withArrow openDelay={300}>
                    <Badge size="sm" variant="dot" color={GROUP_COLOR[hit.group] ?? "gray"} style={{ textTransform: "none" }}>
                      {hit.name}
                    </Badge>
                  </Tooltip>
                ))}
                {!m.matched && (
                  <Tooltip label={excludedBy.length ? t("mentions.excludedBy", { rules: excludedBy.map((h) => h.name).join(", ") }) : t("mentions.notMatchedHint")} withArrow multiline w={260}>
                    <Badge size="sm" variant="outline" color={excludedBy.length ? "red" : "gray"} style={{ textTransform: "none" }}>
                      {excludedBy.length ? t("mentions.excluded") : t("mentions.notMatched")}
                    </Badge>
                  </Tooltip>
                )}
                {m.tags.map((tag) => (
                  <Badge key={tag} size="sm" variant="light" color="gray" radius="sm" style={{ textTransform: "none" }} data-testid="mention-tag">
                    #{tag}
                  </Badge>
                ))}
                {props.folded && (m.copies ?? 0) > 0 && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="gray"
                    leftSection={<IconCopies size={13} />}
                    onClick={(event) => {
                      event.stopPropagation();
                      props.onOpen(m.id);
                    }}
                    data-testid="mention-copies"
                  >
                    {plural("mentions.copies", m.copies ?? 0)}
                  </Button>
                )}
                {isCopy && (
                  <Badge size="sm" variant="outline" color="gray" leftSection={<IconCopies size={11} />} style={{ textTransform: "none" }}>
                    {t("mentions.isCopy")}
                  </Badge>
                )}
              </Group>
              <Group gap="md" wrap="wrap" style={{ rowGap: 4, marginLeft: "auto" }}>
                <Metrics metrics={m.metrics} />
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={(event) => {
                    event.stopPropagation();
                    props.onOpen(m.id);
                  }}
                  data-testid="mention-details"
                >
                  {t("mentions.details")}
                </Anchor>
                {original ? (
                  <Anchor href={original} target="_blank" rel={EXTERNAL_REL} size="xs" data-testid="mention-original" onClick={(event) => event.stopPropagation()} style={{ whiteSpace: "nowrap" }}>
                    <Group gap={4} wrap="nowrap">
                      {t("mentions.openOriginal")}
                      <IconExternal size={13} />
                    </Group>
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t("mentions.noLink")}
                  </Text>
                )}
              </Group>
            </Group>
          </Stack>
        </Group>
      </Paper>
    );
  }),
);
