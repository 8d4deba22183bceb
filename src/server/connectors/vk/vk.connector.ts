import { type TConnector, defineConnector } from "../connector.ts";
import { fetchVkCommunity } from "./vk.community.ts";
import { type TVkConfig, vkConfigSchema } from "./vk.config.ts";
import { publishVkReply } from "./vk.publish-reply.ts";
import { fetchVkSearch } from "./vk.search.ts";

/**
 * VK (CONNECTORS.md §2): a keyword search across VK, or the brand's own community wall with its
 * comments and the community's replies. Replies go out through `wall.createComment`
 * (see vk.reply.ts).
 */
export const vkConnectorDefinition: TConnector<TVkConfig> = {
  id: "vk",
  version: "1.0.0",
  sourceKind: "vk",
  title: { en: "VK", ru: "ВКонтакте" },
  configSchema: vkConfigSchema,
  secretFields: ["accessToken"],
  capabilities: { keywordSearch: true, placeReviews: false, ownPageComments: true, reply: true },
  isOwnPlace: (config) => config.mode === "community",
  // 3 requests a second per user token.
  rateLimit: { limit: 3, intervalMs: 1000 },
  defaultIntervalMinutes: 15,
  fetch: (ctx, config, cursor) => (config.mode === "community" ? fetchVkCommunity(ctx, config, cursor) : fetchVkSearch(ctx, config, cursor)),
  reply: publishVkReply,
};

export const vkConnector = defineConnector(vkConnectorDefinition);
