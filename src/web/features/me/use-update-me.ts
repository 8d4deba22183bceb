import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TLocale, TSession, TUser } from "../../api/types.ts";

export type TMePatch = { name?: string; locale?: TLocale; activeBrandId?: string | null };

/**
 * PATCH /api/me with an optimistic update of the session user, so the language or the brand
 * switches at once; rolled back if the server refuses.
 */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TMePatch) => api.patch<{ user: TUser }>("/api/me", patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.session });
      const previous = queryClient.getQueryData<TSession | null>(queryKeys.session);
      if (previous) queryClient.setQueryData<TSession>(queryKeys.session, { ...previous, user: { ...previous.user, ...patch } });
      return { previous };
    },
    onError: (_error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.session, context.previous);
    },
    onSuccess: ({ user }) => {
      const current = queryClient.getQueryData<TSession | null>(queryKeys.session);
      if (current) queryClient.setQueryData<TSession>(queryKeys.session, { ...current, user });
    },
  });
}
