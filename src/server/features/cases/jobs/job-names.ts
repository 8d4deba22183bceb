/** The jobs of the negative-reviews workflow (registered in jobs/definitions.ts). */
export const CASE_JOBS = {
  autoOpen: "cases.auto_open",
  screenshots: "cases.screenshots",
  sla: "cases.sla",
  dispatch: "notifications.dispatch",
  digest: "notifications.digest",
  webhooks: "webhooks.deliver",
} as const;
