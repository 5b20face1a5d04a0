import { quotas, type Executor } from '@xuanlian/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { QuotaValues } from '@xuanlian/contracts';
import { queryRows } from '../../core/sql.ts';

export type QuotaRowDb = typeof quotas.$inferSelect;

export async function quotaRows(db: Executor, year: number, orgIds: string[]): Promise<QuotaRowDb[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(quotas)
    .where(and(eq(quotas.year, year), inArray(quotas.orgId, orgIds)));
}

/** The units listed in a year's 任务分解表 under a subtree (a unit row or a row for one of its people). */
export async function unitsWithQuota(db: Executor, subtreePath: string, year: number): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(db, sql`select distinct o.id from quotas q join orgs o on o.id = q.org_id where q.year = ${year} and o.path like ${`${subtreePath}%`}`);
  return new Set(rows.map((r) => r.id));
}

export async function upsertQuota(tx: Executor, v: QuotaValues & { orgId: string; userId: string | null; year: number; updatedBy: string | null }): Promise<void> {
  const { orgId, userId, year, ...values } = v;
  const existing = (
    await tx
      .select({ id: quotas.id })
      .from(quotas)
      .where(and(eq(quotas.orgId, orgId), userId ? eq(quotas.userId, userId) : isNull(quotas.userId), eq(quotas.year, year)))
  )[0];
  if (existing)
    await tx
      .update(quotas)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(quotas.id, existing.id));
  else await tx.insert(quotas).values(v);
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from users where id in ${ids}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
