import { type InfiniteData, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TBulkAction, TFacets, TMention, TMentionDetail, TMentionPage } from "./types.ts";

const PAGE_SIZE = 30;

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

export function useMentionDetail(brandId: string, mentionId: string | null) {
  return useQuery({
    queryKey: queryKeys.mention(brandId, mentionId ?? ""),
    queryFn: ({ signal }) => api.get<TMentionDetail>(`/api/brands/${seg(brandId)}/mentions/${seg(mentionId ?? "")}`, undefined, signal),
    enabled: mentionId !== null,
  });
}

/** The API takes this many ids per call; a larger selection goes in several calls. */
const BULK_CHUNK = 500;

/** How a mention looks once the change is made, shown before the server confirms it. */
function applied(mention: TMention, input: TBulkAction): TMention {
  switch (input.action) {
    case "set_sentiment":
      return { ...mention, sentiment: { label: input.sentiment, confidence: 1, origin: "specialist", at: new Date().toISOString() } };
    case "set_status":
      return { ...mention, status: input.status };
    case "add_tag":
      return mention.tags.includes(input.tag) ? mention : { ...mention, tags: [...mention.tags, input.tag] };
    case "remove_tag":
      return { ...mention, tags: mention.tags.filter((tag) => tag !== input.tag) };
  }
}

/**
 * One change to many mentions. The cards change at once; afterwards the feed, facets and
 * details are fetched again (a mention marked irrelevant leaves the default feed then).
 */
export function useBulkUpdate(brandId: string) {
  const queryClient = useQueryClient();
  const feeds = [...queryKeys.mentionsAll(brandId), "feed"];
  return useMutation({
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
      const ids = new Set(input.ids);
      queryClient.setQueriesData<InfiniteData<TMentionPage>>({ queryKey: feeds }, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((m) => (ids.has(m.id) ? applied(m, input) : m)) })) } : data,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.mentionsAll(brandId) }),
  });
}
