import {
  ASSESSMENT_BASIS_LABELS,
  ASSESSMENT_FORMULAS,
  ASSESSMENT_PART_LABELS,
  ASSESSMENT_PARTS,
  DEFAULT_ASSESSMENT_WEIGHTS,
  type AssessmentOutput,
  type AssessmentQuery,
  type AssessmentRow,
  type AssessmentWeights,
  type SaveAssessmentWeightsInput,
} from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { addOfficeSheet, officeWorkbook, workbookBuffer } from '../../../core/xlsx/office-sheet.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { hasPermission, pathInScope, requirePermission, scopeFor, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { findOrgById } from '../../orgs/index.ts';
import { taskCounts } from '../../plans/index.ts';
import { accountableUnits, completionRate, elapsedShare, progressOf, quotaRows } from '../../quotas/index.ts';
import { ranks, unitActuals } from '../../statistics/index.ts';
import { effectiveTargets, ledgerGroups, periodOf, targetRows, targetStatuses } from '../../targets/index.ts';
import { findWeights, unitsUnder, upsertWeights, type WeightsRow } from '../assessments.repo.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;

const weightsOf = (r: WeightsRow): AssessmentWeights => ({
  points: r.points,
  quota: r.quota,
  targets: r.targets,
  tasks: r.tasks,
  praiseTop: r.praiseTop,
  praiseThreshold: r.praiseThreshold,
  criticiseBottom: r.criticiseBottom,
});

/** The office: the requested unit (404 outside the scope) or the actor's first grant with the permission. */
async function officeOf(ctx: Ctx, scope: Scope, orgId: string | undefined) {
  if (orgId) {
    const org = await requireOrgInScope(ctx.db, scope, orgId);
    return org;
  }
  const grant = ctx.actor.grants.find((g) => pathInScope(scope, g.orgPath));
  const org = grant ? await findOrgById(ctx.db, grant.orgId) : undefined;
  if (!org) throw notFound('单位');
  return org;
}

/** The units scored: the office's 考核对象 (quotas `accountableUnits`) among the active units under it. */
async function assessedUnits(ctx: Ctx, office: { id: string; path: string }, year: number) {
  const [under, accountable] = await Promise.all([unitsUnder(ctx.db, office), accountableUnits(ctx.db, office, year)]);
  const held = under.filter((u) => accountable.holds(u.id));
  return held.length > 0 ? { units: held, basis: accountable.basis } : { units: under, basis: 'subtree' as const };
}

/**
 * 年度考核: each unit under the office scored on four parts, each 0–100 (formulas in
 * ASSESSMENT_FORMULAS, returned with the scorecard), weighted into a total and ranked.
 * Every part reads its source module's own figure: score lines (statistics), 任务分解表 progress
 * (quotas), ledger lights (targets) and task counts (plans).
 */
export async function getAssessment({ ctx, query }: { ctx: Ctx; query: AssessmentQuery }): Promise<AssessmentOutput> {
  const scope = requirePermission(ctx.actor, 'assessment.read');
  const office = await officeOf(ctx, scope, query.orgId);
  const year = query.year;
  const today = chinaDate();
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const range = { from: `${year}-01-01`, to: asOf };
  const saved = await findWeights(ctx.db, office.id, year);
  const weights = saved ? weightsOf(saved) : DEFAULT_ASSESSMENT_WEIGHTS;
  const { units, basis } = await assessedUnits(ctx, office, year);
  const ids = units.map((u) => u.id);
  const period = periodOf(year, today);
  const [actuals, quotas, groups, targetSet, tasks] = await Promise.all([
    unitActuals(ctx.db, ids, range),
    quotaRows(ctx.db, year, ids),
    ledgerGroups(ctx.db, ids, year, period.asOf),
    targetRows(ctx.db, ids, year),
    Promise.all(units.map((u) => taskCounts(ctx.db, u.path, year, today))),
  ]);
  const elapsed = elapsedShare(year, today);
  const maxPoints = Math.max(0, ...ids.map((id) => (actuals.get(id)?.centi ?? 0) / 100));

  const scored = units.map((u, i) => {
    const a = actuals.get(u.id);
    const pts = (a?.centi ?? 0) / 100;
    const points = { score: maxPoints > 0 ? round1((Math.max(0, pts) / maxPoints) * 100) : 0, detail: `年度积分 ${pts} 分，最高 ${maxPoints} 分` };

    const q = quotas.find((r) => r.orgId === u.id && r.userId === null);
    let quota: { score: number | null; detail: string } = { score: null, detail: '未下达任务指标' };
    if (q && a) {
      const progress = progressOf(q, a, elapsed).progress;
      const rate = completionRate(progress);
      if (rate !== null) {
        quota = {
          score: round1(rate * 100),
          detail: Object.values(progress)
            .filter((m) => m.target > 0)
            .map((m) => `${m.actual}/${m.target}`)
            .join('，'),
        };
      }
    }

    const lights = targetStatuses(
      effectiveTargets(
        u.kind,
        targetSet.filter((r) => r.orgId === u.id),
      ),
      groups.filter((g) => g.orgId === u.id),
      period,
    ).filter((s) => s.enabled);
    const green = lights.filter((s) => s.light === 'green').length;
    const targets = lights.length > 0 ? { score: round1((green / lights.length) * 100), detail: `达标 ${green} 项 / 共 ${lights.length} 项` } : { score: null, detail: '无启用的台账指标' };

    const t = tasks[i] ?? { total: 0, done: 0, late: 0, overdue: 0 };
    const due = t.done + t.overdue;
    const onTime = t.done - t.late;
    const taskPart = due > 0 ? { score: round1(((onTime + 0.5 * t.late) / due) * 100), detail: `按时 ${onTime}，逾期完成 ${t.late}，逾期未完成 ${t.overdue}` } : { score: null, detail: '无到期任务' };

    const parts = { points, quota, targets, tasks: taskPart };
    let wSum = 0;
    let sum = 0;
    for (const p of ASSESSMENT_PARTS) {
      const s = parts[p].score;
      if (s === null) continue;
      wSum += weights[p];
      sum += weights[p] * s;
    }
    return { orgId: u.id, orgName: u.name, parts, total: wSum > 0 ? round1(sum / wSum) : 0, submitted: a?.submitted ?? 0 };
  });

  const rank = ranks(scored.map((s) => s.total));
  const n = scored.length;
  const rows: AssessmentRow[] = scored.map((s, i) => {
    const r = rank[i] as number;
    const praised = s.submitted > 0 && ((weights.praiseTop > 0 && r <= weights.praiseTop) || (weights.praiseThreshold > 0 && s.total >= weights.praiseThreshold));
    const nothing = s.submitted === 0;
    const bottom = weights.criticiseBottom > 0 && n > weights.criticiseBottom && r > n - weights.criticiseBottom;
    const criticised = nothing || (bottom && !praised);
    return { ...s, rank: r, praised, criticised, criticisedWhy: nothing ? '全年未报送信息' : criticised ? `排名后 ${weights.criticiseBottom} 位` : null };
  });
  rows.sort((x, y) => x.rank - y.rank || x.orgName.localeCompare(y.orgName, 'zh-CN'));
  const manage = scopeFor(ctx.actor, 'assessment.manage');
  return {
    year,
    orgId: office.id,
    orgName: office.name,
    asOf,
    weights,
    weightsSaved: Boolean(saved),
    basis,
    formulas: { ...ASSESSMENT_FORMULAS },
    rows,
    praised: rows.filter((r) => r.praised).map((r) => r.orgName),
    criticised: rows.filter((r) => r.criticised).map((r) => r.orgName),
    canManage: hasPermission(ctx.actor, 'assessment.manage') && pathInScope(manage, office.path),
  };
}

/** The editor saves the office's weights for the year (audited in the same transaction). */
export async function saveAssessmentWeights({ ctx, input }: { ctx: Ctx; input: SaveAssessmentWeightsInput }): Promise<AssessmentOutput> {
  const scope = requirePermission(ctx.actor, 'assessment.manage');
  const w = input.weights;
  if (w.points + w.quota + w.targets + w.tasks === 0) throw invalidState('各分项权重不能全为 0');
  await ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    const before = await findWeights(tx, org.id, input.year);
    await upsertWeights(tx, { ...w, orgId: org.id, year: input.year, updatedBy: ctx.actor.userId });
    await writeAudit(tx, ctx, {
      action: 'assessment_weights.save',
      targetType: 'assessment_weights',
      targetId: `${org.id}:${input.year}`,
      orgId: org.id,
      before: before ? weightsOf(before) : null,
      after: { year: input.year, ...w },
    });
  });
  return getAssessment({ ctx, query: { year: input.year, orgId: input.orgId } });
}

export async function exportAssessmentXlsx({ ctx, query }: { ctx: Ctx; query: AssessmentQuery }): Promise<{ body: Buffer; name: string }> {
  const a = await getAssessment({ ctx, query });
  const book = officeWorkbook();
  const heading = { issuer: a.orgName, date: new Date() };
  addOfficeSheet(book, {
    ...heading,
    name: '年度考核',
    title: `${a.year}年度宣传工作考核结果`,
    rows: a.rows,
    columns: [
      { header: '排名', width: 6, value: (r) => r.rank },
      { header: '单位', width: 24, value: (r) => r.orgName },
      ...ASSESSMENT_PARTS.map((p) => ({ header: `${ASSESSMENT_PART_LABELS[p]}（权重 ${a.weights[p]}）`, width: 18, value: (r: (typeof a.rows)[number]) => r.parts[p].score ?? '不计' })),
      { header: '总分', width: 8, value: (r) => r.total },
      { header: '表扬', width: 6, value: (r) => (r.praised ? '是' : '') },
      { header: '通报批评', width: 16, value: (r) => r.criticisedWhy ?? '' },
    ],
  });
  const notes: Array<[string, string]> = [
    ...ASSESSMENT_PARTS.map((p): [string, string] => [ASSESSMENT_PART_LABELS[p], ASSESSMENT_FORMULAS[p]]),
    ['总分', ASSESSMENT_FORMULAS.total],
    ['考核对象', `${ASSESSMENT_BASIS_LABELS[a.basis]}，共 ${a.rows.length} 个`],
    ['表扬', `前 ${a.weights.praiseTop} 名${a.weights.praiseThreshold > 0 ? `或总分不低于 ${a.weights.praiseThreshold} 分` : ''}（须有报送）：${a.praised.join('、') || '无'}`],
    ['通报批评', `后 ${a.weights.criticiseBottom} 名及全年未报送的单位：${a.criticised.join('、') || '无'}`],
  ];
  addOfficeSheet(book, {
    ...heading,
    name: '计分说明',
    title: `${a.year}年度宣传工作考核计分说明`,
    rows: notes,
    columns: [
      { header: '项目', width: 16, value: (n) => n[0] },
      { header: '计算方法', width: 90, value: (n) => n[1] },
    ],
  });
  return { body: await workbookBuffer(book), name: `${a.orgName}${a.year}年度考核` };
}
