import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TAuditPage } from "../../api/types.ts";

export type TAuditFilters = { brandId?: string; action?: string };

/** The workspace audit log, newest first, one page per "load more". */
export function useAuditLog(filters: TAuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<TAuditPage>("/api/audit", { brandId: filters.brandId, action: filters.action, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
