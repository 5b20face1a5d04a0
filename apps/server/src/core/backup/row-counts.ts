/** A raw query on whichever client holds the snapshot being counted. */
export type RawQuery = <T>(text: string) => Promise<T[]>;

// Every table the application, the migrator or the job queue made; system schemas are the server's own.
const TABLES = `select table_schema as schema, table_name as name from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\\_%'
  order by 1, 2`;

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Rows per table, keyed `schema.table`, counted in the caller's snapshot. */
export async function countRows(query: RawQuery): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await query<{ schema: string; name: string }>(TABLES)) {
    const [row] = await query<{ n: number | string }>(`select count(*) as n from ${ident(t.schema)}.${ident(t.name)}`);
    counts[`${t.schema}.${t.name}`] = Number(row?.n ?? 0);
  }
  return counts;
}

/** The tables whose counts differ, as 中文 lines; empty when the restore holds what was backed up. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((n) => expected[n] !== actual[n]).map((n) => `${n}：备份时 ${expected[n] ?? '（无此表）'} 行，恢复后 ${actual[n] ?? '（无此表）'} 行`);
}
