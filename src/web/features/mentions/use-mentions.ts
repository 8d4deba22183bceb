import { type InfiniteData, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { applyBulkAction, leavesReviewQueue } from "./apply-bulk-action.ts";
import type { TBulkAction, TFacets, TMentionDetail, TMentionPage, TSentiment } from "./types.ts";

const PAGE_SIZE = 30;

/** A page of the review queue (GET /classification/review-queue): least sure first. */
export type TReviewQueuePage = { items: TMentionPage["items"]; total: number; nextCursor: string | null };

/** The review queue is cached with the brand's mentions, so every change to them refreshes it. */
export const reviewQueueKey = (brandId: string, sentiment: TSentiment | null) => [...queryKeys.mentionsAll(brandId), "review-queue", sentiment ?? "all"] as const;
/** Everything the classification settings show for a brand (accuracy moves with every verification). */
export const classificationKey = (brandId: string) => ["classification", brandId] as const;

/** The feed, one page per scroll step; the previous results stay on screen while filters change. */
export function useMentionFeed(brandId: string, query: Record<string, string | undefined>, folded: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.mentionFeed(brandId, query, folded),
    queryFn: ({ pageParam, signal }) =>
      api.get<TMentionPage>(
        `/api/brands/${seg(brandId)}/mentions`,
        { ...query, folded: String(folded), limit: String(PAGE_SIZE), cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useMentionFacets(brandId: string, query: Record<string, string | undefined>) {
  return useQuery({
    queryKey: queryKeys.mentionFacets(brandId, query),
    queryFn: ({ signal }) => api.get<TFacets>(`/api/brands/${seg(brandId)}/mentions/facets`, query, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** How many machine labels wait for a specialist (the whole queue). */
export function useReviewQueueCount(brandId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.mentionsAll(brandId), "review-queue-count"],
    queryFn: ({ signal }) => api.get<TReviewQueuePage>(`/api/brands/${seg(brandId)}/classification/review-queue`, { limit: "1" }, signal).then((page) => page.total),
    enabled: enabled && brandId !== "",
    staleTime: 30_000,
  });
}

export function useMentionDetail(brandId: string, mentionId: string | null) {
  return useQuery({
    queryKey: queryKeys.mention(brandId, mentionId ?? ""),
    queryFn: ({ signal }) => api.get<TMentionDetail>(`/api/brands/${seg(brandId)}/mentions/${seg(mentionId ?? "")}`, undefined, signal),
    enabled: mentionId !== null,
  });
}

/** The API takes this many ids per call; a larger selection goes in several calls. */
const BULK_CHUNK = 500;

/**
 * One change to many mentions. The cards change at once (a mention the specialist has labelled
 * leaves the review queue at once); afterwards the feed, queue, facets, details and accuracy are
 * fetched again (a mention marked irrelevant leaves the default feed then).
 */
export function useBulkUpdate(brandId: string) {
  const queryClient = useQueryClient();
  const feeds = [...queryKeys.mentionsAll(brandId), "feed"];
  const queues = [...queryKeys.mentionsAll(brandId), "review-queue"];
  const mutationKey = ["mentions-bulk", brandId];
  return useMutation({
    mutationKey,
    mutationFn: async (input: TBulkAction & { ids: string[] }) => {
      let updated = 0;
      for (let i = 0; i < input.ids.length; i += BULK_CHUNK) {
        const res = await api.post<{ updated: number }>(`/api/brands/${seg(brandId)}/mentions/bulk`, { ...input, ids: input.ids.slice(i, i + BULK_CHUNK) });
        updated += res.updated;
      }
      return { updated };
    },
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: feeds });
      await queryClient.cancelQueries({ queryKey: queues });
      const ids = new Set(input.ids);
      const now = new Date();
      queryClient.setQueriesData<InfiniteData<TMentionPage>>({ queryKey: feeds }, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((m) => (ids.has(m.id) ? applyBulkAction(m, input, now) : m)) })) } : data,
      );
      const leaves = leavesReviewQueue(input);
      queryClient.setQueriesData<InfiniteData<TReviewQueuePage>>({ queryKey: queues }, (data) => {
        if (!data) return data;
        const gone = leaves ? data.pages.reduce((n, page) => n + page.items.filter((m) => ids.has(m.id)).length, 0) : 0;
        return {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            total: Math.max(0, page.total - gone),
            items: leaves ? page.items.filter((m) => !ids.has(m.id)) : page.items.map((m) => (ids.has(m.id) ? applyBulkAction(m, input, now) : m)),
          })),
        };
      });
    },
    onSettled: () => {
      // Keys pressed in quick succession: refetch once the last change is in, so a refetch in
      // between does not bring back, for a moment, what a later change has already changed.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      void queryClient.invalidateQueries({ queryKey: classificationKey(brandId) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.mentionsAll(brandId) });
    },
  });
}
