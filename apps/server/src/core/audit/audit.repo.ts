import { auditLogs, type Executor } from '@xuanlian/db';
import { asc, desc, gt, sql } from 'drizzle-orm';

export type AuditRow = typeof auditLogs.$inferSelect;
export type NewAuditRow = typeof auditLogs.$inferInsert;

/** Serialises chain appends: concurrent transactions would otherwise link to the same tail. */
export async function lockChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(724311)`);
}

export async function lastHash(tx: Executor): Promise<string | null> {
  const rows = await tx.select({ hash: auditLogs.hash }).from(auditLogs).orderBy(desc(auditLogs.id)).limit(1);
  return rows[0]?.hash ?? null;
}

export async function insertAudit(tx: Executor, row: NewAuditRow): Promise<void> {
  await tx.insert(auditLogs).values(row);
}

export async function readChainPage(db: Executor, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLogs).where(gt(auditLogs.id, afterId)).orderBy(asc(auditLogs.id)).limit(limit);
}
