import type { TAppContext } from "../../context.ts";
import type { TMentionStatus, TNegativeType, TSentiment } from "../../db/schema/monitoring.ts";
import { labelMentions } from "../classification/label-mentions.ts";
import type { TAuth } from "../accounts/access.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { forbidden } from "../../lib/errors.ts";
import { openCasesInBulk } from "../cases/open-case-for-mention.ts";
import { addMentionsTag, removeMentionsTag, setMentionsStatus } from "./queries.ts";

export type TBulkAction =
  | { action: "set_sentiment"; sentiment: TSentiment }
  | { action: "confirm_sentiment" }
  | { action: "set_negative_type"; negativeType: TNegativeType }
  | { action: "confirm_negative_type" }
  | { action: "add_tag"; tag: string }
  | { action: "remove_tag"; tag: string }
  | { action: "set_status"; status: TMentionStatus }
  | { action: "open_case" };

export type TBulkRequest = TBulkAction & { ids: readonly string[] };

/**
 * One change applied to many mentions of one brand, by an agency role. Ids of other brands'
 * mentions (or of none) are skipped, never touched; the change and its audit entry commit together.
 */
export async function bulkUpdateMentions(app: TAppContext, auth: TAuth, brandId: string, request: TBulkRequest, now = new Date()): Promise<{ updated: number }> {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles change mentions");
  const ids = [...new Set(request.ids)];
  const by = { userId: auth.userId, at: now };
  return app.db.transaction(async (tx) => {
    let touched: string[];
    let details: Record<string, unknown>;
    switch (request.action) {
      case "set_sentiment":
        touched = await labelMentions(tx, brandId, ids, { field: "sentiment", value: request.sentiment }, by);
        details = { sentiment: request.sentiment };
        break;
      case "confirm_sentiment":
        touched = await labelMentions(tx, brandId, ids, { field: "sentiment", value: "confirm" }, by);
        details = {};
        break;
      case "set_negative_type":
        touched = await labelMentions(tx, brandId, ids, { field: "negative_type", value: request.negativeType }, by);
        details = { negativeType: request.negativeType };
        break;
      case "confirm_negative_type":
        touched = await labelMentions(tx, brandId, ids, { field: "negative_type", value: "confirm" }, by);
        details = {};
        break;
      case "open_case":
        // One case per copy cluster; `touched` = the mentions a new case was opened on.
        touched = await openCasesInBulk(tx, app.config, auth, brandId, ids, now);
        details = {};
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
