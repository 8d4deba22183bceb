import { and, eq, inArray, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { brands } from "../../db/schema/accounts.ts";
import { mentions } from "../../db/schema/monitoring.ts";

export async function brandForImport(db: TExecutor, brandId: string) {
  const [row] = await db.select({ id: brands.id, name: brands.name, workspaceId: brands.workspaceId }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row;
}

/** How many of these just-inserted mentions no semantic-core rule matched. */
export async function countUnmatched(db: TExecutor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(and(inArray(mentions.id, [...ids]), eq(mentions.matched, false)));
  return row?.n ?? 0;
}
