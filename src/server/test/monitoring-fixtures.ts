import type { TConnectorItem } from "../connectors/connector.ts";
import type { TExecutor } from "../context.ts";
import { insertBrand, insertClient, insertWorkspace } from "../features/accounts/queries.ts";
import type { TIngestClassifier } from "../features/ingest/ingest-batch.ts";

/** A workspace, client and brand straight in the database, for pipeline tests that need no HTTP. */
export async function createBrandRow(db: TExecutor, name = `Brand ${Math.random().toString(36).slice(2, 8)}`) {
  const workspaceId = await insertWorkspace(db, `Workspace ${name}`);
  const client = await insertClient(db, workspaceId, `Client ${name}`);
  const brand = await insertBrand(db, { workspaceId, clientId: client.id, name });
  return { workspaceId, clientId: client.id, brandId: brand.id };
}

/**
 * Tests of storage and dedupe need a label, not a good one: negative when the text says
 * "ужас"/"awful" or the rating is low, positive for "отлично"/"great" or a high rating.
 * The product's classifier is tested on its own.
 */
export const keywordTestClassifier: TIngestClassifier = {
  id: "test-keywords",
  version: "1",
  async classifyBatch(inputs) {
    return inputs.map(({ text, rating }) => {
      const share = rating ? rating.value / rating.scale : undefined;
      if ((share !== undefined && share <= 0.4) || /ужас|awful/i.test(text)) return { label: "negative" as const, confidence: 0.9 };
      if ((share !== undefined && share >= 0.8) || /отлично|great/i.test(text)) return { label: "positive" as const, confidence: 0.9 };
      return { label: "neutral" as const, confidence: 0.6 };
    });
  },
};

let counter = 0;

/** A connector item with sensible defaults; override what the test is about. */
export function item(overrides: Partial<TConnectorItem> = {}): TConnectorItem {
  counter++;
  return {
    kind: "post",
    externalId: `ext-${counter}`,
    url: `https://example.com/posts/${counter}`,
    author: { name: "Автор" },
    text: `Пост номер ${counter} про Нортвинд Банк и его приложение`,
    publishedAt: new Date(Date.UTC(2026, 10, 1, 12, 0, counter % 60)).toISOString(),
    replyCapability: "none",
    ...overrides,
  };
}
