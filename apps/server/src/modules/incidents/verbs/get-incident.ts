import type { Incident } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { hasPermission, requirePermission } from '../../../core/scope.ts';
import { presentIncident } from '../incidents.presenter.ts';
import { findIncidentInScope, stagesOf } from '../incidents.repo.ts';

export async function getIncident({ ctx, id }: { ctx: Ctx; id: string }): Promise<Incident> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findIncidentInScope(ctx.db, scope, id);
  if (!row) throw notFound('舆情事件');
  return presentIncident(row, await stagesOf(ctx.db, [row.id]), hasPermission(ctx.actor, 'opinion.monitor'));
}
