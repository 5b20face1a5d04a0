import { manuscripts, orgs, plans, roleGrants, tasks, users, type Executor } from '@xuanlian/db';
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
    .where(
      sql`not exists (select 1 from ${manuscripts} m where m.org_id = ${orgs.id} and m.submitted_at >= ${from} and m.submitted_at < ${to})`,
    );
}

