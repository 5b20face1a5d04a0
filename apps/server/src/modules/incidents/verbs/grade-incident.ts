import { GRADE_LABELS, type GradeIncidentInput, type Incident } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { presentIncident } from '../incidents.presenter.ts';
import { findIncidentById, findIncidentInScope, insertEvent, stagesOf, updateIncidentRow } from '../incidents.repo.ts';
import { eventActorName } from './event-actor.ts';

/** 研判定级: the grade may be raised or lowered until the incident is closed. */
export async function gradeIncident({ ctx, id, input }: { ctx: Ctx; id: string; input: GradeIncidentInput }): Promise<Incident> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findIncidentInScope(tx, scope, id);
    if (!row) throw notFound('舆情事件');
    if (row.stage === 'closed') throw invalidState('事件已办结，不能再调整等级');
    if (row.grade === input.grade) throw invalidState(`事件已是“${GRADE_LABELS[input.grade]}”等级`);
    await updateIncidentRow(tx, row.id, { grade: input.grade });
    await insertEvent(tx, { incidentId: row.id, actorId: ctx.actor.userId, actorName: eventActorName(ctx), kind: 'grade', note: input.note ?? null, data: { from: row.grade, to: input.grade } });
    await writeAudit(tx, ctx, {
      action: 'incident.grade',
      targetType: 'opinion_incident',
      targetId: row.id,
      orgId: row.orgId,
      before: { grade: row.grade },
      after: { grade: input.grade, note: input.note ?? null },
    });
    const fresh = await findIncidentById(tx, row.id);
    if (!fresh) throw notFound('舆情事件');
    return presentIncident(fresh, await stagesOf(tx, [row.id]), true);
  });
}
