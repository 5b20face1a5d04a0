import { GRADE_LABELS, INCIDENT_STAGE_LABELS, type IncidentStage, type GradeIncidentInput, type Incident, type IncidentEvent, type IncidentListQuery } from '@xuanlian/contracts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { systemCtx, type Ctx, type Services } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { hasPermission, requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { notify, usersWithRoleAt } from '../../notifications/index.ts';
import { eventsOf, findIncidentById, findIncidentInScope, insertEvent, listIncidentsInScope, markEscalated, overdueIncidents, parentOrgName, stagesOf, updateIncidentRow } from '../incidents.repo.ts';
import { presentEvent, presentIncident } from '../incidents.presenter.ts';

const nameOf = (ctx: Ctx): string => (ctx.actor.type === 'system' ? '系统' : ctx.actor.name);

export async function getIncident({ ctx, id }: { ctx: Ctx; id: string }): Promise<Incident> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findIncidentInScope(ctx.db, scope, id);
  if (!row) throw notFound('舆情事件');
  return presentIncident(row, await stagesOf(ctx.db, [row.id]), hasPermission(ctx.actor, 'opinion.monitor'));
}

export async function listIncidents({ ctx, input }: { ctx: Ctx; input: IncidentListQuery }): Promise<{ items: Incident[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  const { rows, total } = await listIncidentsInScope(ctx.db, scope, { ...input, subtreePath, open: bool(input.open), overdue: bool(input.overdue) });
  const stages = await stagesOf(ctx.db, rows.map((r) => r.id));
  const canAct = hasPermission(ctx.actor, 'opinion.monitor');
  return { items: rows.map((r) => presentIncident(r, stages, canAct)), total };
}

export async function incidentTimeline({ ctx, id }: { ctx: Ctx; id: string }): Promise<IncidentEvent[]> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findIncidentInScope(ctx.db, scope, id);
  if (!row) throw notFound('舆情事件');
  return (await eventsOf(ctx.db, row.id)).map(presentEvent);
}

/** 研判定级: the grade may be raised or lowered until the incident is closed. */
export async function gradeIncident({ ctx, id, input }: { ctx: Ctx; id: string; input: GradeIncidentInput }): Promise<Incident> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findIncidentInScope(tx, scope, id);
    if (!row) throw notFound('舆情事件');
    if (row.stage === 'closed') throw invalidState('事件已办结，不能再调整等级');
    if (row.grade === input.grade) throw invalidState(`事件已是“${GRADE_LABELS[input.grade]}”等级`);
    await updateIncidentRow(tx, row.id, { grade: input.grade });
    await insertEvent(tx, { incidentId: row.id, actorId: ctx.actor.userId, actorName: nameOf(ctx), kind: 'grade', note: input.note ?? null, data: { from: row.grade, to: input.grade } });
    await writeAudit(tx, ctx, { action: 'incident.grade', targetType: 'opinion_incident', targetId: row.id, orgId: row.orgId, before: { grade: row.grade }, after: { grade: input.grade, note: input.note ?? null } });
    const fresh = await findIncidentById(tx, row.id);
    if (!fresh) throw notFound('舆情事件');
    return presentIncident(fresh, await stagesOf(tx, [row.id]), true);
  });
}

export async function noteIncident({ ctx, id, note }: { ctx: Ctx; id: string; note: string }): Promise<IncidentEvent[]> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  await ctx.db.transaction(async (tx) => {
    const row = await findIncidentInScope(tx, scope, id);
    if (!row) throw notFound('舆情事件');
    await insertEvent(tx, { incidentId: row.id, actorId: ctx.actor.userId, actorName: nameOf(ctx), kind: 'note', note });
    await writeAudit(tx, ctx, { action: 'incident.note', targetType: 'opinion_incident', targetId: row.id, orgId: row.orgId, after: { note } });
  });
  return incidentTimeline({ ctx, id });
}

export const ESCALATE_OVERDUE_JOB = 'opinion.escalate-overdue';

/**
 * Scheduled: a stage past its deadline is escalated once (升级督办): marked, put on the
 * timeline addressed to the unit above, and audited as the system's act.
 */
export async function escalateOverdue(services: Services, now = new Date()): Promise<number> {
  const ctx = systemCtx(services, 'escalate-overdue');
  let escalated = 0;
  for (const row of await overdueIncidents(services.db, now, 200)) {
    const done = await services.db.transaction(async (tx) => {
      if (!(await markEscalated(tx, row.id, row.stage))) return false;
      const above = (await parentOrgName(tx, row.orgId)) ?? '本单位领导小组';
      const note = `“${INCIDENT_STAGE_LABELS[row.stage as IncidentStage] ?? row.stage}”环节已超过期限（${row.stageDeadline ? chineseDateTime(row.stageDeadline) : ''}），升级督办，报${above}`;
      await insertEvent(tx, { incidentId: row.id, actorId: null, actorName: '系统', kind: 'escalated', fromStage: row.stage, toStage: row.stage, note, data: { deadline: row.stageDeadline?.toISOString() ?? null, reportTo: above } });
      // The stage's owner unit hears it through every channel it set up (its monitors, its group robot).
      const owner = row.stageOwnerOrgId ?? row.orgId;
      await notify({
        tx,
        ctx,
        userIds: await usersWithRoleAt(tx, [owner, row.orgId], ['monitor']),
        orgIds: [owner],
        kind: 'incident.overdue',
        title: `舆情事件处置超时：${row.title}`,
        body: note,
        link: null,
        dedupeKey: `incident-overdue:${row.id}:${row.stage}`,
      });
      await writeAudit(tx, ctx, { action: 'incident.escalate', targetType: 'opinion_incident', targetId: row.id, orgId: row.orgId, before: { escalatedAt: null }, after: { stage: row.stage, deadline: row.stageDeadline?.toISOString() ?? null, reportTo: above } });
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}
