import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TRole, TScope, TWorkspaceUser } from "../../api/types.ts";

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: async () => (await api.get<{ users: TWorkspaceUser[] }>("/api/users")).users,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users }),
      queryClient.invalidateQueries({ queryKey: queryKeys.brands }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
    ]);
}

export function useAddGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: { userId: string; role: TRole; scope: TScope }) =>
      api.post<{ grant: unknown }>(`/api/users/${seg(input.userId)}/grants`, { role: input.role, ...input.scope }),
    onSuccess: invalidate,
  });
}

export function useRemoveGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: { userId: string; grantId: string }) =>
      api.delete(`/api/users/${seg(input.userId)}/grants/${seg(input.grantId)}`),
    onSuccess: invalidate,
  });
}

export function useDeleteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/users/${seg(userId)}`),
    onSuccess: invalidate,
  });
}
