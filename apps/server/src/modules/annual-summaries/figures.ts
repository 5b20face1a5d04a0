import { COVERAGE_VENUES, VENUE_TYPE_LABELS, type AnnualSummaryOutput, type SummaryFigure } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';
import { chinaDate } from '../../core/china-time/index.ts';
import { requirePermission, requireOrgInScope } from '../../core/scope.ts';
import { listOrgsInScope } from '../orgs/index.ts';
import { taskCounts } from '../plans/index.ts';
import { ledgerGroups, periodOf, type LedgerGroup } from '../targets/index.ts';
import { adoptionFigures, briefFigures, incidentFigures, journalFigures, ledgerItemFigures, manuscriptFigures, type SummaryScope } from './sources.ts';

const fig = (key: string, label: string, value: number, unit: string, source: string): SummaryFigure => ({ key, label, value, unit, source });

/**
 * The ledger's figures. 中心组学习, its 参学率 and 专题研讨 are the unit's own (a 中心组 is one unit's
 * group: the targets page counts them so); the rest cover the unit and the units under it.
 * 参训 is 人次 of roster members who took part plus others who attended, as the targets page says.
 */
function ledgerFigures(groups: LedgerGroup[], own: LedgerGroup[]): SummaryFigure[] {
  const of = (c: string) => groups.filter((g) => g.category === c);
  const ownOf = (c: string) => own.filter((g) => g.category === c);
  const n = (gs: LedgerGroup[], f: (g: LedgerGroup) => number = (g) => g.activities) => gs.reduce((a, g) => a + f(g), 0);
  const study = ownOf('study');
  const roster = n(study, (g) => g.roster);
  const lectures = of('lecture');
  const venues = COVERAGE_VENUES.filter((v) => lectures.some((g) => g.venueType === v));
  const src = '活动台账（含下属单位）';
  const ownSrc = '活动台账（本单位）';
  return [
    fig('study_sessions', '理论学习中心组学习', n(study), '次', ownSrc),
    fig('study_rate', '中心组参学率', roster ? Math.round((n(study, (g) => g.tookPart) / roster) * 1000) / 10 : 0, '%', ownSrc),
    fig('seminars', '专题研讨', n(ownOf('seminar')), '次', ownSrc),
    fig('lectures', '理论宣讲', n(lectures), '场', src),
    fig(
      'lecture_reach',
      '宣讲受众',
      n(lectures, (g) => g.present + g.outside),
      '人次',
      src,
    ),
    { ...fig('lecture_venues', `宣讲覆盖场所（${venues.map((v) => VENUE_TYPE_LABELS[v]).join('、') || '无'}）`, venues.length, '类', src) },
    fig('trainings', '专题培训', n(of('training')), '次', src),
    fig(
      'training_attendees',
      '参训',
      n(of('training'), (g) => g.tookPart + g.outside),
      '人次',
      src,
    ),
    fig('meetings', '工作例会', n(of('meeting')), '次', src),
    fig('volunteer', '志愿服务/文明实践活动', n(of('volunteer')), '次', src),
    fig('culture', '文化活动', n(of('culture')), '次', src),
    fig('boards', '宣传栏/黑板报更新', n(of('board')), '次', src),
  ];
}

type SummaryOrg = { id: string; name: string; path: string; createdAt: Date };

/** Every figure of one year for a unit and the units under it. */
async function figuresOf(ctx: Ctx, org: SummaryOrg, year: number): Promise<SummaryFigure[]> {
  const today = chinaDate();
  const period = periodOf(year, today);
  const subtree = await listOrgsInScope(ctx.db, { all: false, paths: [org.path] });
  const [groups, own, tasks] = await Promise.all([
    ledgerGroups(
      ctx.db,
      subtree.map((o) => o.id),
      year,
      period.asOf,
    ),
    ledgerGroups(ctx.db, [org.id], year, period.asOf),
    taskCounts(ctx.db, org.path, year, today),
  ]);
  const s: SummaryScope = { ctx, orgId: org.id, orgPath: org.path, year };
  const src = '工作方案督办';
  return [
    ...ledgerFigures(groups, own),
    ...(await ledgerItemFigures(s)),
    fig('tasks_total', '承担工作方案任务', tasks.total, '项', src),
    fig('tasks_done', '已办结任务', tasks.done, '项', src),
    fig('tasks_on_time', '按期办结', tasks.done - tasks.late, '项', src),
    fig('tasks_late', '逾期办结', tasks.late, '项', src),
    fig('tasks_overdue', '逾期未办结', tasks.overdue, '项', src),
    ...(await manuscriptFigures(s)),
    ...(await adoptionFigures(s)),
    ...(await journalFigures(s)),
    ...(await incidentFigures(s)),
    ...(await briefFigures(s)),
  ];
}

/**
 * Every count of the annual summary for a unit (and the units under it) in a year, each with the
 * same figure for the year before when the unit was already in the system for all of that year
 * (a year-on-year change against a year with no records would be meaningless).
 */
export async function summaryFigures({ ctx, orgId, year }: { ctx: Ctx; orgId: string; year: number }): Promise<AnnualSummaryOutput> {
  const scope = requirePermission(ctx.actor, 'activity.read');
  const org = await requireOrgInScope(ctx.db, scope, orgId);
  const hadLastYear = org.createdAt.getTime() <= new Date(`${year - 1}-01-01T00:00:00+08:00`).getTime();
  const [now, before] = await Promise.all([figuresOf(ctx, org, year), hadLastYear ? figuresOf(ctx, org, year - 1) : Promise.resolve([])]);
  const last = new Map(before.map((f) => [f.key, f.value]));
  const figures = now.map((f) => ({ ...f, previous: hadLastYear ? (last.get(f.key) ?? null) : null }));
  return { orgId: org.id, orgName: org.name, year, figures };
}
