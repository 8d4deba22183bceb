import type { TExecutor } from "../../../context.ts";
import { notFound } from "../../../lib/errors.ts";
import { findCase } from "../queries.ts";
import { messageView } from "./message-view.ts";
import { listMessages } from "./queries.ts";

/** The case's chat, oldest first. */
export async function listCaseMessages(db: TExecutor, brandId: string, caseId: string) {
  if (!(await findCase(db, brandId, caseId))) throw notFound("No such case");
  return (await listMessages(db, caseId)).map((row) => messageView(brandId, row));
}
