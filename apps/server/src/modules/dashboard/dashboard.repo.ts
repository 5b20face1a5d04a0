import type { Executor } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../core/sql.ts';

/** Manuscripts first submitted in the range (Beijing dates, inclusive) by category, within the units. */
export async function categoryMix(db: Executor, orgIds: string[], range: { from: string; to: string }): Promise<Array<{ name: string; count: number }>> {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<{ name: string | null; n: number }>(
    db,
    sql`select c.name, count(*)::int as n from manuscripts m left join manuscript_categories c on c.id = m.category_id
        where m.org_id in ${orgIds} and (m.first_submitted_at at time zone 'Asia/Shanghai')::date between ${range.from} and ${range.to}
        group by 1 order by 2 desc`,
  );
  return rows.map((r) => ({ name: r.name ?? '未分类', count: Number(r.n) }));
}
