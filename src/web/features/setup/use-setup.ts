import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TLocale, TSession, TSetupStatus } from "../../api/types.ts";
import { startSession } from "../auth/use-session.ts";

export function useSetupStatus() {
  return useQuery({
    queryKey: queryKeys.setup,
    queryFn: () => api.get<TSetupStatus>("/api/setup"),
    staleTime: Infinity,
  });
}

export type TSetupInput = { workspaceName: string; name: string; email: string; password: string; locale: TLocale };

export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TSetupInput) => api.post<TSession>("/api/setup", input),
    onSuccess: (session) => startSession(queryClient, session),
  });
}
