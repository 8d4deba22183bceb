import type { TAppContext } from "../../context.ts";
import type { TMentionStatus, TSentiment } from "../../db/schema/monitoring.ts";
import type { TAuth } from "../accounts/access.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { forbidden } from "../../lib/errors.ts";
import { addMentionsTag, removeMentionsTag, setMentionsSentiment, setMentionsStatus } from "./queries.ts";

export type TBulkAction =
  | { action: "set_sentiment"; sentiment: TSentiment }
  | { action: "add_tag"; tag: string }
  | { action: "remove_tag"; tag: string }
  | { action: "set_status"; status: TMentionStatus };

export type TBulkRequest = TBulkAction & { ids: readonly string[] };

/**
 * One change applied to many mentions of one brand, by an agency role. Ids of other brands'
 * mentions (or of none) are skipped, never touched; the change and its audit entry commit together.
 */
export async function bulkUpdateMentions(app: TAppContext, auth: TAuth, brandId: string, request: TBulkRequest, now = new Date()): Promise<{ updated: number }> {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles change mentions");
  const ids = [...new Set(request.ids)];
  return app.db.transaction(async (tx) => {
    let touched: string[];
    let details: Record<string, unknown>;
    switch (request.action) {
      case "set_sentiment":
        touched = await setMentionsSentiment(tx, brandId, ids, request.sentiment, { userId: auth.userId, at: now });
        details = { sentiment: request.sentiment };
        break;
      case "set_status":
        touched = await setMentionsStatus(tx, brandId, ids, request.status);
        details = { status: request.status };
        break;
      case "add_tag":
        touched = await addMentionsTag(tx, brandId, ids, request.tag);
        details = { tag: request.tag };
        break;
      case "remove_tag":
        touched = await removeMentionsTag(tx, brandId, ids, request.tag);
        details = { tag: request.tag };
        break;
    }
    if (touched.length > 0) {
      await recordAudit(tx, {
        workspaceId: auth.workspaceId,
        actor: actorOf(auth),
        action: `mentions.bulk_${request.action}`,
        objectType: "mention",
        objectId: touched.length === 1 ? (touched[0] ?? null) : null,
        brandId,
        details: { count: touched.length, ...details, ids: touched },
      });
    }
    return { updated: touched.length };
  });
}
