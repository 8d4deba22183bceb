import { Anchor, Badge, Code, Divider, Drawer, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useI18n, useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { safeHttpUrl } from "./highlight.ts";
import { HighlightedText, Marked } from "./highlighted-text.tsx";
import { EXTERNAL_REL } from "./mention-card.tsx";
import { IconExternal } from "./mention-icons.tsx";
import { AspectChips } from "./aspect-chips.tsx";
import { GROUP_COLOR, Metrics, SENTIMENT_COLOR, SentimentBadge, Stars, When, marksOf } from "./mention-parts.tsx";
import { NegativeTypeBadge, NegativeTypeDetails } from "./negative-type-badge.tsx";
import { SourceBadge, useSourceKindLabel } from "./source-badge.tsx";
import type { TLabelAction, TMentionDetail } from "./types.ts";
import { useMentionDetail } from "./use-mentions.ts";

/** Everything known about one mention: the full text, where it came from, its edits and its copies. */
export function MentionDrawer(props: { brandId: string; mentionId: string | null; canWork: boolean; onClose: () => void; onLabel: (id: string, action: TLabelAction) => void }) {
  const t = useT();
  const detail = useMentionDetail(props.brandId, props.mentionId);
  return (
    <Drawer opened={props.mentionId !== null} onClose={props.onClose} position="right" size="xl" title={<Text fw={600}>{t("mentions.detail.title")}</Text>} data-testid="mention-drawer">
      {detail.isPending ? (
        <PageLoader />
      ) : detail.error || !detail.data ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <DetailBody data={detail.data} canWork={props.canWork} onLabel={props.onLabel} />
      )}
    </Drawer>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" className="break-anywhere">
        {children}
      </Text>
    </Stack>
  );
}

function DetailBody({ data, canWork, onLabel }: { data: TMentionDetail; canWork: boolean; onLabel: (id: string, action: TLabelAction) => void }) {
  const t = useT();
  const { locale } = useI18n();
  const format = useFormat();
  const kindLabel = useSourceKindLabel();
  const m = data.mention;
  const original = safeHttpUrl(m.url);
  const author = safeHttpUrl(m.author.url);
  const parent = safeHttpUrl(m.parentUrl);
  const none = t("common.none");
  return (
    <Stack gap="md" data-testid="mention-detail">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <SourceBadge kind={m.sourceKind} size={40} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} className="break-anywhere">
              {m.author.name ?? m.author.handle ?? t("mentions.unknownAuthor")}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {m.sourceName ?? kindLabel(m.sourceKind)}
                {m.site ? ` · ${m.site}` : ""}
              </Text>
              <When iso={m.publishedAt} />
            </Group>
          </Stack>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {m.negativeType && m.sentiment?.label === "negative" && (
            <NegativeTypeBadge negativeType={m.negativeType} canChange={canWork} onLabel={(action) => onLabel(m.id, action)} />
          )}
          <SentimentBadge
            sentiment={m.sentiment}
            canChange={canWork}
            onChange={(label) => onLabel(m.id, { action: "set_sentiment", sentiment: label })}
            onConfirm={() => onLabel(m.id, { action: "confirm_sentiment" })}
          />
        </Group>
      </Group>
      {m.negativeType && m.sentiment?.label === "negative" && (
        <Paper withBorder p="sm" bg="red.0" style={{ borderColor: "var(--mantine-color-red-2)" }} data-testid="mention-detail-negative-type">
          <NegativeTypeDetails negativeType={m.negativeType} reaction={m.negativeType.reaction[locale]} />
        </Paper>
      )}

      {m.title && (
        <Title order={4} className="break-anywhere">
          <Marked text={m.title} ranges={marksOf(m, "title")} />
        </Title>
      )}
      <HighlightedText text={m.text} ranges={marksOf(m, "text")} limit={4000} />
      {m.pros && <Field label={t("mentions.pros")}><Marked text={m.pros} ranges={marksOf(m, "pros")} /></Field>}
      {m.cons && <Field label={t("mentions.cons")}><Marked text={m.cons} ranges={marksOf(m, "cons")} /></Field>}
      {m.ownerReply?.text && (
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="xs" c="dimmed" fw={600}>
            {t("mentions.ownerReply")}
            {m.ownerReply.publishedAt ? ` · ${format.dateTime(m.ownerReply.publishedAt)}` : ""}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-line" }} className="break-anywhere">
            {m.ownerReply.text}
          </Text>
        </Paper>
      )}
      <Group gap="md">
        {m.rating && <Stars rating={m.rating} />}
        <Metrics metrics={m.metrics} />
        {original && (
          <Anchor href={original} target="_blank" rel={EXTERNAL_REL} size="sm">
            <Group gap={4} wrap="nowrap">
              {t("mentions.openOriginal")}
              <IconExternal size={14} />
            </Group>
          </Anchor>
        )}
      </Group>

      <Divider />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Field label={t("mentions.detail.published")}>{format.dateTime(m.publishedAt)}</Field>
        <Field label={t("mentions.detail.firstSeen")}>{format.dateTime(m.firstSeenAt)}</Field>
        <Field label={t("mentions.detail.kind")}>{t(`mentions.kind.${m.kind}` as TMessageKey) ?? m.kind}</Field>
        <Field label={t("mentions.detail.language")}>{m.lang ?? none}</Field>
        <Field label={t("mentions.detail.author")}>
          {author ? (
            <Anchor href={author} target="_blank" rel={EXTERNAL_REL} size="sm">
              {m.author.handle ?? m.author.name ?? author}
            </Anchor>
          ) : (
            (m.author.handle ?? none)
          )}
        </Field>
        <Field label={t("mentions.detail.status")}>{t(`mentions.status.${m.status}` satisfies TMessageKey)}</Field>
        <Field label={t("mentions.detail.sentiment")}>
          {m.sentiment
            ? m.sentiment.origin === "specialist"
              ? t("mentions.detail.sentimentBySpecialist", { name: m.sentimentByName ?? none, when: format.dateTime(m.sentiment.at) })
              : m.sentiment.origin === "model" && m.sentimentModel
                ? t("mentions.detail.sentimentByModel", { model: m.sentimentModel, percent: Math.round((m.sentiment.confidence ?? 0) * 100) })
                : t(`mentions.sentimentBy.${m.sentiment.origin ?? "model"}` as TMessageKey)
            : t("mentions.sentimentBy.none")}
        </Field>
        <Field label={t("mentions.detail.externalId")}>
          <Code fz="xs">{m.externalId}</Code>
        </Field>
        {parent && (
          <Field label={t("mentions.detail.parent")}>
            <Anchor href={parent} target="_blank" rel={EXTERNAL_REL} size="sm">
              {parent}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
      {(m.matches.length > 0 || m.tags.length > 0 || m.aspects.length > 0) && (
        <Group gap={6}>
          <AspectChips aspects={m.aspects} />
          {m.matches.map((hit) => (
            <Badge key={`${hit.group}:${hit.name}`} size="sm" variant="dot" color={GROUP_COLOR[hit.group] ?? "gray"} style={{ textTransform: "none" }}>
              {t(`mentions.group.${hit.group}` as TMessageKey)}: {hit.name}
            </Badge>
          ))}
          {m.tags.map((tag) => (
            <Badge key={tag} size="sm" variant="light" color="gray" style={{ textTransform: "none" }}>
              #{tag}
            </Badge>
          ))}
        </Group>
      )}

      {data.copiesTotal > 0 && (
        <>
          <Divider label={t("mentions.detail.copies", { count: data.copiesTotal })} labelPosition="left" />
          <Stack gap={6} data-testid="mention-detail-copies">
            {data.copies.map((c) => {
              const link = safeHttpUrl(c.url);
              return (
                <Group key={c.id} gap="sm" wrap="nowrap" justify="space-between">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    <SourceBadge kind={c.sourceKind} size={26} />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" truncate>
                        {c.title ?? c.authorName ?? c.site ?? kindLabel(c.sourceKind)}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {[c.sourceName ?? kindLabel(c.sourceKind), c.site, format.dateTime(c.publishedAt)].filter(Boolean).join(" · ")}
                      </Text>
                    </Stack>
                  </Group>
                  <Group gap="xs" wrap="nowrap">
                    {c.sentiment && (
                      <Badge size="xs" variant="light" color={SENTIMENT_COLOR[c.sentiment]} style={{ textTransform: "none" }}>
                        {t(`mentions.sentiment.${c.sentiment}` satisfies TMessageKey)}
                      </Badge>
                    )}
                    {link && (
                      <Anchor href={link} target="_blank" rel={EXTERNAL_REL} size="xs" aria-label={t("mentions.openOriginal")}>
                        <IconExternal size={14} />
                      </Anchor>
                    )}
                  </Group>
                </Group>
              );
            })}
            {data.copiesTotal > data.copies.length && (
              <Text size="xs" c="dimmed">
                {t("mentions.detail.moreCopies", { count: data.copiesTotal - data.copies.length })}
              </Text>
            )}
          </Stack>
        </>
      )}

      {data.revisions.length > 0 && (
        <>
          <Divider label={t("mentions.detail.history", { count: data.revisions.length })} labelPosition="left" />
          <Timeline bulletSize={14} lineWidth={2} active={data.revisions.length} data-testid="mention-detail-revisions">
            {[...data.revisions].reverse().map((r) => (
              <Timeline.Item key={r.revision} title={<Text size="sm" fw={500}>{t("mentions.detail.revision", { n: r.revision })}</Text>}>
                <Text size="xs" c="dimmed">
                  {t("mentions.detail.replacedAt", { when: format.dateTime(r.recordedAt) })}
                  {r.ratingValue !== null ? ` · ${t("mentions.detail.ratingWas", { value: r.ratingValue })}` : ""}
                </Text>
                {r.title && (
                  <Text size="sm" fw={600} className="break-anywhere">
                    {r.title}
                  </Text>
                )}
                <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-line" }} className="break-anywhere">
                  {r.text}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Stack>
  );
}
