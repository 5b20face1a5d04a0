import { OUTLET_LEVEL_LABELS, OUTLET_LEVELS, type StatisticsOutput, type StatisticsQuery, type StatisticsRow, type TrendOutput } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import type { IdSet } from '../../../core/sql.ts';
import { actingOrgName, requirePermission, requireOrgInScope, scopeFor } from '../../../core/scope.ts';
import { addOfficeSheet, officeWorkbook, workbookBuffer, type OfficeColumn } from '../../../core/xlsx/office-sheet.ts';
import { periodLabel, rangeOf, ranks } from '../periods.ts';
import { monthlyTrend, peopleInScope, personActuals, unitActuals, unitSet, unitsInScope } from '../statistics.repo.ts';

/**
 * Released counts belong to the releases module, which statistics cannot import (releases reads
 * statistics): `src/wiring.ts` registers its counter; unwired, the column is 0.
 */
export type ReleasedCounter = (ctx: Ctx, by: 'org' | 'user', ids: IdSet, range: { from: string; to: string }) => Promise<Map<string, number>>;
let releasedCounter: ReleasedCounter = async () => new Map();
export function registerReleasedCounter(counter: ReleasedCounter): void {
  releasedCounter = counter;
}

async function subtreeOf(ctx: Ctx, orgId: string | undefined) {
  const scope = requirePermission(ctx.actor, 'scoring.read');
  if (!orgId) return { scope, path: null };
  const org = await requireOrgInScope(ctx.db, scope, orgId);
  return { scope, path: org.path };
}

/** Per unit or per person for a month, quarter or year: counts, points and rank by points. */
export async function getStatistics({ ctx, query }: { ctx: Ctx; query: StatisticsQuery }): Promise<StatisticsOutput> {
  const range = rangeOf(query.grain, query.period);
  const { scope, path } = await subtreeOf(ctx, query.orgId);
  const subjects = query.by === 'org' ? await unitsInScope(ctx.db, scope, path) : await peopleInScope(ctx.db, scope, path);
  const ids = subjects.map((s) => (query.by === 'org' ? s.orgId : (s.userId as string)));
  // Units are counted over the subtree's subquery (a join for the database), people by their ids.
  const set: IdSet = query.by === 'org' ? unitSet(scope, path) : ids;
  const [actuals, released] = await Promise.all([query.by === 'org' ? unitActuals(ctx.db, set, range) : personActuals(ctx.db, ids, range), releasedCounter(ctx, query.by, set, range)]);
  const points = ids.map((id) => (actuals.get(id)?.centi ?? 0) / 100);
  const rank = ranks(points);
  const rows: StatisticsRow[] = subjects.map((s, i) => {
    const a = actuals.get(ids[i] as string);
    const adopted = a?.adopted ?? { central: 0, province: 0, city: 0, county: 0, own: 0 };
    return {
      ...s,
      submitted: a?.submitted ?? 0,
      approved: a?.approved ?? 0,
      released: released.get(ids[i] as string) ?? 0,
      adopted,
      adoptedTotal: OUTLET_LEVELS.reduce((t, l) => t + adopted[l], 0),
      endorsements: a?.endorsements ?? 0,
      points: points[i] ?? 0,
      rank: rank[i] ?? 0,
    };
  });
  rows.sort((x, y) => x.rank - y.rank || x.orgName.localeCompare(y.orgName, 'zh-CN'));
  return { grain: query.grain, period: query.period, ...range, by: query.by, rows };
}

/**
 * The statistics table as an .xlsx workbook: one sheet, columns as the 统计 page shows them. The
 * 统计 export and the bulletin's 附件排名表 both write it, so the two never differ.
 */
export async function statisticsWorkbook(rows: readonly StatisticsRow[], opts: { sheetName: string; title: string; issuer: string; byPerson: boolean }): Promise<Buffer> {
  const book = officeWorkbook();
  const columns: Array<OfficeColumn<StatisticsRow>> = [
    { header: '排名', width: 6, value: (r) => r.rank },
    { header: '单位', width: 24, value: (r) => r.orgName },
    ...(opts.byPerson ? [{ header: '姓名', width: 10, value: (r: StatisticsRow) => r.userName ?? '' }] : []),
    { header: '报送', width: 8, value: (r) => r.submitted },
    { header: '通过', width: 8, value: (r) => r.approved },
    { header: '发布', width: 8, value: (r) => r.released },
    ...OUTLET_LEVELS.map((l) => ({ header: `${OUTLET_LEVEL_LABELS[l]}用稿`, width: 10, value: (r: StatisticsRow) => r.adopted[l] })),
    { header: '用稿合计', width: 10, value: (r) => r.adoptedTotal },
    { header: '领导批示', width: 10, value: (r) => r.endorsements },
    { header: '积分', width: 10, value: (r) => r.points },
  ];
  addOfficeSheet(book, { name: opts.sheetName, title: opts.title, issuer: opts.issuer, columns, rows });
  return workbookBuffer(book);
}

export async function exportStatisticsXlsx({ ctx, query }: { ctx: Ctx; query: StatisticsQuery }): Promise<{ body: Buffer; name: string }> {
  const stats = await getStatistics({ ctx, query });
  const scope = scopeFor(ctx.actor, 'scoring.read');
  const issuer = (await requireOrgInScope(ctx.db, scope, query.orgId))?.name ?? actingOrgName(ctx.actor, 'scoring.read');
  const name = `${periodLabel(query.grain, query.period)}${query.by === 'org' ? '各单位' : '信息员个人'}宣传信息报送采用统计表`;
  return { body: await statisticsWorkbook(stats.rows, { sheetName: '统计', title: name, issuer, byPerson: query.by === 'user' }), name };
}

export async function getTrend({ ctx, year, orgId }: { ctx: Ctx; year: number; orgId?: string | undefined }): Promise<TrendOutput> {
  const { scope, path } = await subtreeOf(ctx, orgId);
  const { subs, ads, pts } = await monthlyTrend(ctx.db, scope, path, year);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const at = (rows: Array<{ p: string; n: number }>, m: string) => Number(rows.find((r) => r.p === m)?.n ?? 0);
  return { months, submitted: months.map((m) => at(subs, m)), adopted: months.map((m) => at(ads, m)), points: months.map((m) => at(pts, m) / 100) };
}
