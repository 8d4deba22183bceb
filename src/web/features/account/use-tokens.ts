import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TApiToken } from "../../api/types.ts";

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens,
    queryFn: async () => (await api.get<{ tokens: TApiToken[] }>("/api/tokens")).tokens,
  });
}

export type TCreatedToken = { token: { id: string; name: string; createdAt: string }; secret: string };

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<TCreatedToken>("/api/tokens", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.delete(`/api/tokens/${seg(tokenId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
