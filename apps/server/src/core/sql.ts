import type { Executor } from '@xuanlian/db';
import type { SQL } from 'drizzle-orm';

/** Raw SQL rows on either engine (both drivers return `{ rows }`, typed differently). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
