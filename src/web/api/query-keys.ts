/** Every react-query key in one place, so invalidation after a mutation is easy to read. */
export const queryKeys = {
  setup: ["setup"] as const,
  session: ["session"] as const,
  brands: ["brands"] as const,
  brand: (brandId: string) => ["brands", brandId] as const,
  clients: ["clients"] as const,
  users: ["users"] as const,
  invitations: ["invitations"] as const,
  invitationPreview: (token: string) => ["invitation-preview", token] as const,
  audit: (filters: { brandId?: string; action?: string }) => ["audit", filters] as const,
  auditAll: ["audit"] as const,
  jobQueues: ["jobs", "queues"] as const,
  failedJobs: ["jobs", "failed"] as const,
  tokens: ["tokens"] as const,
  /** Everything cached about one brand's mentions: feed pages, facets, details. */
  mentionsAll: (brandId: string) => ["mentions", brandId] as const,
  mentionFeed: (brandId: string, query: Record<string, string | undefined>, folded: boolean) => ["mentions", brandId, "feed", query, folded] as const,
  mentionFacets: (brandId: string, query: Record<string, string | undefined>) => ["mentions", brandId, "facets", query] as const,
  mention: (brandId: string, mentionId: string) => ["mentions", brandId, "detail", mentionId] as const,
};
