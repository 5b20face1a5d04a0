import { OUTLET_LEVEL_LABELS, OUTLET_LEVELS, type DashboardOutput, type DashboardQuery } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { actingGrant, hasPermission, requirePermission, requireOrgInScope, scopeFor, type Scope } from '../../../core/scope.ts';
import { computeFigures } from '../../briefs/index.ts';
import { taskCounts } from '../../plans/index.ts';
import { getTargets } from '../../targets/index.ts';
import { readNotificationSettings } from '../../notifications/index.ts';
import { accountableUnits, completionRate, getQuotaGrid } from '../../quotas/index.ts';
import { getStatistics, getTrend } from '../../statistics/index.ts';
import { categoryMix } from '../dashboard.repo.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 领导看板: one read over the statistics (counts, levels, ranking, trend), the quota grid, the
 * category mix, the 统计截止日 setting and the units not yet reported this month.
 *
 * 本月尚未报送 has one definition, the 通报's 通报批评 one: the office's 考核对象 (quotas
 * `accountableUnits`) whose 报送 in this month's statistics is 0 — whether or not they have a
 * 信息员 account yet. The office is the unit chosen, or the highest unit where the reader holds
 * the dashboard.
 */
export async function getDashboard({ ctx, query }: { ctx: Ctx; query: DashboardQuery }): Promise<DashboardOutput> {
  const scope = requirePermission(ctx.actor, 'dashboard.read');
  const chosen = await requireOrgInScope(ctx.db, scope, query.orgId);
  const top = actingGrant(ctx.actor, 'dashboard.read');
  const office = chosen ?? (top ? { id: top.orgId, path: top.orgPath } : null);
  const year = Number(query.period.slice(0, 4));
  const orgId = query.orgId;
  const [stats, trend, quotas, settings] = await Promise.all([
    getStatistics({ ctx, query: { grain: query.grain, period: query.period, by: 'org', ...(orgId ? { orgId } : {}) } }),
    getTrend({ ctx, year, orgId }),
    getQuotaGrid({ ctx, year, orgId }),
    readNotificationSettings(ctx.db),
  ]);
  const unitIds = stats.rows.map((r) => r.orgId);
  const today = chinaDate();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const thisMonth = `${y}-${pad(m)}`;
  const [mix, month, accountable] = await Promise.all([
    categoryMix(ctx.db, unitIds, stats),
    getStatistics({ ctx, query: { grain: 'month', period: thisMonth, by: 'org', ...(office ? { orgId: office.id } : {}) } }),
    office ? accountableUnits(ctx.db, office, y) : null,
  ]);
  const silent = month.rows.filter((r) => r.submitted === 0 && (accountable ? accountable.holds(r.orgId) : true));
  const [opinion, ledger, supervision] = await Promise.all([opinionPanel(ctx, office, stats), ledgerPanel(ctx, office, year), supervisionPanel(ctx, office, year, today)]);
  const sum = (f: (r: (typeof stats.rows)[number]) => number) => stats.rows.reduce((t, r) => t + f(r), 0);
  const quotaCompletion = quotas.rows
    .filter((r) => r.userId === null && r.progress)
    .map((r) => ({ orgId: r.orgId, orgName: r.orgName, percent: Math.round((completionRate(r.progress) ?? 0) * 1000) / 10 }))
    .sort((a, b) => b.percent - a.percent);
  return {
    grain: stats.grain,
    period: stats.period,
    from: stats.from,
    to: stats.to,
    trend,
    totals: {
      submitted: sum((r) => r.submitted),
      approved: sum((r) => r.approved),
      released: sum((r) => r.released),
      adopted: sum((r) => r.adoptedTotal),
      points: Math.round(sum((r) => r.points) * 100) / 100,
    },
    adoptionsByLevel: OUTLET_LEVELS.map((level) => ({ level, label: OUTLET_LEVEL_LABELS[level], count: sum((r) => r.adopted[level]) })),
    ranking: stats.rows.slice(0, 10).map((r) => ({ orgId: r.orgId, orgName: r.orgName, points: r.points, rank: r.rank })),
    categoryMix: mix,
    quotaCompletion,
    statisticsDeadline: `${y}-${pad(m)}-${pad(settings.statisticsDeadlineDay)}`,
    statisticsDeadlineDay: settings.statisticsDeadlineDay,
    unitsWithoutSubmission: silent.map((r) => ({ id: r.orgId, name: r.orgName })),
    opinion,
    ledger,
    supervision,
  };
}

type Office = { id: string; path: string } | null;

/** The office's subtree inside the reader's reach for a permission; the reach itself without an office. */
function within(scope: Scope, office: Office): Scope {
  if (!office) return scope;
  return { all: false, paths: [office.path] };
}

/** 舆情 of the period, with the brief's definitions (computeFigures), so the 舆情日报 and the board agree. */
async function opinionPanel(ctx: Ctx, office: Office, stats: { from: string; to: string }): Promise<DashboardOutput['opinion']> {
  if (!hasPermission(ctx.actor, 'opinion.read')) return null;
  const from = new Date(`${stats.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${stats.to}T00:00:00+08:00`).getTime() + 86_400_000);
  const f = await computeFigures(ctx.db, within(scopeFor(ctx.actor, 'opinion.read'), office), from, to);
  return { total: f.total, ...f.sentiment, alerts: f.alerts, openIncidents: f.openIncidents.length, overdueIncidents: f.openIncidents.filter((i) => i.overdue).length };
}

/** The office's own 台账 targets by light, as 指标完成 shows them. */
async function ledgerPanel(ctx: Ctx, office: Office, year: number): Promise<DashboardOutput['ledger']> {
  if (!office || !hasPermission(ctx.actor, 'activity.read')) return null;
  const t = await getTargets({ ctx, orgId: office.id, year });
  const lit = t.items.filter((i) => i.light !== 'none');
  const n = (light: string) => lit.filter((i) => i.light === light).length;
  return { green: n('green'), yellow: n('yellow'), red: n('red'), total: lit.length };
}

/** 督办: the year's tasks of the office's subtree, as the annual summary counts them. */
async function supervisionPanel(ctx: Ctx, office: Office, year: number, today: string): Promise<DashboardOutput['supervision']> {
  if (!office || !hasPermission(ctx.actor, 'plan.read')) return null;
  return taskCounts(ctx.db, office.path, year, today);
}
