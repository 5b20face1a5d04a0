import type { SummaryFigure } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';
import { activityCountsByTypeName } from '../activities/index.ts';
import { readyBriefCounts } from '../briefs/index.ts';
import { closedIncidentCount } from '../incidents/index.ts';
import { publishedIssueCount } from '../journals/index.ts';
import { releaseTotals } from '../releases/index.ts';
import { rangeOf, unitActuals, unitSet, type Actuals } from '../statistics/index.ts';

/**
 * Figures the annual summary takes from other modules, each with the same definition as the page
 * that shows it: submissions and adoptions are the 统计 page's (units active in the subtree, China
 * dates, verified adoptions by outlet level), releases the 信息发布 record's, incidents the 舆情
 * ledger's 办结 count.
 */
export interface SummaryScope {
  ctx: Ctx;
  orgId: string;
  orgPath: string;
  year: number;
}

/** The year in China time, as instants: [1 Jan 00:00 +08:00, next 1 Jan). */
const chinaYear = (year: number) => ({ from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) });

/** The 统计 page's per-unit figures for the year, summed over the subtree's active units. */
async function yearActuals(s: SummaryScope): Promise<Actuals> {
  const perUnit = await unitActuals(s.ctx.db, unitSet({ all: true }, s.orgPath), rangeOf('year', String(s.year)));
  const sum: Actuals = { submitted: 0, approved: 0, adopted: { central: 0, province: 0, city: 0, county: 0, own: 0 }, endorsements: 0, centi: 0 };
  for (const a of perUnit.values()) {
    sum.submitted += a.submitted;
    for (const level of Object.keys(sum.adopted) as Array<keyof Actuals['adopted']>) sum.adopted[level] += a.adopted[level];
    sum.endorsements += a.endorsements;
  }
  return sum;
}

/** 稿件报送与发布 (manuscripts, releases modules). Releases count live posts of the subtree's manuscripts. */
export async function manuscriptFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  const [r, a] = await Promise.all([releaseTotals(s.ctx.db, { subtreePath: s.orgPath, ...chinaYear(s.year) }), yearActuals(s)]);
  const src = '信息发布记录';
  return [
    { key: 'manuscripts_submitted', label: '报送稿件', value: a.submitted, unit: '篇', source: '统计（报送）' },
    { key: 'releases', label: '自有平台发布信息', value: r.releases, unit: '条', source: src },
    { key: 'release_reach', label: '自有平台阅读量', value: r.reach, unit: '人次', source: src },
  ];
}

/** 上稿/用稿 by outlet level (adoptions module). */
export async function adoptionFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  const a = await yearActuals(s);
  const src = '统计（已核实用稿）';
  return [
    { key: 'adoptions_central', label: '中央级媒体采用', value: a.adopted.central, unit: '篇', source: src },
    { key: 'adoptions_province', label: '省级媒体采用', value: a.adopted.province, unit: '篇', source: src },
    { key: 'adoptions_city', label: '市级媒体采用', value: a.adopted.city, unit: '篇', source: src },
    { key: 'adoptions_county', label: '县级媒体采用', value: a.adopted.county, unit: '篇', source: src },
    { key: 'endorsements', label: '获领导批示', value: a.endorsements, unit: '件', source: '统计（领导批示）' },
  ];
}

/** 刊物 issues put out by journals the subtree's units own (journals module). */
export async function journalFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  return [{ key: 'journal_issues', label: '编印刊物', value: await publishedIssueCount(s.ctx.db, { subtreePath: s.orgPath, year: s.year }), unit: '期', source: '刊物出刊记录' }];
}

/** 舆情事件 handled (incidents module). */
export async function incidentFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  const n = await closedIncidentCount(s.ctx.db, { subtreePath: s.orgPath, ...chinaYear(s.year) });
  return [{ key: 'incidents_handled', label: '处置舆情事件', value: n, unit: '起', source: '舆情事件台账（办结）' }];
}

/** 舆情日报/周报 the subtree put out (briefs module). */
export async function briefFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  const n = await readyBriefCounts(s.ctx.db, { subtreePath: s.orgPath, ...chinaYear(s.year) });
  const src = '舆情简报';
  return [
    { key: 'briefs_daily', label: '编发舆情日报', value: n.daily, unit: '期', source: src },
    { key: 'briefs_weekly', label: '编发舆情周报', value: n.weekly, unit: '期', source: src },
  ];
}

/** The other work seed 001 reports, by activity type in the ledger (activities module). */
export const LEDGER_ITEMS = [
  { key: 'party_group_meetings', type: '党组会议', unit: '次' },
  { key: 'weekly_study', type: '每周一学', unit: '次' },
  { key: 'field_teaching', type: '现场教学', unit: '次' },
  { key: 'party_lectures', type: '专题党课', unit: '次' },
  { key: 'press_conferences', type: '新闻发布会', unit: '次' },
  { key: 'feature_films', type: '专题片', unit: '部' },
  { key: 'symposiums', type: '座谈会', unit: '次' },
  { key: 'forums', type: '研讨会/论坛', unit: '次' },
] as const;

export async function ledgerItemFigures(s: SummaryScope): Promise<SummaryFigure[]> {
  const counts = await activityCountsByTypeName(s.ctx.db, { subtreePath: s.orgPath, year: s.year });
  return LEDGER_ITEMS.map((i) => ({ key: i.key, label: i.type, value: counts.get(i.type) ?? 0, unit: i.unit, source: `活动台账（${i.type}）` }));
}
