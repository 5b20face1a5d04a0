import type { Executor } from '@xuanlian/db';
import { SQL, sql } from 'drizzle-orm';

/** Raw SQL rows on either engine (both drivers return `{ rows }`, typed differently). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `%q%` for ILIKE with the user's `\`, `%` and `_` taken literally (a search for 10% finds "10%"). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Ids to count over: a list, or a subquery that selects them. A whole subtree of 10,000 units is
 * better given as the subquery — the database hash-joins it instead of parsing 10,000 parameters
 * in every grouped query.
 */
export type IdSet = readonly string[] | SQL;

/** `column in (…)` over an IdSet; an empty list matches nothing. */
export function inIdSet(column: SQL, set: IdSet): SQL {
  if (set instanceof SQL) return sql`${column} in (${set})`;
  return set.length ? sql`${column} in ${set}` : sql`false`;
}
