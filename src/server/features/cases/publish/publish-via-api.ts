import type { TAppContext } from "../../../context.ts";
import { ReplyError, type TReplyResult } from "../../../connectors/connector.ts";
import { findConnector } from "../../../connectors/registry.ts";
import { AppError, conflict, errorMessage, forbidden, invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { connectorContext } from "../../ingest/connector-context.ts";
import { findBrandSource } from "../../sources/queries.ts";
import { afterCaseChange } from "../after-case-change.ts";
import { applyTransition } from "../apply-transition.ts";
import { auditActorOf, caseActorOf, isAgencyRole } from "../case-actor.ts";
import type { TCaseView } from "../case-view.ts";
import { publishRoute } from "../case-view.ts";
import { loadCaseView } from "../load-case-view.ts";
import { caseWithMention, claimPublishing, findCase, updateCase } from "../queries.ts";
import { latestResponse } from "../responses/queries.ts";

/**
 * Publishing the approved response through the source's connector (VK community, Reddit, and
 * every later connector with `reply`), with the brand's credentials from the source. Nothing
 * goes out unless the latest version is the approved one. A claim on the case row keeps a second
 * click from posting twice; the idempotency key (case and version) lets platforms that dedupe
 * (VK's guid) drop a repeat. A refusal is recorded in the audit log and answered with what to do.
 */
const CLAIM_STALE_MS = 2 * 60_000;

export async function publishViaApi(app: TAppContext, auth: TAuth, brandId: string, caseId: string, now = new Date()): Promise<TCaseView> {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(actor.role)) throw forbidden("Only the agency's roles publish responses");

  const prepared = await app.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, brandId, caseId, true);
    if (!caseRow) throw notFound("No such case");
    const latest = await latestResponse(tx, caseId);
    if (caseRow.state !== "approved" || !latest || caseRow.approvedResponseId !== latest.id) {
      throw conflict("Nothing is published without an approval of the latest response version");
    }
    const row = await caseWithMention(tx, brandId, caseId);
    if (!row || publishRoute(row.m) !== "api" || !row.m.sourceId) throw conflict("This platform has no reply API here: publish manually and give the answer's URL");
    const source = await findBrandSource(tx, brandId, row.m.sourceId);
    const connector = source ? findConnector(source.connector) : undefined;
    if (!source || !connector?.reply) throw conflict("The mention's source is gone or cannot answer: publish manually");
    const config = connector.configSchema.safeParse(source.config);
    if (!config.success) throw conflict("The source's configuration is not valid: fix it in the source settings");
    const limit = connector.replyMaxLength;
    if (limit !== undefined && Array.from(latest.text).length > limit) throw invalid("text", `the platform takes at most ${limit} characters; shorten the response and approve it again`);
    if (!(await claimPublishing(tx, caseId, now, new Date(now.getTime() - CLAIM_STALE_MS)))) throw conflict("This case is being published right now");
    return { connector, reply: connector.reply, config: config.data, source, target: { ref: row.m.replyTarget ?? {}, url: row.m.url, idempotencyKey: `${caseId}:${latest.version}` }, text: latest.text, version: latest.version };
  });

  let result: TReplyResult;
  try {
    const ctx = connectorContext(app.config, prepared.connector, prepared.source, app.logger.child({ caseId }), AbortSignal.timeout(60_000));
    result = await prepared.reply(ctx, prepared.config, prepared.target, prepared.text);
  } catch (error) {
    await app.db.transaction(async (tx) => {
      await updateCase(tx, caseId, { publishingSince: null });
      await recordAudit(tx, {
        workspaceId: auth.workspaceId,
        actor: auditActorOf(actor),
        action: "case.publish_failed",
        objectType: "case",
        objectId: caseId,
        brandId,
        details: { kind: error instanceof ReplyError ? error.kind : "internal", message: errorMessage(error), version: prepared.version },
      });
    });
    throw replyProblem(error);
  }

  await app.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, brandId, caseId, true);
    if (!caseRow) throw notFound("No such case");
    await applyTransition(tx, app.config, {
      caseRow,
      action: "publish",
      actor,
      workspaceId: auth.workspaceId,
      now,
      patch: {
        publishedHow: "api",
        publishedBy: auth.userId,
        publishedAt: now,
        publishedUrl: result.url,
        publishedExternalId: result.externalId,
        publishingSince: null,
        confirmationStatus: "confirmed",
        confirmationCheckedAt: now,
        confirmationScreenshotStatus: result.url ? "pending" : "skipped",
      },
      details: { how: "api", url: result.url, externalId: result.externalId },
    });
  });
  await afterCaseChange(app, { notify: true, screenshots: true });
  return loadCaseView(app.db, brandId, caseId, actor.role, now);
}

function replyProblem(error: unknown): AppError {
  if (!(error instanceof ReplyError)) return new AppError("unavailable", `Publishing failed: ${errorMessage(error)}`);
  switch (error.kind) {
    case "auth":
      return conflict(`The platform refused the source's credentials (${error.message}): renew the token in the source's settings`);
    case "rate_limited":
      return new AppError("rate_limited", `The platform asks to wait: ${error.message}`, { retryAfterSeconds: error.retryAfterSeconds ?? 60 });
    case "text_rejected":
      return invalid("text", `the platform refused the text: ${error.message}. Edit it and have it approved again`);
    case "target_gone":
      return conflict(`The mention can no longer be answered: ${error.message}`);
    case "not_configured":
      return conflict(`${error.message}. Publish manually instead`);
    case "upstream":
      return new AppError("unavailable", `The platform failed: ${error.message}. Nothing was published; try again later`);
    case "unknown_outcome":
      return new AppError("unavailable", `${error.message}. Check the platform before publishing again`);
  }
}
