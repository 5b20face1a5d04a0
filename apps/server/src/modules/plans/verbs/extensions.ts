import type { DecideExtensionInput, RequestExtensionInput, TaskDetail } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState, notFound, validationError } from '../../../core/errors.ts';
import { updateTaskIf } from '../plans.repo.ts';
import { findExtension, insertExtension, updateExtensionIf } from '../supervision.repo.ts';
import { OPEN_STATUSES } from '../task-machine.ts';
import { chineseDate } from '../../../core/china-time/index.ts';
import { taskDetail, taskForOffice, taskForUnit } from './common.ts';
import { tellPerson, tellPlanOffice } from './notices.ts';

/** The lead unit asks for a later deadline, with a reason; one request waits at a time. */
export async function requestExtension({ ctx, id, input }: { ctx: Ctx; id: string; input: RequestExtensionInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForUnit(ctx, tx, id);
    if (!['pending', 'in_progress'].includes(task.status)) throw invalidState('该任务当前不能申请延期');
    if (!task.deadline) throw invalidState('该任务没有时限，无需延期');
    if (input.toDeadline <= task.deadline) throw validationError([{ path: 'toDeadline', message: `延期后的时限须晚于原时限（${task.deadline}）` }]);
    const row = await insertExtension(tx, {
      taskId: id,
      reason: input.reason,
      fromDeadline: task.deadline,
      toDeadline: input.toDeadline,
      requestedBy: ctx.actor.userId,
      requestedByName: ctx.actor.name,
    });
    if (!row) throw conflict('已有待审批的延期申请');
    await writeAudit(tx, ctx, {
      action: 'extension.request',
      targetType: 'extension',
      targetId: row.id,
      orgId: task.leadOrgId,
      after: { taskId: id, from: task.deadline, to: input.toDeadline, reason: input.reason },
    });
    await tellPlanOffice(tx, ctx, task, {
      kind: 'extension.requested',
      title: `延期申请：${task.title}`,
      body: `${task.leadName ?? '牵头单位'}申请将“${task.title}”的时限由${chineseDate(task.deadline)}延至${chineseDate(input.toDeadline)}，理由：${input.reason}`,
      key: `extension-requested:${row.id}`,
    });
  });
  return taskDetail(ctx, id);
}

/** The office approves (the deadline moves) or rejects; a decision is taken once. */
export async function decideExtension({ ctx, id, extensionId, input }: { ctx: Ctx; id: string; extensionId: string; input: DecideExtensionInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForOffice(ctx, tx, id);
    const ext = await findExtension(tx, id, extensionId);
    if (!ext) throw notFound('延期申请');
    if (ext.status !== 'requested') throw invalidState('该延期申请已审批');
    const approve = input.decision === 'approve';
    const decided = await updateExtensionIf(tx, extensionId, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.name,
      decidedAt: new Date(),
      decisionNote: input.note || null,
    });
    if (!decided) throw conflict('该延期申请已被他人审批');
    if (approve && !(await updateTaskIf(tx, id, { statuses: OPEN_STATUSES }, { deadline: ext.toDeadline }))) throw invalidState('任务已办结或已撤销，不能延期');
    await writeAudit(tx, ctx, {
      action: approve ? 'extension.approve' : 'extension.reject',
      targetType: 'extension',
      targetId: extensionId,
      orgId: task.leadOrgId,
      before: { status: 'requested', deadline: task.deadline },
      after: { status: decided.status, deadline: approve ? ext.toDeadline : task.deadline, note: input.note },
    });
    await tellPerson(tx, ctx, task, ext.requestedBy, {
      kind: 'extension.decided',
      title: `延期申请${approve ? '已批准' : '未批准'}：${task.title}`,
      body: approve
        ? `“${task.title}”的时限已延至${chineseDate(ext.toDeadline)}。${input.note ? `意见：${input.note}` : ''}`
        : `“${task.title}”的时限仍为${task.deadline ? chineseDate(task.deadline) : '原定时限'}。${input.note ? `意见：${input.note}` : ''}`,
      key: `extension-decided:${extensionId}`,
    });
  });
  return taskDetail(ctx, id);
}
