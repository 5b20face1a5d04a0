import { manuscripts, orgs, plans, reviewAssignees, reviewSteps, roleGrants, tasks, users, type Executor } from '@xuanlian/db';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';

/**
 * Read-only look-ups for the scheduled reminders. They read other modules' tables directly (a
 * deliberate exception, see AGENTS.md): each is one query over rows the reminder only reports
 * on, and going through those modules' scoped verbs as the system actor would add nothing.
 */

/** Open tasks whose deadline is the given China date. */
export async function tasksDueOn(db: Executor, day: string) {
  return db
    .select({ id: tasks.id, title: tasks.title, deadline: tasks.deadline, leadOrgId: tasks.leadOrgId, planId: tasks.planId, planTitle: plans.title })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.deadline, day), inArray(tasks.status, ['pending', 'in_progress']), isNotNull(tasks.leadOrgId)));
}

/** Units with an active reporter that have submitted nothing in [from, to). */
export async function unitsWithoutSubmissions(db: Executor, from: Date, to: Date) {
  return db
    .selectDistinct({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .innerJoin(roleGrants, and(eq(roleGrants.orgId, orgs.id), inArray(roleGrants.role, ['reporter', 'chief_reporter'])))
    .innerJoin(users, and(eq(users.id, roleGrants.userId), eq(users.status, 'active')))
    .where(sql`not exists (select 1 from ${manuscripts} m where m.org_id = ${orgs.id} and m.submitted_at >= ${from} and m.submitted_at < ${to})`);
}

/**
 * Pending review steps in the last quarter of their allotted time (deadline − activation), not yet
 * overdue: one rule for a three-day step and a thirty-minute 突发事件 step alike.
 */
export async function reviewStepsNearDeadline(db: Executor, now: Date) {
  const steps = await db
    .select({ id: reviewSteps.id, name: reviewSteps.name, round: reviewSteps.round, deadlineAt: reviewSteps.deadlineAt, manuscriptId: reviewSteps.manuscriptId, title: manuscripts.title })
    .from(reviewSteps)
    .innerJoin(manuscripts, eq(manuscripts.id, reviewSteps.manuscriptId))
    .where(
      and(
        eq(reviewSteps.status, 'pending'),
        sql`${reviewSteps.deadlineAt} > ${now}`,
        sql`${reviewSteps.activatedAt} is not null`,
        sql`${now} >= ${reviewSteps.deadlineAt} - (${reviewSteps.deadlineAt} - ${reviewSteps.activatedAt}) / 4`,
      ),
    );
  if (steps.length === 0) return [];
  const assignees = await db
    .select({ stepId: reviewAssignees.stepId, userId: reviewAssignees.userId })
    .from(reviewAssignees)
    .where(
      inArray(
        reviewAssignees.stepId,
        steps.map((s) => s.id),
      ),
    );
  return steps.map((s) => ({ ...s, assigneeIds: assignees.filter((a) => a.stepId === s.id).map((a) => a.userId) }));
}
