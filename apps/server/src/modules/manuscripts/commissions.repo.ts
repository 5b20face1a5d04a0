import { commissions, commissionTargets, orgs, type Executor } from '@xuanlian/db';
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type CommissionRecord = typeof commissions.$inferSelect;
export type CommissionRow = CommissionRecord & { orgName: string };
export interface TargetRow {
  commissionId: string;
  orgId: string;
  orgName: string;
  manuscriptCount: number;
  firstSubmittedAt: Date | null;
}

export async function insertCommission(tx: Executor, v: typeof commissions.$inferInsert, targetOrgIds: string[]): Promise<string> {
  const rows = await tx.insert(commissions).values(v).returning({ id: commissions.id });
  const id = rows[0]?.id;
  if (!id) throw new Error('insert returned no row');
  await tx
    .insert(commissionTargets)
    .values(targetOrgIds.map((orgId) => ({ commissionId: id, orgId })))
    .onConflictDoNothing();
  return id;
}

/**
 * Visible commissions: issued inside the scope, or addressed to a unit inside it (a unit sees
 * what it was asked for even when the office that asked sits above it).
 */
function visibleWhere(scope: Scope): SQL {
  return sql`(${orgIdFilter(scope, commissions.orgId)} or exists (select 1 from commission_targets t where t.commission_id = ${commissions.id} and ${orgIdFilter(scope, sql`t.org_id`)}))`;
}

export async function findCommissionFor(db: Executor, scope: Scope, id: string): Promise<CommissionRow | undefined> {
  const rows = await db
    .select({ c: commissions, orgName: orgs.name })
    .from(commissions)
    .innerJoin(orgs, eq(orgs.id, commissions.orgId))
    .where(and(eq(commissions.id, id), visibleWhere(scope)));
  const r = rows[0];
  return r ? { ...r.c, orgName: r.orgName } : undefined;
}

export async function listCommissions(db: Executor, scope: Scope, f: { status?: string | undefined; page: number; pageSize: number }): Promise<{ rows: CommissionRow[]; total: number }> {
  const where = and(visibleWhere(scope), f.status ? eq(commissions.status, f.status) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select({ c: commissions, orgName: orgs.name })
      .from(commissions)
      .innerJoin(orgs, eq(orgs.id, commissions.orgId))
      .where(where)
      .orderBy(desc(commissions.dueAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(commissions).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.c, orgName: r.orgName })), total: totals[0]?.n ?? 0 };
}

/** Each target with what it answered: manuscripts of the target's subtree submitted for the commission. */
export async function targetsOf(db: Executor, commissionIds: string[]): Promise<TargetRow[]> {
  if (commissionIds.length === 0) return [];
  const rows = await queryRows<{ commission_id: string; org_id: string; org_name: string; n: number; first_at: Date | string | null }>(
    db,
    sql`select t.commission_id, t.org_id, o.name as org_name,
               count(m.id)::int as n, min(m.first_submitted_at) as first_at
        from commission_targets t
        join orgs o on o.id = t.org_id
        left join orgs mo on mo.path like o.path || '%'
        left join manuscripts m on m.org_id = mo.id and m.commission_id = t.commission_id and m.first_submitted_at is not null
        where t.commission_id in ${commissionIds}
        group by t.commission_id, t.org_id, o.name, o.path
        order by o.path`,
  );
  return rows.map((r) => ({
    commissionId: r.commission_id,
    orgId: r.org_id,
    orgName: r.org_name,
    manuscriptCount: Number(r.n),
    firstSubmittedAt: r.first_at === null ? null : new Date(r.first_at),
  }));
}

/** Commissions addressed to a unit on this path (the unit or one above it) that are still open. */
export async function commissionForUnit(db: Executor, id: string, unitPathIds: string[]): Promise<CommissionRecord | undefined> {
  if (unitPathIds.length === 0) return undefined;
  const rows = await db
    .select({ c: commissions })
    .from(commissions)
    .innerJoin(commissionTargets, eq(commissionTargets.commissionId, commissions.id))
    .where(and(eq(commissions.id, id), inArray(commissionTargets.orgId, unitPathIds)))
    .limit(1);
  return rows[0]?.c;
}

export async function updateCommission(tx: Executor, id: string, set: Partial<typeof commissions.$inferInsert>): Promise<void> {
  await tx
    .update(commissions)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(commissions.id, id));
}

/**
 * Targets past their due date with nothing submitted by then, for targets inside `scope`
 * (optionally one unit's subtree): the list the scoring issue penalises.
 */
export async function missedTargets(
  db: Executor,
  scope: Scope,
  subtreePath: string | undefined,
): Promise<Array<{ commission_id: string; topic: string; due_at: Date | string; org_id: string; org_name: string }>> {
  return queryRows(
    db,
    sql`select c.id as commission_id, c.topic, c.due_at, t.org_id, o.name as org_name
        from commission_targets t
        join commissions c on c.id = t.commission_id
        join orgs o on o.id = t.org_id
        where c.due_at < now() and ${orgIdFilter(scope, sql`t.org_id`)}
          ${subtreePath ? sql`and o.path like ${`${subtreePath}%`}` : sql``}
          and not exists (
            select 1 from manuscripts m join orgs mo on mo.id = m.org_id
            where m.commission_id = c.id and mo.path like o.path || '%'
              and m.first_submitted_at is not null and m.first_submitted_at <= c.due_at)
        order by c.due_at desc, o.path`,
  );
}
