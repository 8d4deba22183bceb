import { useIntersection } from "@mantine/hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import { focusAfterRemoval } from "./apply-bulk-action.ts";
import type { TBulkAction, TLabelAction, TMention } from "./types.ts";
import { useBulkUpdate } from "./use-mentions.ts";
import { usePlural } from "./use-plural.ts";

type TPaging = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/**
 * What the feed and the review queue share: the focused mention (keys j/k), the selection
 * (x, shift-click ranges), changes to one or many mentions with a short notice, and loading
 * the next page as the end comes into view. `leavesList` says which changes take mentions off
 * this list; focus then moves on to the next one that stays.
 */
export function useMentionList(options: { brandId: string; items: TMention[]; listKey: string; paging: TPaging; leavesList?: (action: TBulkAction) => boolean }) {
  const { brandId, items, listKey, leavesList } = options;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = options.paging;
  const plural = usePlural();
  const bulk = useBulkUpdate(brandId);
  const { mutate } = bulk;

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cardRefs = useRef(new Map<string, HTMLDivElement>());

  // Another filter is another list: what was selected or focused in the old one does not carry over.
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
  useEffect(() => {
    if (entry?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [entry?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const focusOn = useCallback((id: string | null) => {
    setFocusedId(id);
    if (id) cardRefs.current.get(id)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, []);

  const run = useCallback(
    (action: TBulkAction, ids: string[], clear: boolean) => {
      if (ids.length === 0) return;
      if (leavesList?.(action)) {
        const gone = new Set(ids);
        focusOn(focusAfterRemoval(items.map((m) => m.id), gone, focusedId));
        setSelected((prev) => new Set([...prev].filter((id) => !gone.has(id))));
      }
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
    [mutate, plural, leavesList, items, focusedId, focusOn],
  );
  const label = useCallback((id: string, action: TLabelAction) => run(action, [id], false), [run]);

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
    focusOn(next.id);
    if (index + step >= items.length - 5 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };

  const cardRef = (id: string) => (el: HTMLDivElement | null) => {
    if (el) cardRefs.current.set(id, el);
    else cardRefs.current.delete(id);
  };

  const focused: TMention | undefined = focusedId ? items.find((m) => m.id === focusedId) : undefined;
  return { bulk, selected, setSelected, focusedId, setFocusedId, focused, notice, setNotice, run, label, toggle, move, cardRef, sentinelRef };
}
