import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TClient } from "../../api/types.ts";
import { invalidateWorkspaceTree } from "../brands/use-brands.ts";

export function useClients(enabled = true) {
  return useQuery({
    queryKey: queryKeys.clients,
    queryFn: async () => (await api.get<{ clients: TClient[] }>("/api/clients")).clients,
    enabled,
  });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<{ client: unknown }>("/api/clients", input),
    onSuccess: () => invalidateWorkspaceTree(queryClient),
  });
}

export function useRenameClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; name: string }) =>
      api.patch<{ client: unknown }>(`/api/clients/${seg(input.clientId)}`, { name: input.name }),
    onSuccess: () => invalidateWorkspaceTree(queryClient),
  });
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => api.delete(`/api/clients/${seg(clientId)}`),
    onSuccess: () => invalidateWorkspaceTree(queryClient),
  });
}
