import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import type { TFailedJob, TQueue } from "../../api/types.ts";

const REFRESH_MS = 10_000;

export function useJobQueues() {
  return useQuery({
    queryKey: queryKeys.jobQueues,
    queryFn: async () => (await api.get<{ queues: TQueue[] }>("/api/admin/jobs")).queues,
    refetchInterval: REFRESH_MS,
  });
}

export function useFailedJobs() {
  return useQuery({
    queryKey: queryKeys.failedJobs,
    queryFn: async () => (await api.get<{ jobs: TFailedJob[] }>("/api/admin/jobs/failed")).jobs,
    refetchInterval: REFRESH_MS,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: { queue: string; id: string }) => api.post<void>(`/api/admin/jobs/${seg(job.queue)}/${seg(job.id)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["jobs"] }),
  });
}
