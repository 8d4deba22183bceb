import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TInvitationPreview, TLocale, TSession } from "../../api/types.ts";
import { startSession } from "../auth/use-session.ts";

/** The public view of an invitation link (no sign-in needed). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: () => api.get<TInvitationPreview>(`/api/invitations/${seg(token)}`),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; password: string; locale?: TLocale }) =>
      api.post<TSession>(`/api/invitations/${seg(token)}/accept`, input),
    onSuccess: (session) => startSession(queryClient, session),
  });
}
