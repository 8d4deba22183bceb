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

/** Connectors added at run time (tests, out-of-tree connectors), beside the built-in ones. */
const extra = new Map<string, TConnector>();

/** Adds a connector next to the registry's; returns the function that takes it away again. */
export function registerConnector(connector: TConnector): () => void {
  if (byId.has(connector.id)) throw new Error(`connector "${connector.id}" is already in the registry`);
  extra.set(connector.id, connector);
  return () => {
    if (extra.get(connector.id) === connector) extra.delete(connector.id);
  };
}

export function findConnector(id: string): TConnector | undefined {
  return byId.get(id) ?? extra.get(id);
}

export function allConnectors(): TConnector[] {
  return [...connectors, ...extra.values()];
}
