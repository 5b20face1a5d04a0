import type { CreateIncidentInput, Incident } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound, validationError } from '../../../core/errors.ts';
import { hasPermission, requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findMentionInScope } from '../../mentions/index.ts';
import { defaultDeadline } from '../incidents.policy.ts';
import { enterStage, findIncidentById, insertEvent, insertIncident, stagesOf } from '../incidents.repo.ts';
import { eventActorName } from './event-actor.ts';
import { presentIncident } from '../incidents.presenter.ts';

/** 立案: an incident from a mention or a whole cluster of reposts, starting at 发现. */
export async function createIncident({ ctx, input }: { ctx: Ctx; input: CreateIncidentInput }): Promise<Incident> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId, '负责单位');
    const owner = (await requireOrgInScope(tx, scope, input.ownerOrgId, '发现环节责任单位')) ?? org;
    let title = input.title;
    let clusterId = input.clusterId ?? null;
    if (input.mentionId) {
      const mention = await findMentionInScope(tx, scope, input.mentionId);
      if (!mention) throw notFound('舆情信息');
      title ??= mention.title;
      clusterId ??= mention.clusterId;
    } else if (input.clusterId) {
      const first = await findMentionInScope(tx, scope, input.clusterId);
      if (!first) throw notFound('相似簇');
      title ??= first.title;
    }
    if (!title) throw validationError([{ path: 'title', message: '请填写事件标题' }]);
    const now = new Date();
    const deadline = input.deadline ? new Date(input.deadline) : defaultDeadline('discovered', input.grade, now);
    const row = await insertIncident(tx, {
      orgId: org.id,
      title: title.slice(0, 200),
      grade: input.grade,
      stage: 'discovered',
      stageOwnerOrgId: owner.id,
      stageDeadline: deadline,
      mentionId: input.mentionId ?? null,
      clusterId,
      createdBy: ctx.actor.userId,
      createdByName: eventActorName(ctx),
    });
    await enterStage(tx, row.id, 'discovered', owner.id, deadline);
    await insertEvent(tx, {
      incidentId: row.id,
      actorId: ctx.actor.userId,
      actorName: eventActorName(ctx),
      kind: 'created',
      toStage: 'discovered',
      note: input.note ?? null,
      data: { grade: input.grade },
    });
    const fresh = await findIncidentById(tx, row.id);
    if (!fresh) throw notFound('舆情事件');
    const out = presentIncident(fresh, await stagesOf(tx, [row.id]), hasPermission(ctx.actor, 'opinion.monitor'));
    await writeAudit(tx, ctx, {
      action: 'incident.create',
      targetType: 'opinion_incident',
      targetId: row.id,
      orgId: org.id,
      after: { title: out.title, grade: out.grade, stage: out.stage, mentionId: out.mentionId, clusterId: out.clusterId },
    });
    return out;
  });
}
