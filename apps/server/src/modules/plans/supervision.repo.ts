import { orgs, taskExtensions, taskReports, taskUrges, type AttachedFile, type Executor } from '@xuanlian/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../core/sql.ts';

export type ReportRow = typeof taskReports.$inferSelect & { orgName: string | null };
export type UrgeRow = typeof taskUrges.$inferSelect;
export type ExtensionRow = typeof taskExtensions.$inferSelect;

export async function insertReport(
  tx: Executor,
  v: { taskId: string; kind: 'progress' | 'completion'; body: string; files: AttachedFile[]; orgId: string | null; byUserId: string | null; byName: string },
): Promise<string> {
  const row = (await tx.insert(taskReports).values(v).returning({ id: taskReports.id }))[0];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function reportsOf(db: Executor, taskId: string): Promise<ReportRow[]> {
  const rows = await db
    .select({ r: taskReports, orgName: orgs.name })
    .from(taskReports)
    .leftJoin(orgs, eq(orgs.id, taskReports.orgId))
    .where(eq(taskReports.taskId, taskId))
    .orderBy(asc(taskReports.createdAt));
  return rows.map((x) => ({ ...x.r, orgName: x.orgName }));
}

/** 督办〔2025〕7号: numbered per year under a lock, so two offices issuing at once never clash. */
export async function nextUrgeCode(tx: Executor, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('xl:urge-code'))`);
  const rows = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from task_urges where code like ${`督办〔${year}〕%`}`);
  return `督办〔${year}〕${Number(rows[0]?.n ?? 0) + 1}号`;
}

export async function insertUrge(tx: Executor, v: typeof taskUrges.$inferInsert): Promise<UrgeRow> {
  const row = (await tx.insert(taskUrges).values(v).returning())[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findUrge(db: Executor, taskId: string, id: string): Promise<UrgeRow | undefined> {
  return (
    await db
      .select()
      .from(taskUrges)
      .where(and(eq(taskUrges.id, id), eq(taskUrges.taskId, taskId)))
  )[0];
}

export async function urgesOf(db: Executor, taskId: string): Promise<UrgeRow[]> {
  return db.select().from(taskUrges).where(eq(taskUrges.taskId, taskId)).orderBy(asc(taskUrges.issuedAt));
}

export async function urgesOfPlan(db: Executor, planId: string): Promise<Array<UrgeRow & { taskTitle: string }>> {
  return queryRows(
    db,
    sql`select u.id, u.code, u.body, u.status, u.issued_by_name as "issuedByName", u.issued_at as "issuedAt", u.signed_at as "signedAt",
               u.answer, u.answered_at as "answeredAt", t.title as "taskTitle"
        from task_urges u join tasks t on t.id = u.task_id where t.plan_id = ${planId} order by u.issued_at`,
  );
}

/** Moves an urge on only from the state the actor saw (签收 then 答复); undefined when beaten to it. */
export async function updateUrgeIf(tx: Executor, id: string, from: string, set: Partial<typeof taskUrges.$inferInsert>): Promise<UrgeRow | undefined> {
  return (
    await tx
      .update(taskUrges)
      .set(set)
      .where(and(eq(taskUrges.id, id), eq(taskUrges.status, from)))
      .returning()
  )[0];
}

export async function insertExtension(tx: Executor, v: typeof taskExtensions.$inferInsert): Promise<ExtensionRow | undefined> {
  // The partial unique index allows one open request per task; a second (even a racing one) yields nothing.
  return (await tx.insert(taskExtensions).values(v).onConflictDoNothing().returning())[0];
}

export async function findExtension(db: Executor, taskId: string, id: string): Promise<ExtensionRow | undefined> {
  return (
    await db
      .select()
      .from(taskExtensions)
      .where(and(eq(taskExtensions.id, id), eq(taskExtensions.taskId, taskId)))
  )[0];
}

export async function extensionsOf(db: Executor, taskId: string): Promise<ExtensionRow[]> {
  return db.select().from(taskExtensions).where(eq(taskExtensions.taskId, taskId)).orderBy(asc(taskExtensions.requestedAt));
}

export async function updateExtensionIf(tx: Executor, id: string, set: Partial<typeof taskExtensions.$inferInsert>): Promise<ExtensionRow | undefined> {
  return (
    await tx
      .update(taskExtensions)
      .set(set)
      .where(and(eq(taskExtensions.id, id), eq(taskExtensions.status, 'requested')))
      .returning()
  )[0];
}
