import type { Executor } from '@xuanlian/db';
import type { SQL } from 'drizzle-orm';

/** Raw SQL rows on either engine (both drivers return `{ rows }`, typed differently). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `%q%` for ILIKE with the user's `\`, `%` and `_` taken literally (a search for 10% finds "10%"). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
