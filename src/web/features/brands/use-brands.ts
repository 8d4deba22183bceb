import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TBrand } from "../../api/types.ts";

/** Brands the caller may see, with the caller's role on each. */
export function useBrands() {
  return useQuery({
    queryKey: queryKeys.brands,
    queryFn: async () => (await api.get<{ brands: TBrand[] }>("/api/brands")).brands,
  });
}

/** After any change to clients or brands, everything that shows their names is stale. */
export function invalidateWorkspaceTree(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.brands }),
    queryClient.invalidateQueries({ queryKey: queryKeys.clients }),
    queryClient.invalidateQueries({ queryKey: queryKeys.users }),
    queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
    queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
  ]).then(() => undefined);
}

export function useCreateBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; name: string }) => api.post<{ brand: unknown }>("/api/brands", input),
    onSuccess: () => invalidateWorkspaceTree(queryClient),
  });
}

export function useRenameBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { brandId: string; name: string }) =>
      api.patch<{ brand: unknown }>(`/api/brands/${seg(input.brandId)}`, { name: input.name }),
    onSuccess: () => invalidateWorkspaceTree(queryClient),
  });
}

export function useDeleteBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (brandId: string) => api.delete(`/api/brands/${seg(brandId)}`),
    onSuccess: () => invalidateWorkspaceTree(queryClient),
  });
}
