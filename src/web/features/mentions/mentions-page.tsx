import { ActionIcon, Button, Checkbox, Group, Loader, Paper, Popover, Stack, Text } from "@mantine/core";
import { type HotkeyItem, useHotkeys, useIntersection } from "@mantine/hooks";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
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
import { FilterBar, KeyboardHelp, SearchBox } from "./mention-filters.tsx";
import { IconFilterOff, IconKeyboard } from "./mention-icons.tsx";
import { SENTIMENTS, type TBulkAction, type TMention, type TSentiment } from "./types.ts";
import { useBulkUpdate, useMentionFacets, useMentionFeed } from "./use-mentions.ts";
import { usePlural } from "./use-plural.ts";

/**
 * The Mentions section: every mention of the brand, newest first, with full-text search,
 * filters kept in the address, highlighted matches, and triage for the agency's roles
 * (selection, bulk actions, keys j/k/x/1/2/3).
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
  const bulk = useBulkUpdate(brandId);
  const { mutate } = bulk;
  const items = useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]);
  const first = feed.data?.pages[0];

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cardRefs = useRef(new Map<string, HTMLDivElement>());

  // Another filter is another list: what was selected or focused in the old one does not carry over.
  const listKey = JSON.stringify([brandId, query, filters.folded]);
  useEffect(() => {
    setSelected(new Set());
    setFocusedId(null);
    setAnchorId(null);
  }, [listKey]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  // Infinite scroll: the next page loads when the end of the list comes into view.
  const { ref: sentinelRef, entry } = useIntersection({ rootMargin: "600px" });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = feed;
  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const run = useCallback(
    (action: TBulkAction, ids: string[], clear: boolean) => {
      if (ids.length === 0) return;
      mutate(
        { ...action, ids },
        {
          onSuccess: (result) => {
            if (ids.length > 1) setNotice(plural("mentions.bulk.updated", result.updated));
            if (clear) setSelected(new Set());
          },
        },
      );
    },
    [mutate, plural],
  );
  const setSentiment = useCallback((id: string, label: TSentiment) => run({ action: "set_sentiment", sentiment: label }, [id], false), [run]);

  const toggle = useCallback(
    (id: string, range: boolean) => {
      setSelected((prev) => {
        const next = new Set(prev);
        if (range && anchorId) {
          const a = items.findIndex((m) => m.id === anchorId);
          const b = items.findIndex((m) => m.id === id);
          if (a !== -1 && b !== -1) {
            for (const m of items.slice(Math.min(a, b), Math.max(a, b) + 1)) next.add(m.id);
            return next;
          }
        }
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      setAnchorId(id);
    },
    [anchorId, items],
  );

  const move = (step: number) => {
    if (items.length === 0) return;
    const index = focusedId ? items.findIndex((m) => m.id === focusedId) : -1;
    const next = items[Math.max(0, Math.min(items.length - 1, index + step))];
    if (!next) return;
    setFocusedId(next.id);
    cardRefs.current.get(next.id)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    if (index + step >= items.length - 5 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  const focused: TMention | undefined = focusedId ? items.find((m) => m.id === focusedId) : undefined;
  const whenFocused = (fn: (m: TMention) => void) => () => {
    if (focused && openId === null) fn(focused);
  };
  const hotkeys: HotkeyItem[] = [
    ["j", () => openId === null && move(1)],
    ["k", () => openId === null && move(-1)],
    [
      "o",
      whenFocused((m) => {
        const url = safeHttpUrl(m.url);
        if (url) window.open(url, "_blank", "noopener,noreferrer");
      }),
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
    hotkeys.push(["x", whenFocused((m) => toggle(m.id, false))]);
    hotkeys.push(["r", whenFocused((m) => run({ action: "set_status", status: "read" }, [m.id], false))]);
    SENTIMENTS.forEach((label, i) => hotkeys.push([String(i + 1), whenFocused((m) => setSentiment(m.id, label))]));
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
              <Popover position="bottom-end" withArrow shadow="md" width={260}>
                <Popover.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t("mentions.keys.title")} data-testid="mentions-keys">
                    <IconKeyboard size={18} />
                  </ActionIcon>
                </Popover.Target>
                <Popover.Dropdown>
                  <Text size="sm" fw={600} mb="xs">
                    {t("mentions.keys.title")}
                  </Text>
                  <KeyboardHelp canWork={canWork} />
                </Popover.Dropdown>
              </Popover>
            </Group>
          </Group>
          {bulk.error && <ErrorAlert error={bulk.error} />}
          {feed.error && <ErrorAlert error={feed.error} />}
          <Stack gap="sm" data-testid="mentions-list">
            {items.map((m) => (
              <MentionCard
                key={m.id}
                ref={(el) => {
                  if (el) cardRefs.current.set(m.id, el);
                  else cardRefs.current.delete(m.id);
                }}
                mention={m}
                folded={filters.folded}
                selected={selected.has(m.id)}
                focused={focusedId === m.id}
                canWork={canWork}
                onToggle={toggle}
                onOpen={setOpenId}
                onFocus={setFocusedId}
                onSentiment={setSentiment}
              />
            ))}
          </Stack>
          <div ref={sentinelRef} />
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
      <MentionDrawer brandId={brandId} mentionId={openId} canWork={canWork} onClose={() => setOpenId(null)} onSentiment={setSentiment} />
    </>
  );
}
