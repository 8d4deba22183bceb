import { and, eq, isNull } from "drizzle-orm";
import type { TExecutor } from "../../../context.ts";
import { brands, users } from "../../../db/schema/accounts.ts";
import { type TApprovalDecision, caseApprovalLinks } from "../../../db/schema/cases.ts";

export async function insertApprovalLink(db: TExecutor, values: typeof caseApprovalLinks.$inferInsert): Promise<void> {
  await db.insert(caseApprovalLinks).values(values);
}

/** The link with its approver and brand; locked when a decision is about to use it. */
export async function findApprovalLink(db: TExecutor, tokenHash: string, lock = false) {
  const query = db
    .select({
      link: caseApprovalLinks,
      approverName: users.name,
      approverEmail: users.email,
      approverLocale: users.locale,
      workspaceId: brands.workspaceId,
      brandName: brands.name,
    })
    .from(caseApprovalLinks)
    .innerJoin(users, eq(users.id, caseApprovalLinks.approverId))
    .innerJoin(brands, eq(brands.id, caseApprovalLinks.brandId))
    .where(eq(caseApprovalLinks.tokenHash, tokenHash))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: caseApprovalLinks }) : await query;
  return row;
}

/** Single use: true only for the call that used it. */
export async function useApprovalLink(db: TExecutor, id: string, decision: TApprovalDecision, at: Date): Promise<boolean> {
  const rows = await db
    .update(caseApprovalLinks)
    .set({ usedAt: at, decision })
    .where(and(eq(caseApprovalLinks.id, id), isNull(caseApprovalLinks.usedAt)))
    .returning({ id: caseApprovalLinks.id });
  return rows.length > 0;
}
