import { and, asc, eq, inArray } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { users } from "../../../db/schema/accounts.ts";
import { caseMessages, caseUploads } from "../../../db/schema/cases.ts";

export async function insertMessage(db: TExecutor, values: typeof caseMessages.$inferInsert) {
  const [row] = await db.insert(caseMessages).values(values).returning();
  if (!row) throw new Error("message insert returned nothing");
  return row;
}

export async function listMessages(db: TExecutor, caseId: string) {
  return db
    .select({ message: caseMessages, authorName: users.name })
    .from(caseMessages)
    .leftJoin(users, eq(users.id, caseMessages.authorId))
    .where(eq(caseMessages.caseId, caseId))
    .orderBy(asc(caseMessages.createdAt), asc(caseMessages.id));
}

/** Records an upload to a case; the same bytes uploaded twice are one upload. */
export async function insertUpload(db: TExecutor, values: typeof caseUploads.$inferInsert): Promise<void> {
  await db.insert(caseUploads).values(values).onConflictDoNothing({ target: [caseUploads.caseId, caseUploads.blobHash] });
}

export async function uploadsOfCase(db: TExecutor, caseId: string, hashes: readonly string[]) {
  if (hashes.length === 0) return [];
  return db.select().from(caseUploads).where(and(eq(caseUploads.caseId, caseId), inArray(caseUploads.blobHash, [...hashes])));
}
