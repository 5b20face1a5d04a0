import type { Task, TaskDetail, TaskListQuery, UpdateTaskInput } from '@xuanlian/contracts';
import type { Readable } from 'node:stream';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { conflict, invalidState, notFound, validationError } from '../../../core/errors.ts';
import { fileMeta } from '../../../core/files/index.ts';
import { pathInScope, requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findOrgsByIds } from '../../orgs/index.ts';
import { findTaskInScope, listTasksInScope, phasesOf, updateTaskIf } from '../plans.repo.ts';
import { presentTask } from '../plans.presenter.ts';
import { reportsOf } from '../supervision.repo.ts';
import { OPEN_STATUSES } from '../task-machine.ts';
import { orgNameMap, taskDetail, taskForOffice } from './common.ts';

export async function listTasks({ ctx, input }: { ctx: Ctx; input: TaskListQuery }): Promise<{ items: Task[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'plan.read');
  const leadPath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  const today = chinaDate();
  const { rows, total } = await listTasksInScope(ctx.db, scope, { ...input, leadPath, today });
  const names = await orgNameMap(
    ctx.db,
    rows.flatMap((r) => r.cooperatingOrgIds),
  );
  return { items: rows.map((r) => presentTask(ctx, r, today, names)), total };
}

export async function getTask({ ctx, id }: { ctx: Ctx; id: string }): Promise<TaskDetail> {
  return taskDetail(ctx, id);
}

/** Edit, re-date or (re)assign an open task; the version the editor saw must still be current. */
export async function updateTask({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateTaskInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForOffice(ctx, tx, id);
    if (!OPEN_STATUSES.includes(task.status as never)) throw invalidState('已办结或已撤销的任务不能修改');
    const scope = requirePermission(ctx.actor, 'plan.manage');
    const unitIds = [...(input.leadOrgId ? [input.leadOrgId] : []), ...(input.cooperatingOrgIds ?? [])];
    const units = await findOrgsByIds(tx, unitIds);
    const bad = unitIds.filter((u) => !units.some((o) => o.id === u && o.status === 'active' && pathInScope(scope, o.path)));
    if (bad.length > 0) throw validationError([{ path: input.leadOrgId && bad.includes(input.leadOrgId) ? 'leadOrgId' : 'cooperatingOrgIds', message: '单位不存在、已停用或不在管理范围内' }]);
    if (input.phaseId && !(await phasesOf(tx, task.planId)).some((p) => p.id === input.phaseId)) throw validationError([{ path: 'phaseId', message: '阶段不属于该方案' }]);
    const { version, ...fields } = input;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const updated = await updateTaskIf(tx, id, { statuses: OPEN_STATUSES, version }, set);
    if (!updated) throw conflict('任务已被他人修改，请刷新后重试');
    const assigned = input.leadOrgId !== undefined && input.leadOrgId !== task.leadOrgId;
    await writeAudit(tx, ctx, {
      action: assigned ? 'task.assign' : 'task.update',
      targetType: 'task',
      targetId: id,
      orgId: input.leadOrgId ?? task.leadOrgId,
      before: { title: task.title, deadline: task.deadline, leadOrgId: task.leadOrgId, cooperatingOrgIds: task.cooperatingOrgIds },
      after: set,
    });
  });
  return taskDetail(ctx, id);
}

/** A file attached to one of the task's reports, for anyone who may read the task. */
export async function openTaskFile({ ctx, id, sha256 }: { ctx: Ctx; id: string; sha256: string }): Promise<{ stream: Readable; name: string; mime: string; size: number }> {
  const scope = requirePermission(ctx.actor, 'plan.read');
  const task = await findTaskInScope(ctx.db, scope, id);
  const file = task ? (await reportsOf(ctx.db, id)).flatMap((r) => r.files).find((f) => f.sha256 === sha256) : undefined;
  const meta = file ? (await fileMeta(ctx.db, [sha256])).get(sha256) : undefined;
  if (!file || !meta) throw notFound('附件');
  return { stream: await ctx.files.open(sha256), name: file.name, ...meta };
}
