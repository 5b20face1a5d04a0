import { sql } from 'drizzle-orm';
import type { Database } from '@xuanlian/db';
import type { JobLogger } from '../pg-boss-queue.ts';

/** Keeps what the runtime logs so a test can show it on failure instead of flooding the output. */
export function recordingLogger(): JobLogger & { errors: unknown[]; warnings: unknown[] } {
  const errors: unknown[] = [];
  const warnings: unknown[] = [];
  return {
    errors,
    warnings,
    error: (obj, msg) => errors.push({ msg, ...obj }),
    warn: (obj, msg) => warnings.push({ msg, ...obj }),
  };
}

export interface JobRow {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  data: Record<string, unknown>;
}

/** pg-boss's own row, read with SQL so assertions do not go through the code under test. */
export async function jobRows(database: Database, where: { name?: string; id?: string }): Promise<JobRow[]> {
  const result = await database.db.execute(sql`
    select id::text as id, name, state::text as state, retry_count::int as "retryCount", data
    from pgboss.job
    where (${where.name ?? null}::text is null or name = ${where.name ?? null})
      and (${where.id ?? null}::text is null or id = ${where.id ?? null}::uuid)
    order by created_on`);
  return (result as unknown as { rows: JobRow[] }).rows;
}
