import { opinionIncidentEvents, opinionIncidentStages, opinionIncidents, orgs, type Executor } from '@xuanlian/db';
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export type IncidentRow = typeof opinionIncidents.$inferSelect;
export type IncidentWithNames = IncidentRow & { orgName: string; stageOwnerOrgName: string };
export type StageRow = typeof opinionIncidentStages.$inferSelect & { ownerOrgName: string };
export type EventRow = typeof opinionIncidentEvents.$inferSelect;

const ownerOrg = alias(orgs, 'owner_org');
const withNames = { incident: opinionIncidents, orgName: orgs.name, stageOwnerOrgName: ownerOrg.name };

function base(db: Executor) {
  return db.select(withNames).from(opinionIncidents).innerJoin(orgs, eq(orgs.id, opinionIncidents.orgId)).innerJoin(ownerOrg, eq(ownerOrg.id, opinionIncidents.stageOwnerOrgId));
}

const flatten = (r: { incident: IncidentRow; orgName: string; stageOwnerOrgName: string }): IncidentWithNames => ({ ...r.incident, orgName: r.orgName, stageOwnerOrgName: r.stageOwnerOrgName });

export async function findIncidentInScope(db: Executor, scope: Scope, id: string): Promise<IncidentWithNames | undefined> {
  const rows = await base(db).where(and(eq(opinionIncidents.id, id), orgIdFilter(scope, opinionIncidents.orgId)));
  return rows[0] ? flatten(rows[0]) : undefined;
}

export async function findIncidentById(db: Executor, id: string): Promise<IncidentWithNames | undefined> {
  const rows = await base(db).where(eq(opinionIncidents.id, id));
  return rows[0] ? flatten(rows[0]) : undefined;
}

export interface IncidentFilters {
  subtreePath?: string | undefined;
  stage?: string | undefined;
  grade?: string | undefined;
  open?: boolean | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function listIncidentsInScope(db: Executor, scope: Scope, f: IncidentFilters): Promise<{ rows: IncidentWithNames[]; total: number }> {
  const conds: SQL[] = [orgIdFilter(scope, opinionIncidents.orgId)];
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.stage) conds.push(eq(opinionIncidents.stage, f.stage));
  if (f.grade) conds.push(eq(opinionIncidents.grade, f.grade));
  if (f.open !== undefined) conds.push(f.open ? ne(opinionIncidents.stage, 'closed') : eq(opinionIncidents.stage, 'closed'));
  if (f.overdue) conds.push(and(ne(opinionIncidents.stage, 'closed'), lt(opinionIncidents.stageDeadline, sql`now()`)) as SQL);
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(desc(opinionIncidents.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(opinionIncidents).innerJoin(orgs, eq(orgs.id, opinionIncidents.orgId)).where(where),
  ]);
  return { rows: rows.map(flatten), total: Number(totals[0]?.n ?? 0) };
}

export async function stagesOf(db: Executor, incidentIds: string[]): Promise<StageRow[]> {
  if (incidentIds.length === 0) return [];
  const rows = await db
    .select({ stage: opinionIncidentStages, ownerOrgName: orgs.name })
    .from(opinionIncidentStages)
    .innerJoin(orgs, eq(orgs.id, opinionIncidentStages.ownerOrgId))
    .where(inArray(opinionIncidentStages.incidentId, incidentIds))
    .orderBy(asc(opinionIncidentStages.id));
  return rows.map((r) => ({ ...r.stage, ownerOrgName: r.ownerOrgName }));
}

export async function insertIncident(tx: Executor, values: typeof opinionIncidents.$inferInsert): Promise<IncidentRow> {
  const rows = await tx.insert(opinionIncidents).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The race guard: the move happens only if the incident is still where the user saw it. */
export async function moveIncident(tx: Executor, id: string, expectedStage: string, set: Partial<typeof opinionIncidents.$inferInsert>): Promise<IncidentRow | undefined> {
  const rows = await tx
    .update(opinionIncidents)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(opinionIncidents.id, id), eq(opinionIncidents.stage, expectedStage)))
    .returning();
  return rows[0];
}

export async function updateIncidentRow(tx: Executor, id: string, set: Partial<typeof opinionIncidents.$inferInsert>): Promise<IncidentRow | undefined> {
  const rows = await tx
    .update(opinionIncidents)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(opinionIncidents.id, id))
    .returning();
  return rows[0];
}

export async function enterStage(tx: Executor, incidentId: string, stage: string, ownerOrgId: string, deadline: Date | null): Promise<void> {
  await tx
    .update(opinionIncidentStages)
    .set({ leftAt: new Date() })
    .where(and(eq(opinionIncidentStages.incidentId, incidentId), isNull(opinionIncidentStages.leftAt)));
  await tx.insert(opinionIncidentStages).values({ incidentId, stage, ownerOrgId, deadline, leftAt: stage === 'closed' ? new Date() : null });
}

export async function insertEvent(tx: Executor, values: typeof opinionIncidentEvents.$inferInsert): Promise<void> {
  await tx.insert(opinionIncidentEvents).values(values);
}

export async function eventsOf(db: Executor, incidentId: string): Promise<EventRow[]> {
  return db.select().from(opinionIncidentEvents).where(eq(opinionIncidentEvents.incidentId, incidentId)).orderBy(asc(opinionIncidentEvents.id));
}

/** Open incidents whose current stage is past its deadline and not yet escalated. */
export async function overdueIncidents(db: Executor, now: Date, limit: number): Promise<IncidentRow[]> {
  return db
    .select()
    .from(opinionIncidents)
    .where(and(ne(opinionIncidents.stage, 'closed'), lt(opinionIncidents.stageDeadline, now), isNull(opinionIncidents.escalatedAt)))
    .orderBy(asc(opinionIncidents.stageDeadline))
    .limit(limit);
}

/** Marks the escalation once: a second worker doing the same finds escalated_at set. */
export async function markEscalated(tx: Executor, id: string, stage: string): Promise<boolean> {
  const rows = await tx
    .update(opinionIncidents)
    .set({ escalatedAt: new Date() })
    .where(and(eq(opinionIncidents.id, id), eq(opinionIncidents.stage, stage), isNull(opinionIncidents.escalatedAt)))
    .returning({ id: opinionIncidents.id });
  if (rows.length === 0) return false;
  await tx
    .update(opinionIncidentStages)
    .set({ escalatedAt: new Date() })
    .where(and(eq(opinionIncidentStages.incidentId, id), isNull(opinionIncidentStages.leftAt)));
  return true;
}

export async function parentOrgName(db: Executor, orgId: string): Promise<string | null> {
  const rows = await db
    .select({ name: sql<string>`p.name` })
    .from(orgs)
    .innerJoin(sql`orgs p`, sql`p.id = ${orgs.parentId}`)
    .where(eq(orgs.id, orgId));
  return rows[0]?.name ?? null;
}

/** Open incidents of a scope (for briefs), and how many there are per stage. */
export async function openIncidentsFor(db: Executor, scope: Scope, limit = 50) {
  const rows = await base(db)
    .where(and(orgIdFilter(scope, opinionIncidents.orgId), ne(opinionIncidents.stage, 'closed')))
    .orderBy(asc(opinionIncidents.stageDeadline))
    .limit(limit);
  const byStage = await db.select({ stage: opinionIncidents.stage, n: count() }).from(opinionIncidents).where(orgIdFilter(scope, opinionIncidents.orgId)).groupBy(opinionIncidents.stage);
  return { rows: rows.map(flatten), byStage: new Map(byStage.map((r) => [r.stage, Number(r.n)])) };
}

/**
 * Incidents of a scope that began, or were closed (办结), in [from, to): the 舆情事件处置情况 of a
 * brief. An incident opened and closed in the period is in both lists.
 */
export async function incidentsOfPeriod(db: Executor, scope: Scope, from: Date, to: Date, limit = 50): Promise<{ opened: IncidentWithNames[]; closed: IncidentWithNames[] }> {
  const within = (column: typeof opinionIncidents.createdAt | typeof opinionIncidents.closedAt) => and(sql`${column} >= ${from.toISOString()}`, sql`${column} < ${to.toISOString()}`);
  const [opened, closed] = await Promise.all([
    base(db)
      .where(and(orgIdFilter(scope, opinionIncidents.orgId), within(opinionIncidents.createdAt)))
      .orderBy(asc(opinionIncidents.createdAt))
      .limit(limit),
    base(db)
      .where(and(orgIdFilter(scope, opinionIncidents.orgId), eq(opinionIncidents.stage, 'closed'), within(opinionIncidents.closedAt)))
      .orderBy(asc(opinionIncidents.closedAt))
      .limit(limit),
  ]);
  return { opened: opened.map(flatten), closed: closed.map(flatten) };
}

/** 处置舆情事件 for the annual summary: incidents of the subtree's units closed (办结) in [from, to). */
export async function closedIncidentCount(db: Executor, q: { subtreePath: string; from: Date; to: Date }): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(opinionIncidents)
    .innerJoin(orgs, eq(orgs.id, opinionIncidents.orgId))
    .where(
      and(
        eq(opinionIncidents.stage, 'closed'),
        sql`${orgs.path} like ${`${q.subtreePath}%`}`,
        sql`${opinionIncidents.closedAt} >= ${q.from.toISOString()}`,
        sql`${opinionIncidents.closedAt} < ${q.to.toISOString()}`,
      ),
    );
  return Number(rows[0]?.n ?? 0);
}
