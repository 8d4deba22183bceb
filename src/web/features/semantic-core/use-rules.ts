import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg } from "../../api/client.ts";
import type { TPreview, TRule, TRuleInput, TVariant } from "./types.ts";

export const ruleKeys = {
  rules: (brandId: string) => ["rules", brandId] as const,
  preview: (brandId: string, query: string, variants: readonly string[]) => ["rules", brandId, "preview", query, variants] as const,
};

const base = (brandId: string) => `/api/brands/${seg(brandId)}/rules`;

export function useRules(brandId: string) {
  return useQuery({
    queryKey: ruleKeys.rules(brandId),
    queryFn: async () => (await api.get<{ rules: TRule[] }>(base(brandId))).rules,
  });
}

function useRuleMutation<TInput, TResult>(brandId: string, run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.rules(brandId), exact: true }),
  });
}

export function useCreateRule(brandId: string) {
  return useRuleMutation(brandId, (input: TRuleInput) => api.post<{ rule: TRule }>(base(brandId), input));
}

export function useUpdateRule(brandId: string) {
  return useRuleMutation(brandId, ({ id, ...input }: Partial<TRuleInput> & { id: string }) =>
    api.patch<{ rule: TRule }>(`${base(brandId)}/${seg(id)}`, input),
  );
}

export function useDeleteRule(brandId: string) {
  return useRuleMutation(brandId, (id: string) => api.delete(`${base(brandId)}/${seg(id)}`));
}

export function useGenerateVariants(brandId: string) {
  return useMutation({
    mutationFn: async (input: { name: string; abbreviations: string[] }) =>
      (await api.post<{ variants: TVariant[] }>(`${base(brandId)}/variants`, input)).variants,
  });
}

/**
 * What a query and variants match among the stored mentions; a syntax error is part of the
 * answer. Keyed by its input, so typing back to an earlier query is instant; the last answer
 * stays on screen while the next one loads.
 */
export function useRulePreview(brandId: string, query: string, variants: readonly string[], enabled = true) {
  return useQuery({
    queryKey: ruleKeys.preview(brandId, query, variants),
    queryFn: () => api.post<TPreview>(`${base(brandId)}/preview`, { query: query || undefined, variants }),
    enabled: enabled && (query.trim() !== "" || variants.length > 0),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
