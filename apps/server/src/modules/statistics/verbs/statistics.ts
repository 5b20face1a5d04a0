import { OUTLET_LEVEL_LABELS, OUTLET_LEVELS, type StatisticsOutput, type StatisticsQuery, type StatisticsRow, type TrendOutput } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../../core/context.ts';
import type { IdSet } from '../../../core/sql.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { rangeOf, ranks } from '../periods.ts';
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
  const [actuals, released] = await Promise.all([
    query.by === 'org' ? unitActuals(ctx.db, set, range) : personActuals(ctx.db, ids, range),
    releasedCounter(ctx, query.by, set, range),
  ]);
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
export async function statisticsWorkbook(rows: readonly StatisticsRow[], opts: { sheetName: string; byPerson: boolean }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '宣联';
  const sheet = book.addWorksheet(opts.sheetName);
  sheet.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '单位', key: 'org', width: 24 },
    ...(opts.byPerson ? [{ header: '姓名', key: 'user', width: 10 }] : []),
    { header: '报送', key: 'submitted', width: 8 },
    { header: '通过', key: 'approved', width: 8 },
    { header: '发布', key: 'released', width: 8 },
    ...OUTLET_LEVELS.map((l) => ({ header: `${OUTLET_LEVEL_LABELS[l]}用稿`, key: l, width: 10 })),
    { header: '用稿合计', key: 'adoptedTotal', width: 10 },
    { header: '领导批示', key: 'endorsements', width: 10 },
    { header: '积分', key: 'points', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({ rank: r.rank, org: r.orgName, user: r.userName ?? '', submitted: r.submitted, approved: r.approved, released: r.released, ...r.adopted, adoptedTotal: r.adoptedTotal, endorsements: r.endorsements, points: r.points });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportStatisticsXlsx({ ctx, query }: { ctx: Ctx; query: StatisticsQuery }): Promise<{ body: Buffer; name: string }> {
  const stats = await getStatistics({ ctx, query });
  const grainLabel = { month: '月度', quarter: '季度', year: '年度' }[query.grain];
  return { body: await statisticsWorkbook(stats.rows, { sheetName: '统计', byPerson: query.by === 'user' }), name: `${query.period}${grainLabel}${query.by === 'org' ? '单位' : '个人'}统计` };
}

export async function getTrend({ ctx, year, orgId }: { ctx: Ctx; year: number; orgId?: string | undefined }): Promise<TrendOutput> {
  const { scope, path } = await subtreeOf(ctx, orgId);
  const { subs, ads, pts } = await monthlyTrend(ctx.db, scope, path, year);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const at = (rows: Array<{ p: string; n: number }>, m: string) => Number(rows.find((r) => r.p === m)?.n ?? 0);
  return { months, submitted: months.map((m) => at(subs, m)), adopted: months.map((m) => at(ads, m)), points: months.map((m) => at(pts, m) / 100) };
}
