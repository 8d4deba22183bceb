import { type TConnector, defineConnector } from "../connector.ts";
import { REDDIT_CONNECTOR_VERSION, type TRedditConfig, redditConfigSchema } from "./reddit.config.ts";
import { REDDIT_REPLY_MAX_LENGTH, publishRedditReply } from "./reddit.publish-reply.ts";
import { fetchRedditSearch } from "./reddit.search.ts";

/**
 * Reddit (CONNECTORS.md §2): posts matching a query across Reddit or in one subreddit, through
 * the OAuth API when the app's credentials are given, the public JSON pages otherwise. Replies
 * go out through `POST /api/comment` (see reddit.reply.ts).
 */
export const redditConnectorDefinition: TConnector<TRedditConfig> = {
  id: "reddit",
  version: REDDIT_CONNECTOR_VERSION,
  sourceKind: "reddit",
  title: { en: "Reddit", ru: "Reddit" },
  configSchema: redditConfigSchema,
  secretFields: ["clientSecret", "replyRefreshToken"],
  capabilities: { keywordSearch: true, placeReviews: false, ownPageComments: false, reply: true },
  isOwnPlace: () => false,
  // 60 requests a minute per OAuth client.
  rateLimit: { limit: 60, intervalMs: 60_000 },
  defaultIntervalMinutes: 15,
  fetch: fetchRedditSearch,
  reply: publishRedditReply,
  replyMaxLength: REDDIT_REPLY_MAX_LENGTH,
};

export const redditConnector = defineConnector(redditConnectorDefinition);
