import { z } from "zod";

/**
 * Brave Search API: Brave's own index (not Google's or Bing's), a subscription token in
 * `X-Subscription-Token`. Up to 20 results a call, so a top-20 is one call.
 */
export const BRAVE_URL = "https://api.search.brave.com";

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const braveConfigSchema = z.strictObject({
  apiKey: z.string().trim().min(1, "the subscription token is required"),
  /** Reputation work needs to see everything the engine shows. */
  safesearch: z.enum(["off", "moderate", "strict"]).default("off"),
  baseUrl: httpUrl.default(BRAVE_URL),
});

export type TBraveConfig = z.infer<typeof braveConfigSchema>;
