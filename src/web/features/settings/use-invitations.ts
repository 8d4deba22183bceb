import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TInvitation, TLocale, TRole, TScope } from "../../api/types.ts";

export function useInvitations() {
  return useQuery({
    queryKey: queryKeys.invitations,
    queryFn: async () => (await api.get<{ invitations: TInvitation[] }>("/api/invitations")).invitations,
  });
}

export type TCreateInvitationInput = { email: string; role: TRole; scope: TScope; locale?: TLocale };
export type TCreatedInvitation = { invitation: TInvitation; link: string };

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateInvitationInput) =>
      api.post<TCreatedInvitation>("/api/invitations", {
        email: input.email,
        role: input.role,
        ...input.scope,
        ...(input.locale ? { locale: input.locale } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete(`/api/invitations/${seg(invitationId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations }),
  });
}
