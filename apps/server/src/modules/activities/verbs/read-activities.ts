import type { Activity, ActivityListQuery, ActivitySummary, RosterOutput } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { hasPermission, pathInScope, requirePermission, scopeFor, requireOrgInScope } from '../../../core/scope.ts';
import { attendeesOf, fileMeta, findActivityInScope, listActivitiesInScope, rosterOf, type ActivityRow } from '../activities.repo.ts';
import { presentActivity, presentSummary } from '../activities.presenter.ts';

function canEdit(ctx: Ctx, row: Pick<ActivityRow, 'orgPath'>): boolean {
  return hasPermission(ctx.actor, 'activity.record') && pathInScope(scopeFor(ctx.actor, 'activity.record'), row.orgPath);
}

/** The full record, as read right after a write (the writer's scope already admitted it). */
export async function loadActivity(ctx: Ctx, id: string): Promise<Activity> {
  const row = await findActivityInScope(ctx.db, { all: true }, id);
  if (!row) throw notFound('活动');
  const [attendees, meta] = await Promise.all([
    attendeesOf(ctx.db, [row.id]),
    fileMeta(
      ctx.db,
      row.files.map((f) => f.sha256),
    ),
  ]);
  return presentActivity(row, attendees, meta, canEdit(ctx, row));
}

export async function getActivity({ ctx, id }: { ctx: Ctx; id: string }): Promise<Activity> {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const row = await findActivityInScope(ctx.db, scope, id);
  if (!row) throw notFound('活动');
  return loadActivity(ctx, row.id);
}

export async function listActivities({ ctx, input }: { ctx: Ctx; input: ActivityListQuery }): Promise<{ items: ActivitySummary[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const { rows, total } = await listActivitiesInScope(ctx.db, scope, { ...input, subtreePath });
  const attendees = await attendeesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      presentSummary(
        r,
        attendees.filter((a) => a.activityId === r.id),
        canEdit(ctx, r),
      ),
    ),
    total,
  };
}

/** Who can be listed as attending: the unit's people, visible to whoever records for it. */
export async function getRoster({ ctx, orgId }: { ctx: Ctx; orgId: string }): Promise<RosterOutput> {
  const scope = requirePermission(ctx.actor, 'activity.record');
  const org = await requireOrgInScope(ctx.db, scope, orgId);
  return { items: await rosterOf(ctx.db, org.path) };
}
