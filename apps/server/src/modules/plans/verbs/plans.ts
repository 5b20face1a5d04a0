import type { CreatePlanInput, CreateTaskInput, FieldIssue, ParsePlanInput, Plan, PlanDraft, PlanSummary, TaskDetail } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { notFound, validationError } from '../../../core/errors.ts';
import { parseUntrusted } from '../../../core/files/index.ts';
import { pathInScope, requirePermission, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { findOrgsByIds } from '../../orgs/index.ts';
import { parsePlanText } from '../parse/skeleton.ts';
import { findPlanInScope, insertPhase, insertPlan, insertTask, listPlansInScope, listTasksInScope, maxTaskOrder, phasesOf, tasksOfPlan, type PlanRow, type TaskRow } from '../plans.repo.ts';
import { presentPhase, presentPlanSummary, presentTask, rolesFor } from '../plans.presenter.ts';
import { orgNameMap, taskDetail } from './common.ts';

/** Paste → draft: nothing is saved; the user edits the skeleton and then creates the plan. */
export function parsePlan({ ctx, input }: { ctx: Ctx; input: ParsePlanInput }): PlanDraft {
  requirePermission(ctx.actor, 'plan.manage');
  return parsePlanText(input.text, { year: input.year, part: input.part });
}

/** A .docx of the plan: its text (headings and paragraphs, one per line) goes through the same parser. */
export async function parsePlanDocx({ ctx, file, year, part }: { ctx: Ctx; file: Buffer; year?: number | undefined; part?: number | undefined }): Promise<PlanDraft> {
  requirePermission(ctx.actor, 'plan.manage');
  // The same guarded path as every other Office upload: archive checks, then mammoth in a worker.
  const text = await parseUntrusted<string>({
    kind: 'docx',
    module: new URL('../parse/docx-text.ts', import.meta.url).href,
    fn: 'docxRawText',
    bytes: file,
    unreadable: '无法读取该文件，请上传 Word（.docx）格式的工作方案',
  });
  if (text.trim().length < 10) throw validationError([{ path: 'file', message: '文件中没有可识别的文字' }]);
  return parsePlanText(text, { year, part });
}

/** Lead and cooperating units must be units the office itself covers. */
async function checkUnits(tx: Executor, scope: Scope, refs: Array<{ path: string; ids: string[] }>): Promise<void> {
  const all = [...new Set(refs.flatMap((r) => r.ids))];
  const found = await findOrgsByIds(tx, all);
  const ok = new Set(found.filter((o) => o.status === 'active' && pathInScope(scope, o.path)).map((o) => o.id));
  const issues: FieldIssue[] = refs.flatMap((r) => (r.ids.every((id) => ok.has(id)) ? [] : [{ path: r.path, message: '单位不存在、已停用或不在本方案的管理范围内' }]));
  if (issues.length > 0) throw validationError(issues);
}

export async function createPlan({ ctx, input }: { ctx: Ctx; input: CreatePlanInput }): Promise<Plan> {
  const scope = requirePermission(ctx.actor, 'plan.manage');
  const id = await ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    await checkUnits(
      tx,
      scope,
      input.phases.flatMap((p, i) =>
        p.tasks.flatMap((t, j) => [
          { path: `phases.${i}.tasks.${j}.leadOrgId`, ids: t.leadOrgId ? [t.leadOrgId] : [] },
          { path: `phases.${i}.tasks.${j}.cooperatingOrgIds`, ids: t.cooperatingOrgIds },
        ]),
      ),
    );
    const planId = await insertPlan(tx, { orgId: org.id, title: input.title, year: input.year, createdBy: ctx.actor.userId, createdByName: ctx.actor.name });
    let order = 0;
    for (const [i, p] of input.phases.entries()) {
      const phaseId = await insertPhase(tx, { planId, name: p.name, startOn: p.startOn, endOn: p.endOn, sortOrder: (i + 1) * 10 });
      for (const t of p.tasks) {
        order += 10;
        await insertTask(tx, {
          planId,
          phaseId,
          title: t.title,
          description: t.description,
          deadline: t.deadline,
          leadOrgId: t.leadOrgId,
          cooperatingOrgIds: t.cooperatingOrgIds,
          sortOrder: order,
        });
      }
    }
    await writeAudit(tx, ctx, {
      action: 'plan.create',
      targetType: 'plan',
      targetId: planId,
      orgId: org.id,
      after: { title: input.title, year: input.year, phases: input.phases.map((p) => ({ name: p.name, tasks: p.tasks.length })) },
    });
    return planId;
  });
  return getPlan({ ctx, id });
}

/** The plan's office sees every task; a unit reached only through its tasks sees those (lead or cooperating). */
async function visibleTasks(ctx: Ctx, scope: Scope, plan: PlanRow, today: string): Promise<TaskRow[]> {
  if (pathInScope(scope, plan.orgPath)) return tasksOfPlan(ctx.db, plan.id);
  return (await listTasksInScope(ctx.db, scope, { planId: plan.id, today, page: 1, pageSize: 1000 })).rows.sort((a, b) => a.sortOrder - b.sortOrder);
}

export async function getPlan({ ctx, id }: { ctx: Ctx; id: string }): Promise<Plan> {
  const scope = requirePermission(ctx.actor, 'plan.read');
  const plan = await findPlanInScope(ctx.db, scope, id);
  if (!plan) throw notFound('工作方案');
  const today = chinaDate();
  const [phases, visible] = await Promise.all([phasesOf(ctx.db, id), visibleTasks(ctx, scope, plan, today)]);
  const names = await orgNameMap(
    ctx.db,
    visible.flatMap((t) => t.cooperatingOrgIds),
  );
  const tasks = visible.map((t) => presentTask(ctx, t, today, names));
  const canManage = rolesFor(ctx, { planOrgPath: plan.orgPath, leadPath: null }).office;
  return { ...presentPlanSummary(plan, tasks), phases: phases.map(presentPhase), tasks, canManage, version: plan.version };
}

export async function listPlans({ ctx, input }: { ctx: Ctx; input: { year?: number | undefined; page: number; pageSize: number } }): Promise<{ items: PlanSummary[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'plan.read');
  const { rows, total } = await listPlansInScope(ctx.db, scope, input);
  const today = chinaDate();
  const items = await Promise.all(
    rows.map(async (p) => {
      const tasks = await visibleTasks(ctx, scope, p, today);
      return presentPlanSummary(
        p,
        tasks.map((t) => presentTask(ctx, t, today, new Map())),
      );
    }),
  );
  return { items, total };
}

export async function addTask({ ctx, planId, input }: { ctx: Ctx; planId: string; input: CreateTaskInput }): Promise<TaskDetail> {
  const scope = requirePermission(ctx.actor, 'plan.manage');
  const id = await ctx.db.transaction(async (tx) => {
    const plan = await findPlanInScope(tx, scope, planId);
    if (!plan || !pathInScope(scope, plan.orgPath)) throw notFound('工作方案');
    if (input.phaseId && !(await phasesOf(tx, planId)).some((p) => p.id === input.phaseId)) throw validationError([{ path: 'phaseId', message: '阶段不属于该方案' }]);
    await checkUnits(tx, scope, [
      { path: 'leadOrgId', ids: input.leadOrgId ? [input.leadOrgId] : [] },
      { path: 'cooperatingOrgIds', ids: input.cooperatingOrgIds },
    ]);
    const taskId = await insertTask(tx, { planId, ...input, sortOrder: (await maxTaskOrder(tx, planId)) + 10 });
    await writeAudit(tx, ctx, { action: 'task.create', targetType: 'task', targetId: taskId, orgId: plan.orgId, after: input });
    return taskId;
  });
  return taskDetail(ctx, id);
}
