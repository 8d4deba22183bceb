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
};
