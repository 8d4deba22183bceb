import { z } from "zod";

/**
 * DataForSEO SERP API: the account's API login and password (HTTP Basic). `live` answers in
 * about six seconds; `standard` queues a task (task_post → task_get), costs less and takes about
 * five minutes (one with `priority: high`). Either way the whole depth is one call, billed per
 * ten results.
 */
export const DATAFORSEO_URL = "https://api.dataforseo.com";

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const dataForSeoConfigSchema = z.strictObject({
  login: z.string().trim().min(1, "the API login is required"),
  password: z.string().trim().min(1, "the API password is required"),
  mode: z.enum(["live", "standard"]).default("live"),
  priority: z.enum(["normal", "high"]).default("normal"),
  /** Used when a request names no language; DataForSEO needs one. */
  languageCode: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(?:-[a-z]{2,4})?$/i, "a language code such as ru or en")
    .optional(),
  pollIntervalSeconds: z.number().int().min(1).max(3600).default(30),
  maxWaitMinutes: z.number().int().min(1).max(24 * 60).default(20),
  baseUrl: httpUrl.default(DATAFORSEO_URL),
});

export type TDataForSeoConfig = z.infer<typeof dataForSeoConfigSchema>;
