import { INCIDENT_STAGE_LABELS, type Incident, type IncidentStage, type TransitionIncidentInput, type Grade } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState, notFound, validationError } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { defaultDeadline, findTransition } from '../incidents.policy.ts';
import { enterStage, findIncidentById, findIncidentInScope, insertEvent, moveIncident, stagesOf } from '../incidents.repo.ts';
import { presentIncident } from '../incidents.presenter.ts';
import { eventActorName } from './event-actor.ts';

/**
 * One move through 发现 → 研判 → 处置 → 回应 → 办结 (or back). The client says which stage it
 * saw; the UPDATE only applies if the incident is still there, so of two people acting at
 * once exactly one wins and the other gets 409.
 */
export async function transitionIncident({ ctx, id, input }: { ctx: Ctx; id: string; input: TransitionIncidentInput }): Promise<Incident> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findIncidentInScope(tx, scope, id);
    if (!row) throw notFound('舆情事件');
    const current = row.stage as IncidentStage;
    if (current !== input.from) throw conflict(`该事件已被他人流转到“${INCIDENT_STAGE_LABELS[current]}”，请刷新后重试`);
    const move = findTransition(input.from, input.to);
    if (!move) throw invalidState(`不能从“${INCIDENT_STAGE_LABELS[input.from]}”转到“${INCIDENT_STAGE_LABELS[input.to]}”`);
    const needs: readonly string[] = move.needs;
    const issues = [];
    if (needs.includes('note') && !input.note) issues.push({ path: 'note', message: '退回时请说明原因' });
    if (needs.includes('summary') && !input.summary) issues.push({ path: 'summary', message: '办结时请填写总结' });
    if (needs.includes('response') && !input.response && !row.responseText) issues.push({ path: 'response', message: '办结前请填写官方回应内容' });
    if (issues.length > 0) throw validationError(issues);
    const owner = (await requireOrgInScope(tx, scope, input.ownerOrgId, '责任单位')) ?? { id: row.stageOwnerOrgId };
    const now = new Date();
    const deadline = input.to === 'closed' ? null : input.deadline ? new Date(input.deadline) : defaultDeadline(input.to, row.grade as Grade, now);
    const moved = await moveIncident(tx, row.id, input.from, {
      stage: input.to,
      stageOwnerOrgId: owner.id,
      stageDeadline: deadline,
      escalatedAt: null,
      ...(input.response ? { responseText: input.response.text, responseUrl: input.response.url ?? null, responseAt: now } : {}),
      ...(input.summary ? { summary: input.summary } : {}),
      ...(input.to === 'closed' ? { closedAt: now } : {}),
    });
    if (!moved) {
      // Lost the race at the conditional update: say where the winner moved it, as the pre-check does.
      const latest = await findIncidentById(tx, row.id);
      const stage = (latest?.stage ?? input.to) as IncidentStage;
      throw conflict(`该事件已被他人流转到“${INCIDENT_STAGE_LABELS[stage]}”，请刷新后重试`);
    }
    await enterStage(tx, row.id, input.to, owner.id, deadline);
    const actorName = eventActorName(ctx);
    if (input.response) {
      await insertEvent(tx, { incidentId: row.id, actorId: ctx.actor.userId, actorName, kind: 'response', note: input.response.text, data: { url: input.response.url ?? null } });
    }
    await insertEvent(tx, {
      incidentId: row.id,
      actorId: ctx.actor.userId,
      actorName,
      kind: input.to === 'closed' ? 'closed' : 'transition',
      fromStage: input.from,
      toStage: input.to,
      note: input.note ?? input.summary ?? null,
      data: { label: move.label, ownerOrgId: owner.id, deadline: deadline?.toISOString() ?? null },
    });
    await writeAudit(tx, ctx, {
      action: 'incident.transition',
      targetType: 'opinion_incident',
      targetId: row.id,
      orgId: row.orgId,
      before: { stage: input.from, stageOwnerOrgId: row.stageOwnerOrgId },
      after: { stage: input.to, stageOwnerOrgId: owner.id, deadline: deadline?.toISOString() ?? null, note: input.note ?? null, response: input.response ?? null, summary: input.summary ?? null },
    });
    const fresh = await findIncidentById(tx, row.id);
    if (!fresh) throw notFound('舆情事件');
    return presentIncident(fresh, await stagesOf(tx, [row.id]), true);
  });
}
