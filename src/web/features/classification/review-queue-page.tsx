import { Button, Checkbox, Group, Loader, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { type HotkeyItem, useHotkeys } from "@mantine/hooks";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconCheck } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import type { TMessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentBrand } from "../brands/use-current-brand.ts";
import { leavesReviewQueue } from "../mentions/apply-bulk-action.ts";
import { BulkBar } from "../mentions/bulk-bar.tsx";
import { safeHttpUrl } from "../mentions/highlight.ts";
import { KeyboardHelpButton } from "../mentions/keyboard-help.tsx";
import { MentionCard } from "../mentions/mention-card.tsx";
import { MentionDrawer } from "../mentions/mention-drawer.tsx";
import { MentionsViewTabs } from "../mentions/mentions-view-tabs.tsx";
import { SENTIMENTS, type TMention, type TSentiment } from "../mentions/types.ts";
import { useMentionList } from "../mentions/use-mention-list.ts";
import { usePlural } from "../mentions/use-plural.ts";
import { PHYSICAL, useTriageHotkeys } from "../mentions/use-triage-hotkeys.ts";
import { useReviewQueue } from "./use-classification.ts";

const readSentiment = (value: string | null): TSentiment | null => SENTIMENTS.find((s) => s === value) ?? null;

/**
 * Mentions → Review queue: the brand's machine-labelled mentions, least sure first, with the
 * feed's keys. Keeping (y) or correcting (1 2 3) a sentiment takes the mention off the queue and
 * focuses the next one, so the specialist's time goes where the machine is least sure.
 */
export function ReviewQueuePage() {
  const t = useT();
  const plural = usePlural();
  const { current } = useCurrentBrand();
  const brandId = current?.id ?? "";
  const canWork = current?.role === "admin" || current?.role === "specialist";
  const [params, setParams] = useSearchParams();
  const sentiment = readSentiment(params.get("sentiment"));

  const queue = useReviewQueue(brandId, sentiment);
  const items = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const total = queue.data?.pages[0]?.total ?? 0;
  const list = useMentionList({ brandId, items, listKey: JSON.stringify([brandId, sentiment]), paging: queue, leavesList: leavesReviewQueue });
  const { bulk, selected, setSelected, focusedId, setFocusedId, focused, notice, setNotice, run, label, toggle, move } = list;
  const [openId, setOpenId] = useState<string | null>(null);

  // The least sure mention is where the work starts: focus it as soon as the queue is there.
  const firstId = items[0]?.id ?? null;
  useEffect(() => {
    if (focusedId === null && firstId !== null) setFocusedId(firstId);
  }, [focusedId, firstId, setFocusedId]);

  const whenFocused = (fn: (m: TMention) => void) => () => {
    if (focused && openId === null) fn(focused);
  };
  const triage = useTriageHotkeys({
    focused: openId === null ? focused : undefined,
    enabled: canWork,
    onLabel: (m, action) => label(m.id, action),
    onRefused: (reason) => setNotice(t(reason)),
  });
  const hotkeys: HotkeyItem[] = [
    ["j", () => openId === null && move(1), PHYSICAL],
    ["k", () => openId === null && move(-1), PHYSICAL],
    [
      "o",
      whenFocused((m) => {
        const url = safeHttpUrl(m.url);
        if (url) window.open(url, "_blank", "noopener,noreferrer");
      }),
      PHYSICAL,
    ],
    ["Enter", whenFocused((m) => setOpenId(m.id))],
  ];
  if (canWork) {
    hotkeys.push(["x", whenFocused((m) => toggle(m.id, false)), PHYSICAL]);
    hotkeys.push(["r", whenFocused((m) => run({ action: "set_status", status: "read" }, [m.id], false)), PHYSICAL]);
    hotkeys.push(...triage.hotkeys);
  }
  useHotkeys(hotkeys);

  if (!current) return null;
  const selectedTags = [...new Set(items.filter((m) => selected.has(m.id)).flatMap((m) => m.tags))].sort();
  const allSelected = items.length > 0 && items.every((m) => selected.has(m.id));
  const setSentiment = (value: string) => setParams(value === "all" ? {} : { sentiment: value }, { replace: true });

  return (
    <>
      <PageHeader title={t("nav.mentions")} description={`${current.clientName} · ${current.name}`} />
      <MentionsViewTabs brandId={current.id} active="queue" canWork={canWork} />
      <Paper withBorder p={{ base: "sm", sm: "md" }} mb="md">
        <Group justify="space-between" gap="md" wrap="wrap">
          <Text size="sm" c="dimmed" maw={620}>
            {canWork ? t("classification.queue.description") : t("classification.queue.readOnly")}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {t("classification.queue.filter")}
            </Text>
            <SegmentedControl
              size="xs"
              value={sentiment ?? "all"}
              onChange={setSentiment}
              data={[
                { value: "all", label: t("classification.queue.all") },
                ...SENTIMENTS.map((s) => ({ value: s, label: t(`mentions.sentiment.${s}` satisfies TMessageKey) })),
              ]}
              data-testid="queue-sentiment"
            />
          </Group>
        </Group>
      </Paper>

      {queue.isPending ? (
        <PageLoader />
      ) : !queue.data ? (
        <Stack align="flex-start" gap="sm">
          <ErrorAlert error={queue.error} />
          <Button variant="default" size="xs" onClick={() => void queue.refetch()}>
            {t("common.tryAgain")}
          </Button>
        </Stack>
      ) : items.length === 0 && !queue.hasNextPage ? (
        <Paper withBorder p="xl">
          <EmptyMessage
            icon={<IconCheck size={28} />}
            title={t("classification.queue.emptyTitle")}
            description={sentiment ? t("classification.queue.emptyFiltered") : t("classification.queue.emptyText", { brand: current.name })}
            testId="queue-empty"
          />
        </Paper>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap" px={4} mih={30}>
            <Group gap="sm" wrap="nowrap">
              {canWork && (
                <Checkbox
                  size="sm"
                  checked={allSelected}
                  indeterminate={!allSelected && selected.size > 0}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((m) => m.id)))}
                  aria-label={t("mentions.selectAll")}
                  data-testid="mentions-select-all"
                />
              )}
              <Text size="sm" fw={600} data-testid="queue-total">
                {plural("classification.queue.total", total)}
              </Text>
              {queue.isFetching && !queue.isFetchingNextPage && <Loader size="xs" />}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {notice && (
                <Text size="sm" c="repute.8" data-testid="mentions-notice">
                  {notice}
                </Text>
              )}
              <KeyboardHelpButton canWork={canWork} queue />
            </Group>
          </Group>
          {bulk.error && <ErrorAlert error={bulk.error} />}
          {queue.error && <ErrorAlert error={queue.error} />}
          <Stack gap="sm" data-testid="queue-list">
            {items.map((m) => (
              <MentionCard
                key={m.id}
                ref={list.cardRef(m.id)}
                mention={m}
                folded
                selected={selected.has(m.id)}
                focused={focusedId === m.id}
                canWork={canWork}
                onToggle={toggle}
                onOpen={setOpenId}
                onFocus={setFocusedId}
                onLabel={label}
                typeStep={triage.step === "type" && focusedId === m.id}
              />
            ))}
          </Stack>
          <div ref={list.sentinelRef} />
          {queue.hasNextPage ? (
            <Button variant="default" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage} w="fit-content" mx="auto" data-testid="queue-load-more">
              {t("common.loadMore")}
            </Button>
          ) : (
            <Text size="xs" c="dimmed" ta="center" py="sm">
              {t("classification.queue.end")}
            </Text>
          )}
        </Stack>
      )}

      {canWork && (
        <BulkBar
          count={selected.size}
          tags={selectedTags}
          showingIrrelevant={false}
          busy={bulk.isPending}
          onAction={(action) => run(action, [...selected], true)}
          onClear={() => setSelected(new Set())}
        />
      )}
      <MentionDrawer brandId={brandId} mentionId={openId} canWork={canWork} onClose={() => setOpenId(null)} onLabel={label} />
    </>
  );
}
