import { opinionBriefs, opinionTopics, orgs, type Executor } from '@xuanlian/db';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export type BriefRow = typeof opinionBriefs.$inferSelect;
export type BriefWithOrg = BriefRow & { orgName: string; orgPath: string };

const withOrg = { brief: opinionBriefs, orgName: orgs.name, orgPath: orgs.path };
const flatten = (r: { brief: BriefRow; orgName: string; orgPath: string }): BriefWithOrg => ({ ...r.brief, orgName: r.orgName, orgPath: r.orgPath });

export async function findBriefInScope(db: Executor, scope: Scope, id: string): Promise<BriefWithOrg | undefined> {
  const rows = await db
    .select(withOrg)
    .from(opinionBriefs)
    .innerJoin(orgs, eq(orgs.id, opinionBriefs.orgId))
    .where(and(eq(opinionBriefs.id, id), orgIdFilter(scope, opinionBriefs.orgId)));
  return rows[0] ? flatten(rows[0]) : undefined;
}

export async function findBriefById(db: Executor, id: string): Promise<BriefWithOrg | undefined> {
  const rows = await db.select(withOrg).from(opinionBriefs).innerJoin(orgs, eq(orgs.id, opinionBriefs.orgId)).where(eq(opinionBriefs.id, id));
  return rows[0] ? flatten(rows[0]) : undefined;
}

export async function listBriefsInScope(db: Executor, scope: Scope, f: { subtreePath?: string | undefined; kind?: string | undefined; page: number; pageSize: number }) {
  const conds: SQL[] = [orgIdFilter(scope, opinionBriefs.orgId)];
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.kind) conds.push(eq(opinionBriefs.kind, f.kind));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(withOrg)
      .from(opinionBriefs)
      .innerJoin(orgs, eq(orgs.id, opinionBriefs.orgId))
      .where(where)
      .orderBy(desc(opinionBriefs.periodFrom), desc(opinionBriefs.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(opinionBriefs).innerJoin(orgs, eq(orgs.id, opinionBriefs.orgId)).where(where),
  ]);
  return { rows: rows.map(flatten), total: Number(totals[0]?.n ?? 0) };
}

/** On demand: (re)generate the period's brief, one row per unit, kind and period. */
export async function upsertPending(tx: Executor, v: { orgId: string; kind: string; periodFrom: Date; periodTo: Date; requestedBy: string | null }): Promise<BriefRow> {
  const rows = await tx
    .insert(opinionBriefs)
    .values({ ...v, status: 'pending' })
    .onConflictDoUpdate({ target: [opinionBriefs.orgId, opinionBriefs.kind, opinionBriefs.periodFrom], set: { status: 'pending', error: null, requestedBy: v.requestedBy } })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** On schedule: only if the period has no brief yet, so a repeated tick makes nothing twice. */
export async function insertIfAbsent(tx: Executor, v: { orgId: string; kind: string; periodFrom: Date; periodTo: Date }): Promise<BriefRow | undefined> {
  const rows = await tx
    .insert(opinionBriefs)
    .values({ ...v, status: 'pending' })
    .onConflictDoNothing()
    .returning();
  return rows[0];
}

export async function finishBrief(tx: Executor, id: string, set: { status: 'ready' | 'failed'; error?: string | null; fileSha256?: string | null; figures?: unknown }): Promise<void> {
  await tx
    .update(opinionBriefs)
    .set({ ...set, generatedAt: new Date() })
    .where(eq(opinionBriefs.id, id));
}

/** Units that own an enabled topic: the ones a scheduled brief is written for. */
export async function unitsWithTopics(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: opinionTopics.orgId }).from(opinionTopics).where(eq(opinionTopics.enabled, true));
  return rows.map((r) => r.orgId);
}

/** 舆情日报/周报 put out for a subtree's units over a year (ready ones, by the period they cover). */
export async function readyBriefCounts(db: Executor, q: { subtreePath: string; from: Date; to: Date }): Promise<{ daily: number; weekly: number }> {
  const rows = await db
    .select({ kind: opinionBriefs.kind, n: count() })
    .from(opinionBriefs)
    .innerJoin(orgs, eq(orgs.id, opinionBriefs.orgId))
    .where(
      and(
        eq(opinionBriefs.status, 'ready'),
        sql`${orgs.path} like ${`${q.subtreePath}%`}`,
        sql`${opinionBriefs.periodFrom} >= ${q.from.toISOString()}`,
        sql`${opinionBriefs.periodFrom} < ${q.to.toISOString()}`,
      ),
    )
    .groupBy(opinionBriefs.kind);
  const of = (k: string) => Number(rows.find((r) => r.kind === k)?.n ?? 0);
  return { daily: of('daily'), weekly: of('weekly') };
}
