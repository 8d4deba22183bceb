import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/api-error.ts";
import { api } from "../../api/client.ts";
import { setCsrfToken } from "../../api/csrf.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TSession, TUser } from "../../api/types.ts";
import { clearIntendedSignOut, markIntendedSignOut } from "./sign-out-intent.ts";

/** The signed-in session, or null when nobody is signed in (401 is not an error here). */
async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api.get<TSession>("/api/auth/session");
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: fetchSession, staleTime: 60_000 });
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useCurrentUser(): TUser {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser without a session");
  return data.user;
}

/** True for cached data that belongs to one user (removed when the user changes). */
function belongsToOneUser(query: { queryKey: readonly unknown[] }): boolean {
  const key = query.queryKey[0];
  return key !== queryKeys.setup[0] && key !== queryKeys.session[0];
}

/** Stores a session returned by login, setup or invitation accept, dropping any previous user's data. */
export function startSession(queryClient: QueryClient, session: TSession): void {
  clearIntendedSignOut();
  setCsrfToken(session.csrfToken);
  // The session query itself stays (only its data changes): components observing it must see the change.
  queryClient.removeQueries({ predicate: belongsToOneUser });
  queryClient.setQueryData(queryKeys.session, session);
  queryClient.setQueryData(queryKeys.setup, { needsSetup: false });
}

/** Forgets everything about the signed-out user. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: belongsToOneUser });
  queryClient.setQueryData(queryKeys.session, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<TSession>("/api/auth/login", input),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    // Signed out locally even if the server call failed: the user asked to leave.
    onSettled: () => {
      markIntendedSignOut();
      endSession(queryClient);
    },
  });
}

export function useLogoutAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout-all"),
    onSuccess: () => {
      markIntendedSignOut();
      endSession(queryClient);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<void>("/api/auth/password", input),
  });
}
