import { OUTLET_LEVEL_LABELS, OUTLET_LEVELS, type DashboardOutput, type DashboardQuery } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { readNotificationSettings, unitsWithoutSubmissions } from '../../notifications/index.ts';
import { completionRate, getQuotaGrid } from '../../quotas/index.ts';
import { getStatistics, getTrend } from '../../statistics/index.ts';
import { categoryMix } from '../dashboard.repo.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 领导看板: one read over the statistics (counts, levels, ranking, trend), the quota grid, the
 * category mix, the 统计截止日 setting and the units the monthly reminder would chase.
 */
export async function getDashboard({ ctx, query }: { ctx: Ctx; query: DashboardQuery }): Promise<DashboardOutput> {
  const scope = requirePermission(ctx.actor, 'dashboard.read');
  await requireOrgInScope(ctx.db, scope, query.orgId);
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
  const from = new Date(`${y}-${pad(m)}-01T00:00:00+08:00`);
  const to = new Date(`${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}-01T00:00:00+08:00`);
  const inTree = new Set(unitIds);
  const [mix, silent] = await Promise.all([categoryMix(ctx.db, unitIds, stats), unitsWithoutSubmissions(ctx.db, from, to)]);
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
    unitsWithoutSubmission: silent.filter((u) => inTree.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
  };
}
