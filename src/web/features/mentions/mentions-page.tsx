import { Button, Checkbox, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { type HotkeyItem, useHotkeys } from "@mantine/hooks";
import { useCallback, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/api-errors.tsx";
import { EmptyMessage } from "../../components/empty-state.tsx";
import { IconMessage } from "../../components/icons.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { useT } from "../../i18n/i18n-context.tsx";
import { useCurrentBrand } from "../brands/use-current-brand.ts";
import { BulkBar } from "./bulk-bar.tsx";
import { DEFAULT_FILTERS, type TFeedFilters, feedQuery, isFiltered, readFilters, writeFilters } from "./feed-filters.ts";
import { safeHttpUrl } from "./highlight.ts";
import { MentionCard } from "./mention-card.tsx";
import { MentionDrawer } from "./mention-drawer.tsx";
import { KeyboardHelpButton } from "./keyboard-help.tsx";
import { FilterBar, SearchBox } from "./mention-filters.tsx";
import { IconFilterOff } from "./mention-icons.tsx";
import { MentionsViewTabs } from "./mentions-view-tabs.tsx";
import type { TMention } from "./types.ts";
import { useMentionFacets, useMentionFeed } from "./use-mentions.ts";
import { useMentionList } from "./use-mention-list.ts";
import { usePlural } from "./use-plural.ts";
import { PHYSICAL, useTriageHotkeys } from "./use-triage-hotkeys.ts";

/**
 * The Mentions section: every mention of the brand, newest first, with full-text search,
 * filters kept in the address, highlighted matches, and triage for the agency's roles
 * (selection, bulk actions, keys j/k/x/y/1/2/3/t; see keyboard-help.tsx).
 */
export function MentionsPage() {
  const t = useT();
  const plural = usePlural();
  const { current } = useCurrentBrand();
  const brandId = current?.id ?? "";
  const canWork = current?.role === "admin" || current?.role === "specialist";

  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const setFilters = useCallback((next: TFeedFilters) => setParams(writeFilters(next), { replace: true }), [setParams]);
  const resetFilters = useCallback(() => setFilters({ ...DEFAULT_FILTERS, folded: filters.folded }), [setFilters, filters.folded]);
  const query = useMemo(() => feedQuery(filters, new Date()), [filters]);

  const feed = useMentionFeed(brandId, query, filters.folded);
  const facets = useMentionFacets(brandId, query);
  const items = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const first = feed.data?.pages[0];
  const list = useMentionList({ brandId, items, listKey: JSON.stringify([brandId, query, filters.folded]), paging: feed });
  const { bulk, selected, setSelected, focusedId, setFocusedId, focused, notice, setNotice, run, label, toggle, move } = list;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  const [openId, setOpenId] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

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
    [
      "/",
      (event) => {
        event.preventDefault();
        searchRef.current?.focus();
      },
    ],
  ];
  if (canWork) {
    hotkeys.push(["x", whenFocused((m) => toggle(m.id, false)), PHYSICAL]);
    hotkeys.push(["r", whenFocused((m) => run({ action: "set_status", status: "read" }, [m.id], false)), PHYSICAL]);
    hotkeys.push(...triage.hotkeys);
  }
  useHotkeys(hotkeys);

  if (!current) return null;
  const filtered = isFiltered(filters);
  const selectedTags = [...new Set(items.filter((m) => selected.has(m.id)).flatMap((m) => m.tags))].sort();
  const allSelected = items.length > 0 && items.every((m) => selected.has(m.id));

  return (
    <>
      <PageHeader
        title={t("nav.mentions")}
        description={`${current.clientName} · ${current.name}`}
        actions={
          canWork ? (
            <Button component={Link} to={`/b/${encodeURIComponent(current.id)}/import`} variant="default" data-testid="mentions-import">
              {t("import.title")}
            </Button>
          ) : undefined
        }
      />
      <MentionsViewTabs brandId={current.id} active="feed" canWork={canWork} />
      <Paper withBorder p={{ base: "sm", sm: "md" }} mb="md">
        <Stack gap="sm">
          <SearchBox ref={searchRef} value={filters.q} onChange={(q) => setFilters({ ...filters, q })} />
          <FilterBar filters={filters} facets={facets.data} onChange={setFilters} onReset={resetFilters} />
        </Stack>
      </Paper>

      {feed.isPending ? (
        <PageLoader />
      ) : !feed.data ? (
        <Stack align="flex-start" gap="sm">
          <ErrorAlert error={feed.error} />
          <Button variant="default" size="xs" onClick={() => void feed.refetch()}>
            {t("common.tryAgain")}
          </Button>
        </Stack>
      ) : items.length === 0 ? (
        <Paper withBorder p="xl">
          {filtered ? (
            <EmptyMessage
              icon={<IconFilterOff size={28} />}
              title={t("mentions.empty.filteredTitle")}
              description={t("mentions.empty.filteredText")}
              testId="mentions-empty-filtered"
              actions={
                <Button variant="light" onClick={resetFilters} data-testid="mentions-empty-reset">
                  {t("mentions.filter.reset")}
                </Button>
              }
            />
          ) : (
            <EmptyMessage
              icon={<IconMessage size={28} />}
              title={t("mentions.empty.noneTitle", { brand: current.name })}
              description={canWork ? t("mentions.empty.noneText") : t("mentions.empty.noneTextClient")}
              testId="mentions-empty"
              actions={
                canWork ? (
                  <Button component={Link} to="/settings/sources" variant="light">
                    {t("mentions.empty.openSources")}
                  </Button>
                ) : undefined
              }
            />
          )}
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
              <Text size="sm" fw={600} data-testid="mentions-total">
                {first?.totalIsExact === false
                  ? plural("mentions.totalAtLeast", first.total)
                  : plural(filters.folded ? "mentions.totalFolded" : "mentions.total", first?.total ?? 0)}
              </Text>
              {(feed.isPlaceholderData || (feed.isFetching && !feed.isFetchingNextPage)) && <Loader size="xs" />}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {notice && (
                <Text size="sm" c="repute.8" data-testid="mentions-notice">
                  {notice}
                </Text>
              )}
              <KeyboardHelpButton canWork={canWork} />
            </Group>
          </Group>
          {bulk.error && <ErrorAlert error={bulk.error} />}
          {feed.error && <ErrorAlert error={feed.error} />}
          <Stack gap="sm" data-testid="mentions-list">
            {items.map((m) => (
              <MentionCard
                key={m.id}
                ref={list.cardRef(m.id)}
                mention={m}
                folded={filters.folded}
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
          {hasNextPage ? (
            <Button variant="default" onClick={() => void fetchNextPage()} loading={isFetchingNextPage} w="fit-content" mx="auto" data-testid="mentions-load-more">
              {t("common.loadMore")}
            </Button>
          ) : (
            <Text size="xs" c="dimmed" ta="center" py="sm">
              {t("mentions.end")}
            </Text>
          )}
        </Stack>
      )}

      {canWork && (
        <BulkBar
          count={selected.size}
          tags={selectedTags}
          showingIrrelevant={filters.status.length > 0 && filters.status.every((s) => s === "irrelevant")}
          busy={bulk.isPending}
          onAction={(action) => run(action, [...selected], true)}
          onClear={() => setSelected(new Set())}
        />
      )}
      <MentionDrawer brandId={brandId} mentionId={openId} canWork={canWork} onClose={() => setOpenId(null)} onLabel={label} />
    </>
  );
}
