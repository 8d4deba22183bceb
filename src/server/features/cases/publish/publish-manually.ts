import type { TAppContext } from "../../../context.ts";
import { conflict, forbidden, invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { afterCaseChange } from "../after-case-change.ts";
import { applyTransition } from "../apply-transition.ts";
import { caseActorOf, isAgencyRole } from "../case-actor.ts";
import { httpUrlOrNull } from "../case-links.ts";
import type { TCaseView } from "../case-view.ts";
import { loadCaseView } from "../load-case-view.ts";
import { findCase, updateCase } from "../queries.ts";
import { findResponse, latestResponse } from "../responses/queries.ts";
import { type TPageCheck, checkPublishedPage } from "./check-published-page.ts";

/**
 * "Publish manually": the specialist answered on the platform's own page (Yandex Maps, 2GIS,
 * Otzovik, banki.ru…) and gives the URL where the answer now is. The approved text is looked for
 * there, the case is recorded as published with `confirmed`, `not_found` (not there, or not yet:
 * platforms moderate answers — check again later) or `fetch_failed`, and the page is queued for
 * a screenshot. As with the API, nothing is recorded without an approval of the latest version.
 */
export async function publishManually(app: TAppContext, auth: TAuth, brandId: string, caseId: string, input: { url: string }, now = new Date()): Promise<{ case: TCaseView; check: TPageCheck }> {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(actor.role)) throw forbidden("Only the agency's roles publish responses");
  const url = httpUrlOrNull(input.url.trim());
  if (!url) throw invalid("url", "an http(s) address of the published answer");
  const caseRow = await findCase(app.db, brandId, caseId);
  if (!caseRow) throw notFound("No such case");
  const latest = await latestResponse(app.db, caseId);
  if (caseRow.state !== "approved" || !latest || caseRow.approvedResponseId !== latest.id) {
    throw conflict("Nothing is published without an approval of the latest response version");
  }
  const check = await checkPublishedPage(app.config, url, latest.text);

  await app.db.transaction(async (tx) => {
    const locked = await findCase(tx, brandId, caseId, true);
    if (!locked) throw notFound("No such case");
    await applyTransition(tx, app.config, {
      caseRow: locked,
      action: "publish",
      actor,
      workspaceId: auth.workspaceId,
      now,
      patch: {
        publishedHow: "manual",
        publishedBy: auth.userId,
        publishedAt: now,
        publishedUrl: url,
        publishedExternalId: null,
        confirmationStatus: check.status,
        confirmationCheckedAt: now,
        confirmationScreenshotStatus: check.status === "fetch_failed" ? "skipped" : "pending",
      },
      details: { how: "manual", url, confirmation: check.status, ...(check.detail ? { detail: check.detail } : {}) },
    });
  });
  await afterCaseChange(app, { notify: true, screenshots: true });
  return { case: await loadCaseView(app.db, brandId, caseId, actor.role, now), check };
}

/** Looks for the approved text on the recorded page again (after the platform's moderation). */
export async function recheckPublication(app: TAppContext, auth: TAuth, brandId: string, caseId: string, now = new Date()): Promise<{ case: TCaseView; check: TPageCheck }> {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(actor.role)) throw forbidden("Only the agency's roles check publications");
  const caseRow = await findCase(app.db, brandId, caseId);
  if (!caseRow) throw notFound("No such case");
  if (!caseRow.publishedUrl || caseRow.publishedHow !== "manual" || !caseRow.approvedResponseId) throw conflict("Only a manual publication with a URL is checked again");
  const approved = await findResponse(app.db, caseId, caseRow.approvedResponseId);
  if (!approved) throw conflict("The approved response is gone");
  const check = await checkPublishedPage(app.config, caseRow.publishedUrl, approved.text);
  await app.db.transaction(async (tx) => {
    await updateCase(tx, caseId, {
      confirmationStatus: check.status,
      confirmationCheckedAt: now,
      updatedAt: now,
      ...(check.status === "confirmed" && caseRow.confirmationStatus !== "confirmed" ? { confirmationScreenshotStatus: "pending" as const } : {}),
    });
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "case.publication_check", objectType: "case", objectId: caseId, brandId, details: { confirmation: check.status } });
  });
  await afterCaseChange(app, { screenshots: true });
  return { case: await loadCaseView(app.db, brandId, caseId, actor.role, now), check };
}
