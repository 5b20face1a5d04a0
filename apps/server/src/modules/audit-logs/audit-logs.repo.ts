import { auditLogs, type Executor } from '@xuanlian/db';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export interface AuditFilters {
  actorId?: string | undefined;
  action?: string | undefined;
  orgSubtree?: Scope | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * An auditor granted at a top-level unit reads the whole log (including rows with no unit, such
 * as failed logins of unknown names); one granted lower reads only rows of its subtree.
 */
function where(scope: Scope, seesAll: boolean, f: AuditFilters): SQL | undefined {
  const conds: Array<SQL | undefined> = [];
  if (!seesAll) conds.push(orgIdFilter(scope, auditLogs.orgId));
  if (f.orgSubtree) conds.push(orgIdFilter(f.orgSubtree, auditLogs.orgId));
  if (f.actorId) conds.push(eq(auditLogs.actorId, f.actorId));
  if (f.action) conds.push(eq(auditLogs.action, f.action));
  if (f.from) conds.push(gte(auditLogs.at, new Date(f.from)));
  if (f.to) conds.push(lte(auditLogs.at, new Date(f.to)));
  return and(...conds);
}

export async function listAudit(db: Executor, scope: Scope, seesAll: boolean, f: AuditFilters, page: number, pageSize: number) {
  const w = where(scope, seesAll, f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLogs)
      .where(w)
      .orderBy(desc(auditLogs.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLogs).where(w),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
