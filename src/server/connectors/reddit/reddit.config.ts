import { z } from "zod";

/**
 * What a Reddit source needs: a search query, optionally limited to one subreddit. With an app's
 * client id and secret the connector uses the OAuth API (app-only token, 60 requests a minute);
 * without them, Reddit's public JSON pages, which Reddit throttles harder and may refuse.
 */
export const REDDIT_CONNECTOR_VERSION = "1.0.0";
export const REDDIT_OAUTH_BASE_URL = "https://oauth.reddit.com";
export const REDDIT_PUBLIC_BASE_URL = "https://www.reddit.com";
export const REDDIT_AUTH_URL = "https://www.reddit.com";

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const redditConfigSchema = z
  .strictObject({
    query: z.string().trim().min(1, "a search query is required").max(512),
    /** Search one subreddit only: its name without "r/". */
    subreddit: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_]{2,21}$/, "a subreddit name: letters, digits and _ (without r/)")
      .optional(),
    clientId: z.string().trim().min(1).optional(),
    clientSecret: z.string().trim().min(1).optional(),
    /** The Reddit username that runs the app, for the User-Agent Reddit asks for ("by /u/<name>"). */
    userAgentContact: z
      .string()
      .trim()
      .regex(/^(?:\/?u\/)?[A-Za-z0-9_-]{3,20}$/, "a Reddit username such as northwind_team")
      .optional(),
    /**
     * Publishing answers: a refresh token of the brand's Reddit account with the `submit` scope
     * (from Reddit's OAuth flow with duration=permanent, for this app's client id). Reading never needs it.
     */
    replyRefreshToken: z.string().trim().min(1).optional(),
    /** The API host; without credentials the public www.reddit.com is used instead of this default. */
    baseUrl: httpUrl.default(REDDIT_OAUTH_BASE_URL),
    /** Where app-only tokens come from. */
    authUrl: httpUrl.default(REDDIT_AUTH_URL),
  })
  .superRefine((config, ctx) => {
    if (config.clientId !== undefined && config.clientSecret === undefined) {
      ctx.addIssue({ code: "custom", path: ["clientSecret"], message: "the app's secret is required with its client id" });
    }
    if (config.clientSecret !== undefined && config.clientId === undefined) {
      ctx.addIssue({ code: "custom", path: ["clientId"], message: "the app's client id is required with its secret" });
    }
    if (config.replyRefreshToken !== undefined && (config.clientId === undefined || config.clientSecret === undefined)) {
      ctx.addIssue({ code: "custom", path: ["replyRefreshToken"], message: "answering needs the app's client id and secret too" });
    }
  });

export type TRedditConfig = z.infer<typeof redditConfigSchema>;

export const hasCredentials = (config: TRedditConfig): config is TRedditConfig & { clientId: string; clientSecret: string } =>
  config.clientId !== undefined && config.clientSecret !== undefined;

/** Reddit's rule: `<platform>:<app ID>:<version> (by /u/<reddit username>)`. */
export function redditUserAgent(contact?: string): string {
  const user = contact?.replace(/^\/?u\//, "");
  return `server:repute:${REDDIT_CONNECTOR_VERSION} (${user ? `by /u/${user}` : "self-hosted Repute instance"})`;
}

/** The host to read from: the public site when there are no credentials and no override. */
export function redditReadBase(config: TRedditConfig): string {
  const base = !hasCredentials(config) && config.baseUrl === REDDIT_OAUTH_BASE_URL ? REDDIT_PUBLIC_BASE_URL : config.baseUrl;
  return base.replace(/\/+$/, "");
}
