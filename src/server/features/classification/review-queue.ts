import type { TExecutor } from "../../context.ts";
import type { TSentiment } from "../../db/schema/monitoring.ts";
import { mentionView } from "../mentions/mention-view.ts";
import { feedRowsByIds } from "../mentions/queries.ts";
import { invalid } from "../../lib/errors.ts";
import { type TQueueKey, reviewQueueIds, reviewQueueSize } from "./queries.ts";

/**
 * The specialist's review queue: the brand's machine-labelled mentions, least sure first, so
 * the person's time goes where the model is least sure. Confirming or correcting one (the bulk
 * actions) takes it off the queue. Keyset paging on (confidence, id).
 */
export async function reviewQueue(db: TExecutor, brandId: string, options: { sentiments?: readonly TSentiment[]; cursor?: string; limit: number }) {
  const after = options.cursor ? decodeQueueCursor(options.cursor) : undefined;
  const keys = await reviewQueueIds(db, brandId, { sentiments: options.sentiments, after, limit: options.limit + 1 });
  const page = keys.slice(0, options.limit);
  const byId = new Map((await feedRowsByIds(db, brandId, page.map((k) => k.id))).map((r) => [r.id, r]));
  const items = page.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [mentionView(row, { searchHighlights: [], copies: null })] : [];
  });
  const last = page.at(-1);
  return {
    items,
    total: await reviewQueueSize(db, brandId),
    nextCursor: keys.length > options.limit && last ? encodeQueueCursor(last) : null,
  };
}

function encodeQueueCursor(key: TQueueKey): string {
  return Buffer.from(JSON.stringify([key.confidence, key.id])).toString("base64url");
}

function decodeQueueCursor(cursor: string): TQueueKey {
  try {
    const [confidence, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof confidence === "number" && typeof id === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { confidence, id };
  } catch {
    // reported below
  }
  throw invalid("cursor", "not a cursor this list gave out");
}
