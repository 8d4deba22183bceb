import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest, seg } from "../../api/client.ts";
import type { TSentiment } from "../mentions/types.ts";
import { type TReviewQueuePage, classificationKey, reviewQueueKey } from "../mentions/use-mentions.ts";
import type { TAccuracy, TClassificationSettings, TLabelField } from "./types.ts";
import type { TProviderBody } from "./provider-form-values.ts";

const QUEUE_PAGE = 30;

/** The review queue, least sure first, one page per scroll step. */
export function useReviewQueue(brandId: string, sentiment: TSentiment | null) {
  return useInfiniteQuery({
    queryKey: reviewQueueKey(brandId, sentiment),
    queryFn: ({ pageParam, signal }) =>
      api.get<TReviewQueuePage>(
        `/api/brands/${seg(brandId)}/classification/review-queue`,
        { sentiment: sentiment ?? undefined, limit: String(QUEUE_PAGE), cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAccuracy(brandId: string, field: TLabelField, range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...classificationKey(brandId), "accuracy", field, range],
    queryFn: ({ signal }) => api.get<TAccuracy>(`/api/brands/${seg(brandId)}/classification/accuracy`, { field, ...range }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClassificationSettings(brandId: string) {
  return useQuery({
    queryKey: [...classificationKey(brandId), "settings"],
    queryFn: ({ signal }) => api.get<TClassificationSettings>(`/api/brands/${seg(brandId)}/classification/settings`, undefined, signal),
  });
}

/** Saves the provider (or removes it with null); the answer is the new settings. */
export function useSaveProvider(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: TProviderBody | null) =>
      apiRequest<TClassificationSettings>("PUT", `/api/brands/${seg(brandId)}/classification/provider`, { body: { provider } }),
    onSuccess: (settings) => queryClient.setQueryData([...classificationKey(brandId), "settings"], settings),
  });
}

export function useResetAdaptation(brandId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TClassificationSettings>(`/api/brands/${seg(brandId)}/classification/reset-adaptation`, {}),
    onSuccess: (settings) => queryClient.setQueryData([...classificationKey(brandId), "settings"], settings),
  });
}
