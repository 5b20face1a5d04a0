import type { IncidentEvent } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { presentEvent } from '../incidents.presenter.ts';
import { eventsOf, findIncidentInScope } from '../incidents.repo.ts';

export async function incidentTimeline({ ctx, id }: { ctx: Ctx; id: string }): Promise<IncidentEvent[]> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findIncidentInScope(ctx.db, scope, id);
  if (!row) throw notFound('舆情事件');
  return (await eventsOf(ctx.db, row.id)).map(presentEvent);
}
