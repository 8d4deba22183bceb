import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import type { TConnector, TSource, TSourceInput } from "./types.ts";

export const sourceKeys = {
  connectors: ["connectors"] as const,
  sources: (brandId: string) => ["sources", brandId] as const,
};

/** Health changes as workers run: the list refreshes itself while the page is open. */
const REFRESH_MS = 15_000;

export function useConnectors() {
  return useQuery({
    queryKey: sourceKeys.connectors,
    queryFn: async () => (await api.get<{ connectors: TConnector[] }>("/api/connectors")).connectors,
    staleTime: 5 * 60_000,
  });
}

export function useSources(brandId: string) {
  return useQuery({
    queryKey: sourceKeys.sources(brandId),
    queryFn: async () => (await api.get<{ sources: TSource[] }>(`/api/brands/${seg(brandId)}/sources`)).sources,
    refetchInterval: REFRESH_MS,
  });
}

function useSourceMutation<TInput, TResult>(brandId: string, run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceKeys.sources(brandId) }),
  });
}

const base = (brandId: string) => `/api/brands/${seg(brandId)}/sources`;

export function useCreateSource(brandId: string) {
  return useSourceMutation(brandId, (input: TSourceInput) => api.post<{ source: TSource }>(base(brandId), input));
}

export function useUpdateSource(brandId: string) {
  return useSourceMutation(brandId, ({ id, ...input }: Omit<TSourceInput, "connector"> & { id: string }) =>
    api.patch<{ source: TSource }>(`${base(brandId)}/${seg(id)}`, input),
  );
}

export function useDeleteSource(brandId: string) {
  return useSourceMutation(brandId, (id: string) => api.delete(`${base(brandId)}/${seg(id)}`));
}

export function useSourceAction(brandId: string) {
  return useSourceMutation(brandId, ({ id, action }: { id: string; action: "run" | "pause" | "resume" }) =>
    api.post<{ source: TSource; enqueued?: boolean }>(`${base(brandId)}/${seg(id)}/${action}`),
  );
}
