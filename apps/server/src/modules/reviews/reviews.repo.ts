import { manuscripts, orgs, reviewAssignees, reviewDecisions, reviewSteps, roleGrants, users, type Executor } from '@xuanlian/db';
import { and, asc, count, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type StepRow = typeof reviewSteps.$inferSelect;
export type DecisionRow = typeof reviewDecisions.$inferSelect;
export interface Person {
  id: string;
  name: string;
  title: string | null;
}

// ── steps ─────────────────────────────────────────────────────────────────────────────────────
export async function insertSteps(tx: Executor, rows: Array<typeof reviewSteps.$inferInsert>): Promise<StepRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(reviewSteps).values(rows).returning();
}

/** Every step of a manuscript (cancelled ones too: the sign-off sheet keeps the history). */
export async function stepsOf(db: Executor, manuscriptId: string, purpose = 'submission'): Promise<StepRow[]> {
  return db
    .select()
    .from(reviewSteps)
    .where(and(eq(reviewSteps.manuscriptId, manuscriptId), eq(reviewSteps.purpose, purpose)))
    .orderBy(asc(reviewSteps.createdAt), asc(reviewSteps.position));
}

export async function findStep(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<StepRow | undefined> {
  const q = db.select().from(reviewSteps).where(eq(reviewSteps.id, id));
  const rows = opts.lock ? await q.for('update') : await q;
  return rows[0];
}

/** waiting/returned → pending, with its round, unit and deadline. */
export async function activateStep(tx: Executor, id: string, set: { round: number; unitId: string | null; activatedAt: Date; deadlineAt: Date }): Promise<StepRow | undefined> {
  const rows = await tx
    .update(reviewSteps)
    .set({ ...set, status: 'pending', decidedAt: null, overdueNotifiedAt: null })
    .where(and(eq(reviewSteps.id, id), inArray(reviewSteps.status, ['waiting', 'returned'])))
    .returning();
  return rows[0];
}

/**
 * The race guard: moves a step out of `pending` only if it is still pending. Of any number of
 * concurrent deciders exactly one gets the row back; PostgreSQL re-checks the condition after
 * the first one's commit, and PGlite runs the transactions one after another.
 */
export async function closeStepIf(tx: Executor, id: string, to: 'approved' | 'returned' | 'waiting', at: Date, round?: number): Promise<StepRow | undefined> {
  const rows = await tx
    .update(reviewSteps)
    .set({ status: to, decidedAt: to === 'waiting' ? null : at })
    .where(and(eq(reviewSteps.id, id), eq(reviewSteps.status, 'pending'), round === undefined ? undefined : eq(reviewSteps.round, round)))
    .returning();
  return rows[0];
}

export async function cancelSteps(tx: Executor, manuscriptId: string, purpose = 'submission'): Promise<void> {
  await tx
    .update(reviewSteps)
    .set({ status: 'cancelled' })
    .where(and(eq(reviewSteps.manuscriptId, manuscriptId), eq(reviewSteps.purpose, purpose), ne(reviewSteps.status, 'cancelled')));
}

export async function maxRound(db: Executor, manuscriptId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`coalesce(max(${reviewSteps.round}), 0)::int` })
    .from(reviewSteps)
    .where(eq(reviewSteps.manuscriptId, manuscriptId));
  return Number(rows[0]?.n ?? 0);
}

// ── assignees ─────────────────────────────────────────────────────────────────────────────────
export async function replaceAssignees(tx: Executor, stepId: string, manuscriptId: string, userIds: string[]): Promise<void> {
  await tx.delete(reviewAssignees).where(eq(reviewAssignees.stepId, stepId));
  if (userIds.length > 0) await tx.insert(reviewAssignees).values(userIds.map((userId) => ({ stepId, userId, manuscriptId })));
}

export async function assigneesOf(db: Executor, stepIds: string[]): Promise<Array<Person & { stepId: string }>> {
  if (stepIds.length === 0) return [];
  return db
    .select({ stepId: reviewAssignees.stepId, id: users.id, name: users.name, title: users.title })
    .from(reviewAssignees)
    .innerJoin(users, eq(users.id, reviewAssignees.userId))
    .where(inArray(reviewAssignees.stepId, stepIds))
    .orderBy(asc(users.name));
}

export async function isAssignee(db: Executor, stepId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ u: reviewAssignees.userId })
    .from(reviewAssignees)
    .where(and(eq(reviewAssignees.stepId, stepId), eq(reviewAssignees.userId, userId)));
  return rows.length > 0;
}

// ── decisions ─────────────────────────────────────────────────────────────────────────────────
/** false when this reviewer already decided this step in this round (the unique key says so). */
export async function insertDecision(tx: Executor, v: typeof reviewDecisions.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(reviewDecisions).values(v).onConflictDoNothing().returning({ id: reviewDecisions.id });
  return rows.length === 1;
}

export async function setDecisionVersion(tx: Executor, stepId: string, round: number, reviewerId: string, version: number): Promise<void> {
  await tx
    .update(reviewDecisions)
    .set({ version })
    .where(and(eq(reviewDecisions.stepId, stepId), eq(reviewDecisions.round, round), eq(reviewDecisions.reviewerId, reviewerId)));
}

export async function decisionsOf(db: Executor, manuscriptId: string): Promise<DecisionRow[]> {
  return db.select().from(reviewDecisions).where(eq(reviewDecisions.manuscriptId, manuscriptId)).orderBy(asc(reviewDecisions.createdAt));
}

export async function approvalsInRound(db: Executor, stepId: string, round: number): Promise<string[]> {
  const rows = await db
    .select({ u: reviewDecisions.reviewerId })
    .from(reviewDecisions)
    .where(and(eq(reviewDecisions.stepId, stepId), eq(reviewDecisions.round, round), ne(reviewDecisions.decision, 'return')));
  return rows.map((r) => r.u);
}

/** Who has decided which step positions of a manuscript (steps of a rebuilt chain not counted). */
export async function deciderPositions(db: Executor, manuscriptId: string): Promise<Map<string, Set<number>>> {
  const rows = await db
    .select({ u: reviewDecisions.reviewerId, position: reviewDecisions.position })
    .from(reviewDecisions)
    .innerJoin(reviewSteps, eq(reviewSteps.id, reviewDecisions.stepId))
    .where(and(eq(reviewDecisions.manuscriptId, manuscriptId), ne(reviewSteps.status, 'cancelled')));
  const out = new Map<string, Set<number>>();
  for (const r of rows) {
    const set = out.get(r.u) ?? new Set<number>();
    set.add(r.position);
    out.set(r.u, set);
  }
  return out;
}

// ── who can review ────────────────────────────────────────────────────────────────────────────
/**
 * Active users holding `role` granted exactly at one of `orgIds` (optionally with a 职务
 * containing `titleContains`), with the unit they were found at. Reads the users and grants
 * tables directly: the users module has no verb for "reviewers of a unit", and this is a read.
 */
export async function reviewersAt(db: Executor, q: { orgIds: string[]; role: string; titleContains: string | null }): Promise<Array<Person & { orgId: string }>> {
  if (q.orgIds.length === 0) return [];
  const conds: SQL[] = [inArray(roleGrants.orgId, q.orgIds), eq(roleGrants.role, q.role), eq(users.status, 'active')];
  if (q.titleContains) conds.push(sql`position(${q.titleContains} in coalesce(${users.title}, '')) > 0`);
  return db
    .selectDistinct({ id: users.id, name: users.name, title: users.title, orgId: roleGrants.orgId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(...conds))
    .orderBy(asc(users.name));
}

export async function orgNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findPerson(db: Executor, id: string): Promise<Person | undefined> {
  const rows = await db.select({ id: users.id, name: users.name, title: users.title }).from(users).where(eq(users.id, id));
  return rows[0];
}

// ── lists ─────────────────────────────────────────────────────────────────────────────────────
export interface PendingRow {
  step_id: string;
  step_name: string;
  purpose: string;
  position: number;
  manuscript_id: string;
  title: string;
  org_id: string;
  org_name: string;
  reporter_name: string;
  category_name: string | null;
  importance: string;
  report_kind: string | null;
  submitted_at: Date | string | null;
  activated_at: Date | string | null;
  deadline_at: Date | string | null;
  assignee_names: string | null;
  mode: string;
  approvals: number;
}

const pendingColumns = sql`
  s.id as step_id, s.name as step_name, s.purpose, s.position, m.id as manuscript_id, m.title, m.org_id, o.name as org_name,
  u.name as reporter_name, c.name as category_name, m.importance, m.report_kind, m.submitted_at, s.activated_at, s.deadline_at,
  (select string_agg(au.name, '、' order by au.name) from review_assignees a2 join users au on au.id = a2.user_id where a2.step_id = s.id) as assignee_names,
  s.mode, (select count(*)::int from review_decisions d2 where d2.step_id = s.id and d2.round = s.round and d2.decision <> 'return') as approvals`;
const pendingJoins = sql`
  join manuscripts m on m.id = s.manuscript_id
  join orgs o on o.id = m.org_id
  join users u on u.id = m.reporter_id
  left join manuscript_categories c on c.id = m.category_id`;

/** 待我审核: pending steps where I am an assignee and have not yet given my decision this round. */
function mineWhere(userId: string): SQL {
  return sql`a.user_id = ${userId} and s.status = 'pending'
    and not exists (select 1 from review_decisions d where d.step_id = s.id and d.round = s.round and d.reviewer_id = ${userId})`;
}

export async function pendingFor(db: Executor, userId: string, page: number, pageSize: number): Promise<PendingRow[]> {
  return queryRows<PendingRow>(
    db,
    sql`select ${pendingColumns} from review_assignees a join review_steps s on s.id = a.step_id ${pendingJoins}
        where ${mineWhere(userId)}
        order by s.deadline_at asc nulls last, s.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
}

export async function pendingCountFor(db: Executor, userId: string): Promise<{ count: number; overdue: number }> {
  const rows = await queryRows<{ n: number; overdue: number }>(
    db,
    sql`select count(*)::int as n, count(*) filter (where s.deadline_at < now())::int as overdue
        from review_assignees a join review_steps s on s.id = a.step_id where ${mineWhere(userId)}`,
  );
  return { count: Number(rows[0]?.n ?? 0), overdue: Number(rows[0]?.overdue ?? 0) };
}

/** Overdue steps of manuscripts in a scope (optionally one unit's subtree), or assigned to one reviewer. */
export function overdueWhere(q: ({ scope: Scope } | { assignee: string }) & { subtreePath?: string | undefined }): SQL {
  const base = 'assignee' in q ? sql`exists (select 1 from review_assignees a where a.step_id = s.id and a.user_id = ${q.assignee})` : orgIdFilter(q.scope, sql`m.org_id`);
  return q.subtreePath ? sql`${base} and o.path like ${`${q.subtreePath}%`}` : base;
}

export async function overdueSteps(db: Executor, where: SQL, page: number, pageSize: number): Promise<{ rows: PendingRow[]; total: number }> {
  const base = sql`from review_steps s ${pendingJoins} where s.status = 'pending' and s.deadline_at < now() and ${where}`;
  const [rows, totals] = await Promise.all([
    queryRows<PendingRow>(db, sql`select ${pendingColumns} ${base} order by s.deadline_at asc limit ${pageSize} offset ${(page - 1) * pageSize}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n ${base}`),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** Overdue steps nobody has been told about yet, for the reminder job. */
export async function overdueUnnoticed(db: Executor, limit: number): Promise<Array<StepRow & { title: string; orgId: string; orgPath: string }>> {
  const rows = await db
    .select({ s: reviewSteps, title: manuscripts.title, orgId: manuscripts.orgId, orgPath: orgs.path })
    .from(reviewSteps)
    .innerJoin(manuscripts, eq(manuscripts.id, reviewSteps.manuscriptId))
    .innerJoin(orgs, eq(orgs.id, manuscripts.orgId))
    .where(and(eq(reviewSteps.status, 'pending'), sql`${reviewSteps.deadlineAt} < now()`, sql`${reviewSteps.overdueNotifiedAt} is null`))
    .limit(limit);
  return rows.map((r) => ({ ...r.s, title: r.title, orgId: r.orgId, orgPath: r.orgPath }));
}

export async function markOverdueNotified(tx: Executor, stepId: string): Promise<boolean> {
  const rows = await tx
    .update(reviewSteps)
    .set({ overdueNotifiedAt: new Date() })
    .where(and(eq(reviewSteps.id, stepId), eq(reviewSteps.status, 'pending'), sql`${reviewSteps.overdueNotifiedAt} is null`))
    .returning({ id: reviewSteps.id });
  return rows.length > 0;
}

export async function countSteps(db: Executor, manuscriptId: string): Promise<number> {
  const rows = await db.select({ n: count() }).from(reviewSteps).where(eq(reviewSteps.manuscriptId, manuscriptId));
  return rows[0]?.n ?? 0;
}
