import type { ReportProgressInput, ReviewTaskInput, SubmitTaskInput, TaskDetail } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { conflict, invalidState, validationError } from '../../../core/errors.ts';
import { updateTaskIf } from '../plans.repo.ts';
import { insertReport } from '../supervision.repo.ts';
import { canMove, TASK_MOVES } from '../task-machine.ts';
import { tellLeadUnit, tellPlanOffice } from './notices.ts';
import { checkFiles, taskDetail, taskForOffice, taskForUnit } from './common.ts';

/** A progress report (进展) with evidence; the first one moves a task from 待办理 to 办理中. */
export async function reportProgress({ ctx, id, input }: { ctx: Ctx; id: string; input: ReportProgressInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForUnit(ctx, tx, id);
    const move = TASK_MOVES.report;
    if (!canMove('report', task.status)) throw invalidState('该任务当前不能报送进展');
    const files = await checkFiles(tx, ctx.actor, input.files);
    // Reports are append-only, so two at once may both land; the status move is still conditional.
    if (!(await updateTaskIf(tx, id, { statuses: move.from }, { status: move.to }))) throw conflict();
    await insertReport(tx, { taskId: id, kind: 'progress', body: input.body, files, orgId: ctx.actor.orgId, byUserId: ctx.actor.userId, byName: ctx.actor.name });
    await writeAudit(tx, ctx, {
      action: 'task.report',
      targetType: 'task',
      targetId: id,
      orgId: task.leadOrgId,
      before: { status: task.status },
      after: { status: move.to, body: input.body, files: files.length },
    });
  });
  return taskDetail(ctx, id);
}

/** 申请办结: the unit reports the result; the office reviews (复核) before the task is closed. */
export async function submitTask({ ctx, id, input }: { ctx: Ctx; id: string; input: SubmitTaskInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForUnit(ctx, tx, id);
    const move = TASK_MOVES.submit;
    if (!canMove('submit', task.status)) throw invalidState('该任务当前不能申请办结');
    const files = await checkFiles(tx, ctx.actor, input.files);
    if (!(await updateTaskIf(tx, id, { statuses: move.from, version: input.version }, { status: move.to }))) throw conflict('任务已被他人处理，请刷新后重试');
    await insertReport(tx, { taskId: id, kind: 'completion', body: input.body, files, orgId: ctx.actor.orgId, byUserId: ctx.actor.userId, byName: ctx.actor.name });
    await writeAudit(tx, ctx, { action: 'task.submit', targetType: 'task', targetId: id, orgId: task.leadOrgId, before: { status: task.status }, after: { status: move.to, body: input.body } });
    await tellPlanOffice(tx, ctx, task, {
      kind: 'task.submitted',
      title: `申请办结：${task.title}`,
      body: `${task.leadName ?? '牵头单位'}申请办结“${task.title}”，请复核：${input.body}`,
      key: `task-submitted:${id}:${task.version}`,
    });
  });
  return taskDetail(ctx, id);
}

/**
 * 复核: approve closes the task (办结); return sends it back to 办理中 with the reason. A task
 * closed after its deadline needs an accountability note (问责说明) — it is kept on the task.
 */
export async function reviewTask({ ctx, id, input }: { ctx: Ctx; id: string; input: ReviewTaskInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForOffice(ctx, tx, id);
    const moveName = input.decision === 'approve' ? 'approve' : 'return';
    const move = TASK_MOVES[moveName];
    if (!canMove(moveName, task.status)) throw invalidState('该任务不在待复核状态');
    const today = chinaDate();
    const late = input.decision === 'approve' && task.deadline !== null && today > task.deadline;
    if (late && !input.accountabilityNote) {
      throw validationError([{ path: 'accountabilityNote', message: `该任务已超过时限（${task.deadline}），办结前请填写问责说明` }]);
    }
    if (input.decision === 'return' && !input.note) throw validationError([{ path: 'note', message: '退回时请说明理由' }]);
    const set =
      input.decision === 'approve'
        ? { status: move.to, completedAt: new Date(), closedLate: late, accountabilityNote: late ? input.accountabilityNote : null, reviewNote: input.note || null }
        : { status: move.to, reviewNote: input.note };
    if (!(await updateTaskIf(tx, id, { statuses: move.from, version: input.version }, set))) throw conflict('任务已被他人复核，请刷新后重试');
    await writeAudit(tx, ctx, {
      action: input.decision === 'approve' ? 'task.approve' : 'task.return',
      targetType: 'task',
      targetId: id,
      orgId: task.leadOrgId,
      before: { status: task.status },
      after: { status: move.to, note: input.note, closedLate: late, accountabilityNote: late ? input.accountabilityNote : null },
    });
    await tellLeadUnit(tx, ctx, task, {
      kind: 'task.reviewed',
      title: input.decision === 'approve' ? `任务已办结：${task.title}` : `任务被退回：${task.title}`,
      body: input.decision === 'approve' ? `“${task.title}”复核通过，已办结。${input.note ? `意见：${input.note}` : ''}` : `“${task.title}”的办结申请被退回，请继续办理。理由：${input.note}`,
      key: `task-reviewed:${id}:${task.version}`,
    });
  });
  return taskDetail(ctx, id);
}

export async function cancelTask({ ctx, id, input }: { ctx: Ctx; id: string; input: { version: number; reason: string } }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForOffice(ctx, tx, id);
    const move = TASK_MOVES.cancel;
    if (!canMove('cancel', task.status)) throw invalidState('该任务已办结或已撤销');
    if (!(await updateTaskIf(tx, id, { statuses: move.from, version: input.version }, { status: move.to, reviewNote: input.reason }))) throw conflict();
    await writeAudit(tx, ctx, { action: 'task.cancel', targetType: 'task', targetId: id, orgId: task.leadOrgId, before: { status: task.status }, after: { status: move.to, reason: input.reason } });
  });
  return taskDetail(ctx, id);
}
