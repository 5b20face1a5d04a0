import { type Incident, type IncidentListQuery } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { hasPermission, requireOrgInScope, requirePermission } from '../../../core/scope.ts';
import { presentIncident } from '../incidents.presenter.ts';
import { listIncidentsInScope, stagesOf } from '../incidents.repo.ts';

export async function listIncidents({ ctx, input }: { ctx: Ctx; input: IncidentListQuery }): Promise<{ items: Incident[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  const { rows, total } = await listIncidentsInScope(ctx.db, scope, { ...input, subtreePath, open: bool(input.open), overdue: bool(input.overdue) });
  const stages = await stagesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const canAct = hasPermission(ctx.actor, 'opinion.monitor');
  return { items: rows.map((r) => presentIncident(r, stages, canAct)), total };
}
