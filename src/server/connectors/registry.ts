import { bankiRuConnector } from "./banki-ru/banki-ru.connector.ts";
import type { TConnector } from "./connector.ts";
import { telegramConnector } from "./telegram/telegram.connector.ts";

/** Every source the product can collect from, by id. A new source is one folder and one line here. */
export const connectors: readonly TConnector[] = [
  telegramConnector,
  bankiRuConnector,
];

const byId = new Map(connectors.map((c) => [c.id, c]));

export function findConnector(id: string): TConnector | undefined {
  return byId.get(id);
}
