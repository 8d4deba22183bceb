import type { caseMessages } from "../../../db/schema/cases.ts";
import { blobPath } from "../case-links.ts";

export type TMessageView = ReturnType<typeof messageView>;

export function messageView(brandId: string, row: { message: typeof caseMessages.$inferSelect; authorName: string | null }) {
  const m = row.message;
  return {
    id: m.id,
    author: { id: m.authorId, name: row.authorName, label: m.authorLabel },
    text: m.text,
    mentions: m.mentionedUserIds,
    attachments: m.attachments.map((a) => ({ ...a, url: blobPath(brandId, a.hash) })),
    createdAt: m.createdAt.toISOString(),
  };
}
