import type { TConnectorItem } from "../connector.ts";
import type { TTelegramConfig } from "./telegram.config.ts";
import type { TTelegramMessage } from "./telegram.page.ts";
import { parseViewCount } from "./view-count.ts";

/**
 * A channel post as a mention. t.me/s says that a post was edited but not when, so `updatedAt`
 * is the moment the edit was first seen (ctx.now): later than the truth, never earlier.
 */
export function telegramItem(message: TTelegramMessage & { publishedAt: string }, channelTitle: string | undefined, config: TTelegramConfig, now: Date): TConnectorItem {
  const { channel, id } = message;
  const name = message.ownerName ?? channelTitle;
  const views = message.views === undefined ? undefined : parseViewCount(message.views);
  return {
    kind: "post",
    externalId: `${channel}/${id}`,
    url: `https://t.me/${channel}/${id}`,
    target: { kind: "channel", externalId: config.channel, name: channelTitle, url: `https://t.me/${config.channel}` },
    author: { name, handle: channel, url: `https://t.me/${channel}` },
    text: message.text,
    publishedAt: message.publishedAt,
    updatedAt: message.edited ? now.toISOString() : undefined,
    metrics: views === undefined ? undefined : { views },
    replyCapability: "none",
    raw: {
      post: `${channel}/${id}`,
      html: message.html,
      views: message.views,
      edited: message.edited,
      forwardedFrom: message.forwardedFrom,
      hasPhoto: message.hasPhoto,
    },
  };
}
