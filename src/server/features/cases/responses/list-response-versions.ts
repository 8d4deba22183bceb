import type { TExecutor } from "../../../context.ts";
import { invalid, notFound } from "../../../lib/errors.ts";
import { findCase } from "../queries.ts";
import { findResponseByVersion, listResponses } from "./queries.ts";
import { type TDiffOp, diffStats, diffWords } from "./text-diff.ts";

/** Every version, oldest first, each with its diff from the one before (the first: null). */
export async function listResponseVersions(db: TExecutor, brandId: string, caseId: string) {
  const caseRow = await findCase(db, brandId, caseId);
  if (!caseRow) throw notFound("No such case");
  const rows = await listResponses(db, caseId);
  return {
    approvedResponseId: caseRow.approvedResponseId,
    versions: rows.map((row, i) => {
      const previous = i > 0 ? rows[i - 1] : undefined;
      const diff = previous ? diffWords(previous.text, row.text) : null;
      return {
        id: row.id,
        version: row.version,
        text: row.text,
        origin: row.origin,
        author: { id: row.authorId, label: row.authorLabel },
        createdAt: row.createdAt.toISOString(),
        approved: row.id === caseRow.approvedResponseId,
        diff,
        changes: diff ? diffStats(diff) : null,
      };
    }),
  };
}

/** The diff between any two versions of one case. */
export async function diffResponseVersions(db: TExecutor, brandId: string, caseId: string, from: number, to: number): Promise<{ from: number; to: number; diff: TDiffOp[]; changes: ReturnType<typeof diffStats> }> {
  const caseRow = await findCase(db, brandId, caseId);
  if (!caseRow) throw notFound("No such case");
  const [a, b] = await Promise.all([findResponseByVersion(db, caseId, from), findResponseByVersion(db, caseId, to)]);
  if (!a) throw invalid("from", `no version ${from}`);
  if (!b) throw invalid("to", `no version ${to}`);
  const diff = diffWords(a.text, b.text);
  return { from, to, diff, changes: diffStats(diff) };
}
