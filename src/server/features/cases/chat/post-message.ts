import type { TAppContext } from "../../../context.ts";
import type { TCaseAttachment } from "../../../db/schema/cases.ts";
import { forbidden, invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { brandRoles } from "../brand-roles.ts";
import { auditActorOf, canTalkOnCase, caseActorOf } from "../case-actor.ts";
import { caseUrl } from "../case-links.ts";
import { nudgeLive } from "../live/live-hub.ts";
import { insertInApp } from "../notify/queries.ts";
import { brandInfo, findCase, userNames } from "../queries.ts";
import { MAX_ATTACHMENTS_PER_MESSAGE, cleanFileName, nameProblem } from "./attachment-types.ts";
import { type TMessageView, messageView } from "./message-view.ts";
import { insertMessage, uploadsOfCase } from "./queries.ts";

/**
 * A chat message on a case: text, people @mentioned (each must be on the brand; they get an
 * in-app notice), and files uploaded to this case before (by hash, each with its shown name).
 */
export const MAX_MESSAGE_LENGTH = 5000;

export type TNewMessage = { text: string; mentions?: readonly string[]; attachments?: readonly { hash: string; name: string }[] };

export async function postCaseMessage(app: TAppContext, auth: TAuth, brandId: string, caseId: string, input: TNewMessage, now = new Date()): Promise<TMessageView> {
  const actor = caseActorOf(auth, brandId);
  if (!canTalkOnCase(actor.role)) throw forbidden("Viewers read the chat; they do not write in it");
  const text = input.text.trim();
  const wanted = input.attachments ?? [];
  if (!text && wanted.length === 0) throw invalid("text", "write something or attach a file");
  if (wanted.length > MAX_ATTACHMENTS_PER_MESSAGE) throw invalid("attachments", `at most ${MAX_ATTACHMENTS_PER_MESSAGE} files a message`);

  const row = await app.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, brandId, caseId);
    if (!caseRow) throw notFound("No such case");
    const mentioned = [...new Set(input.mentions ?? [])];
    if (mentioned.length > 0) {
      const roles = await brandRoles(tx, brandId);
      const stranger = mentioned.findIndex((id) => !roles.has(id));
      if (stranger >= 0) throw invalid(`mentions.${stranger}`, "not a member of this brand");
    }
    const uploads = new Map((await uploadsOfCase(tx, caseId, wanted.map((a) => a.hash))).map((u) => [u.blobHash, u]));
    const attachments: TCaseAttachment[] = wanted.map((a, i) => {
      const upload = uploads.get(a.hash);
      if (!upload) throw invalid(`attachments.${i}.hash`, "upload the file to this case first");
      const name = cleanFileName(a.name);
      const problem = name ? nameProblem(name, upload.mime as Parameters<typeof nameProblem>[1]) : "a name is required";
      if (problem) throw invalid(`attachments.${i}.name`, problem);
      return { hash: upload.blobHash, name, mime: upload.mime, size: upload.size };
    });
    const message = await insertMessage(tx, { caseId, brandId, authorId: auth.userId, authorLabel: auth.email, text, mentionedUserIds: mentioned, attachments, createdAt: now });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: auditActorOf(actor),
      action: "case.message",
      objectType: "case",
      objectId: caseId,
      brandId,
      details: { messageId: message.id, attachments: attachments.map((a) => a.hash), mentions: mentioned },
    });
    const others = mentioned.filter((id) => id !== auth.userId);
    if (others.length > 0) {
      const [brand, names] = await Promise.all([brandInfo(tx, brandId), userNames(tx, [auth.userId])]);
      const event = {
        caseId,
        caseUrl: caseUrl(app.config, brandId, caseId),
        brandName: brand?.name ?? "",
        actorName: names.get(auth.userId) ?? auth.email,
        excerpt: Array.from(text).slice(0, 300).join(""),
        occurredAt: now.toISOString(),
      };
      await insertInApp(tx, others.map((userId) => ({ userId, brandId, caseId, kind: "chat_mention", event, createdAt: now })));
    }
    return message;
  });
  nudgeLive(app);
  const names = await userNames(app.db, [auth.userId]);
  return messageView(brandId, { message: row, authorName: names.get(auth.userId) ?? null });
}
