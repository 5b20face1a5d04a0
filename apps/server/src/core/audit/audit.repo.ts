import { auditCheckpoints, auditLogs, type Executor } from '@xuanlian/db';
import { asc, desc, gt, sql } from 'drizzle-orm';

export type AuditRow = typeof auditLogs.$inferSelect;
export type NewAuditRow = typeof auditLogs.$inferInsert;
export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

/** Serialises chain appends: concurrent transactions would otherwise link to the same tail. */
export async function lockChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(724311)`);
}

/** Serialises checkpoint writers (web and worker processes), so each file line is written once. */
export async function lockCheckpoints(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(724312)`);
}

export async function lastHash(tx: Executor): Promise<string | null> {
  const rows = await tx.select({ hash: auditLogs.hash }).from(auditLogs).orderBy(desc(auditLogs.id)).limit(1);
  return rows[0]?.hash ?? null;
}

export async function insertAudit(tx: Executor, row: NewAuditRow): Promise<number> {
  const rows = await tx.insert(auditLogs).values(row).returning({ id: auditLogs.id });
  return rows[0]?.id ?? 0;
}

export async function readChainPage(db: Executor, afterId: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLogs).where(gt(auditLogs.id, afterId)).orderBy(asc(auditLogs.id)).limit(limit);
}

export interface ChainHead {
  lastId: number;
  rowCount: number;
  headHash: string | null;
}

/**
 * The committed head in ONE statement, hence one snapshot. Appends take the chain lock until
 * they commit, so ids commit in order and any snapshot sees a prefix of the chain: the count and
 * the last row agree without blocking writers while counting.
 */
export async function chainHead(db: Executor): Promise<ChainHead> {
  const res = (await db.execute(sql`
    select (select count(*)::int from audit_logs) as n, l.id::int as id, l.hash
    from (select 1) one left join lateral (select id, hash from audit_logs order by id desc limit 1) l on true`)) as unknown as {
    rows: Array<{ n: number; id: number | null; hash: string | null }>;
  };
  const r = res.rows[0];
  return { lastId: r?.id ?? 0, rowCount: r?.n ?? 0, headHash: r?.hash ?? null };
}

export async function latestCheckpoint(db: Executor): Promise<CheckpointRow | null> {
  const rows = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return rows[0] ?? null;
}

export async function insertCheckpoint(tx: Executor, row: Omit<CheckpointRow, 'id'>): Promise<void> {
  await tx.insert(auditCheckpoints).values(row);
}

export async function readCheckpointPage(db: Executor, afterId: number, limit: number): Promise<CheckpointRow[]> {
  return db.select().from(auditCheckpoints).where(gt(auditCheckpoints.id, afterId)).orderBy(asc(auditCheckpoints.id)).limit(limit);
}
