import { z } from "zod";

/**
 * SerpApi (serpapi.com): one API key; Google, Bing and Yandex through `engine=`. Each call is one
 * search from the plan (cached answers within the hour are free); pages of ten, since Google
 * ignores `num` above 10 (SERM.md §5).
 */
export const SERPAPI_URL = "https://serpapi.com";

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const serpApiConfigSchema = z.strictObject({
  apiKey: z.string().trim().min(1, "the API key is required"),
  /** Google's domain for the search ("google.ru"); SerpApi's default is google.com. */
  googleDomain: z
    .string()
    .trim()
    .regex(/^google\.[a-z.]{2,10}$/, "a Google domain such as google.ru")
    .optional(),
  yandexDomain: z
    .string()
    .trim()
    .regex(/^(?:yandex\.[a-z.]{2,10}|ya\.ru)$/, "a Yandex domain such as yandex.ru")
    .default("yandex.ru"),
  /** Always fetch afresh instead of SerpApi's hour-long cache (every call is then billed). */
  noCache: z.boolean().default(false),
  /** Also download the archived HTML of the first page (free) for the snapshot. */
  keepHtml: z.boolean().default(false),
  baseUrl: httpUrl.default(SERPAPI_URL),
});

export type TSerpApiConfig = z.infer<typeof serpApiConfigSchema>;
