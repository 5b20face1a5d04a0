import type { IncidentEvent } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findIncidentInScope, insertEvent } from '../incidents.repo.ts';
import { eventActorName } from './event-actor.ts';
import { incidentTimeline } from './incident-timeline.ts';

export async function noteIncident({ ctx, id, note }: { ctx: Ctx; id: string; note: string }): Promise<IncidentEvent[]> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  await ctx.db.transaction(async (tx) => {
    const row = await findIncidentInScope(tx, scope, id);
    if (!row) throw notFound('舆情事件');
    await insertEvent(tx, { incidentId: row.id, actorId: ctx.actor.userId, actorName: eventActorName(ctx), kind: 'note', note });
    await writeAudit(tx, ctx, { action: 'incident.note', targetType: 'opinion_incident', targetId: row.id, orgId: row.orgId, after: { note } });
  });
  return incidentTimeline({ ctx, id });
}
