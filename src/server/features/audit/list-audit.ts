import type { TExecutor } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { listAuditEntries } from "./queries.ts";

export type TListAuditOptions = {
  workspaceId: string;
  brandId?: string;
  action?: string;
  cursor?: string;
  limit?: number;
};

export async function listAudit(db: TExecutor, options: TListAuditOptions) {
  const limit = options.limit ?? 50;
  const rows = await listAuditEntries(db, {
    workspaceId: options.workspaceId,
    brandId: options.brandId,
    action: options.action,
    before: options.cursor ? decodeCursor(options.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorUserId ? { id: r.actorUserId, email: r.actorLabel } : null,
      actorLabel: r.actorLabel,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      brandId: r.brandId,
      brandName: r.brandName,
      details: r.details,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id)) throw new Error();
    return { at: date, id };
  } catch {
    throw new AppError("validation_failed", "cursor: not a cursor this API issued", {
      fields: [{ path: "cursor", message: "not a cursor this API issued" }],
    });
  }
}
