import { orgs, planPhases, plans, tasks, type Executor } from '@xuanlian/db';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, pathFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type PlanRow = typeof plans.$inferSelect & { orgName: string; orgPath: string };
export type PhaseRow = typeof planPhases.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect & {
  planTitle: string;
  planOrgId: string;
  planOrgPath: string;
  phaseName: string | null;
  leadName: string | null;
  leadPath: string | null;
  reportCount: number;
  lastReportAt: Date | null;
  openUrges: number;
  pendingExtension: boolean;
};

/** Units in the scope, as an array for `&&` against cooperating units. */
const scopeOrgArray = (scope: Scope): SQL => sql`array(select o.id from orgs o where ${pathFilter(scope, sql`o.path`)})`;

/** A task is visible to the plan's office, to its lead unit and to its cooperating units. */
export function taskVisible(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return sql`(${orgIdFilter(scope, plans.orgId)} or ${orgIdFilter(scope, tasks.leadOrgId)} or ${tasks.cooperatingOrgIds} && ${scopeOrgArray(scope)})`;
}

/** A plan is visible to its office and to every unit with a task in it. */
function planVisible(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return sql`(${orgIdFilter(scope, plans.orgId)} or exists (select 1 from tasks where tasks.plan_id = ${plans.id} and ${taskVisible(scope)}))`;
}

const planCols = { p: plans, orgName: orgs.name, orgPath: orgs.path };
const flatPlan = (r: { p: typeof plans.$inferSelect; orgName: string; orgPath: string }): PlanRow => ({ ...r.p, orgName: r.orgName, orgPath: r.orgPath });

export async function findPlanInScope(db: Executor, scope: Scope, id: string): Promise<PlanRow | undefined> {
  const rows = await db
    .select(planCols)
    .from(plans)
    .innerJoin(orgs, eq(orgs.id, plans.orgId))
    .where(and(eq(plans.id, id), planVisible(scope)));
  return rows[0] ? flatPlan(rows[0]) : undefined;
}

export async function listPlansInScope(db: Executor, scope: Scope, f: { year?: number | undefined; page: number; pageSize: number }) {
  const where = and(planVisible(scope), f.year ? eq(plans.year, f.year) : sql`true`);
  const [rows, totals] = await Promise.all([
    db
      .select(planCols)
      .from(plans)
      .innerJoin(orgs, eq(orgs.id, plans.orgId))
      .where(where)
      .orderBy(desc(plans.year), desc(plans.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(where),
  ]);
  return { rows: rows.map(flatPlan), total: Number(totals[0]?.n ?? 0) };
}

export async function insertPlan(tx: Executor, v: typeof plans.$inferInsert): Promise<string> {
  const row = (await tx.insert(plans).values(v).returning({ id: plans.id }))[0];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function insertPhase(tx: Executor, v: typeof planPhases.$inferInsert): Promise<string> {
  const row = (await tx.insert(planPhases).values(v).returning({ id: planPhases.id }))[0];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function phasesOf(db: Executor, planId: string): Promise<PhaseRow[]> {
  return db.select().from(planPhases).where(eq(planPhases.planId, planId)).orderBy(asc(planPhases.sortOrder));
}

export async function insertTask(tx: Executor, v: typeof tasks.$inferInsert): Promise<string> {
  const row = (await tx.insert(tasks).values(v).returning({ id: tasks.id }))[0];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function maxTaskOrder(tx: Executor, planId: string): Promise<number> {
  const r = await tx
    .select({ n: sql<number>`coalesce(max(${tasks.sortOrder}), 0)::int` })
    .from(tasks)
    .where(eq(tasks.planId, planId));
  return Number(r[0]?.n ?? 0);
}

const lead = sql`lead`;
const taskCols = {
  t: tasks,
  planTitle: plans.title,
  planOrgId: plans.orgId,
  planOrgPath: sql<string>`(select path from orgs where id = ${plans.orgId})`,
  phaseName: planPhases.name,
  leadName: sql<string | null>`${lead}.name`,
  leadPath: sql<string | null>`${lead}.path`,
  reportCount: sql<number>`(select count(*)::int from task_reports r where r.task_id = ${tasks.id})`,
  lastReportAt: sql<string | null>`(select max(r.created_at) from task_reports r where r.task_id = ${tasks.id})`,
  openUrges: sql<number>`(select count(*)::int from task_urges u where u.task_id = ${tasks.id} and u.status <> 'answered')`,
  pendingExtension: sql<boolean>`exists (select 1 from task_extensions e where e.task_id = ${tasks.id} and e.status = 'requested')`,
};
type TaskSelect = { t: typeof tasks.$inferSelect } & Omit<{ [K in keyof typeof taskCols]: unknown }, 't'>;

function flatTask(r: TaskSelect): TaskRow {
  return {
    ...r.t,
    planTitle: r.planTitle as string,
    planOrgId: r.planOrgId as string,
    planOrgPath: r.planOrgPath as string,
    phaseName: (r.phaseName as string | null) ?? null,
    leadName: (r.leadName as string | null) ?? null,
    leadPath: (r.leadPath as string | null) ?? null,
    reportCount: Number(r.reportCount ?? 0),
    lastReportAt: r.lastReportAt ? new Date(r.lastReportAt as string) : null,
    openUrges: Number(r.openUrges ?? 0),
    pendingExtension: r.pendingExtension === true || r.pendingExtension === 't',
  };
}

function taskBase(db: Executor) {
  return db
    .select(taskCols)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(planPhases, eq(planPhases.id, tasks.phaseId))
    .leftJoin(sql`orgs as lead`, sql`${lead}.id = ${tasks.leadOrgId}`);
}

export async function findTaskInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<TaskRow | undefined> {
  if (opts.lock) await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, id)).for('update');
  const rows = await taskBase(db).where(and(eq(tasks.id, id), taskVisible(scope)));
  return rows[0] ? flatTask(rows[0] as TaskSelect) : undefined;
}

export interface TaskFilters {
  planId?: string | undefined;
  leadPath?: string | undefined;
  status?: string | undefined;
  light?: string | undefined;
  needsOffice?: boolean | undefined;
  needsUnit?: boolean | undefined;
  today: string;
  page: number;
  pageSize: number;
}

const soon = (today: string) => sql`(${today}::date + 3)`;
const LIGHT_SQL: Record<string, (today: string) => SQL> = {
  red: (d) => sql`${tasks.status} not in ('done', 'cancelled') and ${tasks.deadline} < ${d}::date`,
  yellow: (d) => sql`${tasks.status} not in ('done', 'cancelled') and ${tasks.deadline} between ${d}::date and ${soon(d)}`,
  blue: (d) => sql`${tasks.status} not in ('done', 'cancelled') and ${tasks.deadline} > ${soon(d)}`,
  done: () => sql`${tasks.status} in ('done', 'cancelled')`,
  none: () => sql`${tasks.status} not in ('done', 'cancelled') and ${tasks.deadline} is null`,
};

export async function listTasksInScope(db: Executor, scope: Scope, f: TaskFilters): Promise<{ rows: TaskRow[]; total: number }> {
  const conds: SQL[] = [taskVisible(scope)];
  if (f.planId) conds.push(eq(tasks.planId, f.planId));
  if (f.leadPath) conds.push(sql`${lead}.path like ${`${f.leadPath}%`}`);
  if (f.status) conds.push(eq(tasks.status, f.status));
  const lightSql = f.light ? LIGHT_SQL[f.light] : undefined;
  if (lightSql) conds.push(lightSql(f.today));
  if (f.needsOffice) conds.push(sql`(${tasks.status} = 'submitted' or exists (select 1 from task_extensions e where e.task_id = ${tasks.id} and e.status = 'requested'))`);
  if (f.needsUnit) conds.push(sql`exists (select 1 from task_urges u where u.task_id = ${tasks.id} and u.status in ('issued', 'signed'))`);
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    taskBase(db)
      .where(where)
      .orderBy(sql`${tasks.deadline} asc nulls last`, asc(tasks.sortOrder))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .leftJoin(sql`orgs as lead`, sql`${lead}.id = ${tasks.leadOrgId}`)
      .where(where),
  ]);
  return { rows: rows.map((r) => flatTask(r as TaskSelect)), total: Number(totals[0]?.n ?? 0) };
}

export async function tasksOfPlan(db: Executor, planId: string): Promise<TaskRow[]> {
  const rows = await taskBase(db).where(eq(tasks.planId, planId)).orderBy(asc(tasks.sortOrder));
  return rows.map((r) => flatTask(r as TaskSelect));
}

/**
 * The one way a task changes: only if it is still in `fromStatuses` (and at `version` when the
 * caller saw one). Returns undefined when someone else got there first.
 */
export async function updateTaskIf(
  tx: Executor,
  id: string,
  expect: { statuses: readonly string[]; version?: number | undefined },
  set: Partial<typeof tasks.$inferInsert>,
): Promise<{ id: string; version: number } | undefined> {
  const conds = [eq(tasks.id, id), sql`${tasks.status} in ${expect.statuses}`];
  if (expect.version !== undefined) conds.push(eq(tasks.version, expect.version));
  const rows = await tx
    .update(tasks)
    .set({ ...set, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning({ id: tasks.id, version: tasks.version });
  return rows[0];
}

/** Tasks led by a unit's subtree in plans of a year, counted by how they ended (the annual summary). */
export async function taskCounts(db: Executor, orgPath: string, year: number, today: string) {
  const rows = await db
    .select({
      total: sql<number>`count(*) filter (where ${tasks.status} <> 'cancelled')::int`,
      done: sql<number>`count(*) filter (where ${tasks.status} = 'done')::int`,
      late: sql<number>`count(*) filter (where ${tasks.status} = 'done' and ${tasks.closedLate})::int`,
      overdue: sql<number>`count(*) filter (where ${tasks.status} in ('pending', 'in_progress', 'submitted') and ${tasks.deadline} < ${today}::date)::int`,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(orgs, eq(orgs.id, tasks.leadOrgId))
    .where(and(eq(plans.year, year), sql`${orgs.path} like ${`${orgPath}%`}`));
  const r = rows[0];
  return { total: Number(r?.total ?? 0), done: Number(r?.done ?? 0), late: Number(r?.late ?? 0), overdue: Number(r?.overdue ?? 0) };
}

/** Of `shas`, those attached to a report on a task visible in `scope`. */
export async function shasOnTaskReports(db: Executor, scope: Scope, shas: string[]): Promise<string[]> {
  const rows = await queryRows<{ sha: string }>(
    db,
    sql`select distinct f->>'sha256' as sha from task_reports r cross join lateral jsonb_array_elements(r.files) f
        join tasks on tasks.id = r.task_id join plans on plans.id = tasks.plan_id
        where f->>'sha256' in ${shas} and ${taskVisible(scope)}`,
  );
  return rows.map((r) => r.sha);
}
