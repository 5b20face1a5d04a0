import type { EvidenceRef, TaskDetail } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Actor, Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { fileMeta, requireReadableFiles } from '../../../core/files/index.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findOrgsByIds } from '../../orgs/index.ts';
import { findTaskInScope, type TaskRow } from '../plans.repo.ts';
import { presentExtension, presentReport, presentTask, presentUrge, rolesFor } from '../plans.presenter.ts';
import { extensionsOf, reportsOf, urgesOf } from '../supervision.repo.ts';
import type { AttachedFile } from '@xuanlian/db';

/** The lead unit's moves: progress, 申请办结, 签收, 答复, 申请延期. Cooperating units only read. */
export async function taskForUnit(ctx: Ctx, tx: Executor, id: string): Promise<TaskRow> {
  const scope = requirePermission(ctx.actor, 'task.report');
  const task = await findTaskInScope(tx, scope, id, { lock: true });
  if (!task) throw notFound('任务');
  if (!rolesFor(ctx, task).unit) throw forbidden('只有牵头单位可以办理此任务');
  return task;
}

/** The office's moves: edit and assign, 督办, 复核, 审批延期, 撤销 — only for plans it runs. */
export async function taskForOffice(ctx: Ctx, tx: Executor, id: string): Promise<TaskRow> {
  const scope = requirePermission(ctx.actor, 'plan.manage');
  const task = await findTaskInScope(tx, scope, id, { lock: true });
  if (!task) throw notFound('任务');
  if (!rolesFor(ctx, task).office) throw forbidden('只有制定方案的单位可以执行此操作');
  return task;
}

export async function orgNameMap(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await findOrgsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((o) => [o.id, o.name]));
}

/** Evidence on a report: only files the reporter may read (uploaded, or on a row they see). */
export async function checkFiles(db: Executor, actor: Actor, files: EvidenceRef[]): Promise<AttachedFile[]> {
  await requireReadableFiles(db, actor, files);
  return files.map((f) => ({ sha256: f.sha256, name: f.name, caption: f.caption ?? null }));
}

/** The task with its reports, 督办单 and extension requests, as the actor may act on them. */
export async function taskDetail(ctx: Ctx, id: string, scope = requirePermission(ctx.actor, 'plan.read')): Promise<TaskDetail> {
  const task = await findTaskInScope(ctx.db, scope, id);
  if (!task) throw notFound('任务');
  const [reports, urges, extensions, names] = await Promise.all([reportsOf(ctx.db, id), urgesOf(ctx.db, id), extensionsOf(ctx.db, id), orgNameMap(ctx.db, task.cooperatingOrgIds)]);
  const meta = await fileMeta(
    ctx.db,
    reports.flatMap((r) => r.files.map((f) => f.sha256)),
  );
  const roles = rolesFor(ctx, task);
  return {
    ...presentTask(ctx, task, chinaDate(), names),
    reviewNote: task.reviewNote,
    reports: reports.map((r) =>
      presentReport(
        r,
        r.files.map((f) => {
          const m = meta.get(f.sha256) ?? { mime: 'application/octet-stream', size: 0 };
          return { ...f, ...m, kind: m.mime.startsWith('image/') ? 'photo' : 'file' };
        }),
      ),
    ),
    urges: urges.map((u) => presentUrge(u, roles.unit)),
    extensions: extensions.map((e) => presentExtension(e, roles.office)),
  };
}
