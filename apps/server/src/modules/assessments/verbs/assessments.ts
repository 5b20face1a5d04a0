import { ASSESSMENT_BASIS_LABELS, ASSESSMENT_FORMULAS, ASSESSMENT_PART_LABELS, ASSESSMENT_PARTS, DEFAULT_ASSESSMENT_WEIGHTS, type AssessmentOutput, type AssessmentQuery, type AssessmentRow, type AssessmentWeights, type SaveAssessmentWeightsInput } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
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
        quota = { score: round1(rate * 100), detail: Object.values(progress).filter((m) => m.target > 0).map((m) => `${m.actual}/${m.target}`).join('，') };
      }
    }

    const lights = targetStatuses(effectiveTargets(u.kind, targetSet.filter((r) => r.orgId === u.id)), groups.filter((g) => g.orgId === u.id), period).filter((s) => s.enabled);
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
  const book = new ExcelJS.Workbook();
  book.creator = '宣联';
  const sheet = book.addWorksheet('年度考核');
  sheet.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '单位', key: 'org', width: 24 },
    ...ASSESSMENT_PARTS.map((p) => ({ header: `${ASSESSMENT_PART_LABELS[p]}（权重 ${a.weights[p]}）`, key: p, width: 18 })),
    { header: '总分', key: 'total', width: 8 },
    { header: '表扬', key: 'praised', width: 6 },
    { header: '通报批评', key: 'criticised', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of a.rows) {
    sheet.addRow({
      rank: r.rank,
      org: r.orgName,
      ...Object.fromEntries(ASSESSMENT_PARTS.map((p) => [p, r.parts[p].score ?? '不计'])),
      total: r.total,
      praised: r.praised ? '是' : '',
      criticised: r.criticisedWhy ?? '',
    });
  }
  const notes = book.addWorksheet('计分说明');
  notes.columns = [{ header: '项目', key: 'k', width: 16 }, { header: '计算方法', key: 'v', width: 90 }];
  for (const p of ASSESSMENT_PARTS) notes.addRow({ k: ASSESSMENT_PART_LABELS[p], v: ASSESSMENT_FORMULAS[p] });
  notes.addRow({ k: '总分', v: ASSESSMENT_FORMULAS.total });
  notes.addRow({ k: '考核对象', v: `${ASSESSMENT_BASIS_LABELS[a.basis]}，共 ${a.rows.length} 个` });
  notes.addRow({ k: '表扬', v: `前 ${a.weights.praiseTop} 名${a.weights.praiseThreshold > 0 ? `或总分不低于 ${a.weights.praiseThreshold} 分` : ''}（须有报送）：${a.praised.join('、') || '无'}` });
  notes.addRow({ k: '通报批评', v: `后 ${a.weights.criticiseBottom} 名及全年未报送的单位：${a.criticised.join('、') || '无'}` });
  return { body: Buffer.from(await book.xlsx.writeBuffer()), name: `${a.orgName}${a.year}年度考核` };
}
