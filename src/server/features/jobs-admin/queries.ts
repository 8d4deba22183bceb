import { sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";

export type TFailedJobRow = {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  data: unknown;
  output: unknown;
  completed_on: Date | string | null;
  created_on: Date | string;
};

/** pg-boss keeps jobs in its own schema; failed ones stay until retention removes them. */
export async function listFailedJobs(db: TExecutor, limit: number): Promise<TFailedJobRow[]> {
  const result = await db.execute(sql`
    select id::text, name, state::text, retry_count, data, output, completed_on, created_on
    from pgboss.job
    where state = 'failed'
    order by coalesce(completed_on, created_on) desc
    limit ${limit}`);
  return (result as unknown as { rows: TFailedJobRow[] }).rows;
}

export async function failedJobExists(db: TExecutor, queue: string, id: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from pgboss.job where name = ${queue} and id = ${id}::uuid and state = 'failed' limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
