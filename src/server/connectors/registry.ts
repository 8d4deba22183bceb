import { bankiRuConnector } from "./banki-ru/banki-ru.connector.ts";
import type { TConnector } from "./connector.ts";
import { redditConnector } from "./reddit/reddit.connector.ts";
import { rssConnector } from "./rss/rss.connector.ts";
import { telegramConnector } from "./telegram/telegram.connector.ts";
import { vkConnector } from "./vk/vk.connector.ts";
import { webPageConnector } from "./web-page/web-page.connector.ts";

/** Every source the product can collect from, by id. A new source is one folder and one line here. */
export const connectors: readonly TConnector[] = [
  rssConnector,
  webPageConnector,
  vkConnector,
  telegramConnector,
  redditConnector,
  bankiRuConnector,
];

const byId = new Map(connectors.map((c) => [c.id, c]));

export function findConnector(id: string): TConnector | undefined {
  return byId.get(id);
}
