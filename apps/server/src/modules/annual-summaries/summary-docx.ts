import type { SummaryFigure } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';
import { chinaDate, chineseDate } from '../../core/china-time/index.ts';
import { h1, h2, para, renderDocx, right, title, type Block } from '../../core/docx.ts';
import { getTargets } from '../targets/index.ts';
import { summaryFigures } from './figures.ts';

const EDIT = '〔待编辑〕';

type Part = string | { figure: string } | { mark: string };

/** 同比: against the year before, when the unit had a full year in the system then. */
export function yearOnYear(f: Pick<SummaryFigure, 'value' | 'previous'>): string {
  if (f.value === null || f.previous === null || f.previous === undefined) return '';
  if (f.previous === 0) return '';
  const change = Math.round(((f.value - f.previous) / f.previous) * 1000) / 10;
  if (change === 0) return '，与上年持平';
  return change > 0 ? `，同比增长${change}%` : `，同比下降${Math.abs(change)}%`;
}

/**
 * The yearly report (工作汇报/总结) in the structure of seed 001 — 一、工作做法及成效 /
 * 二、存在的问题 / 三、下一步打算 — with every count taken from the system (bold), one clause per
 * figure in the register an office writes in, a figure with nothing recorded said in words
 * (“全年未登记现场教学”) rather than printed as 0, 同比 where last year is in the system, and the prose
 * left to the editor (〔待编辑〕). A null would be a source that lost its data: 〔待接入〕, so that it
 * cannot pass unnoticed.
 */
export async function buildAnnualSummary({ ctx, orgId, year }: { ctx: Ctx; orgId: string; year: number }): Promise<{ body: Buffer; name: string }> {
  const { orgName, figures } = await summaryFigures({ ctx, orgId, year });
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const get = (key: string): SummaryFigure => {
    const f = byKey.get(key);
    if (!f) throw new Error(`annual summary: no figure ${key}`);
    return f;
  };
  const num = (key: string): Part => {
    const f = get(key);
    return f.value === null ? { mark: '〔待接入〕' } : { figure: String(f.value) };
  };
  /** A clause for a count: `said` with the number (and its 同比) when there is one, `none` when zero. */
  const count = (key: string, said: (n: Part) => Part[], none: string): Part[] => {
    const f = get(key);
    if (f.value === 0) return [none];
    return [...said(num(key)), yearOnYear(f)];
  };
  /** Clauses of one topic joined as an office writes them: ， between, 。 at the end. */
  const sentence = (...clauses: Part[][]): Part[] => [...clauses.flatMap((c, i) => (i === 0 ? c : ['，', ...c])), '。'];
  const label = (key: string) => byKey.get(key)?.label ?? '';
  const mark = { mark: EDIT };
  const adoptedLevels = ['central', 'province', 'city', 'county'] as const;
  const levelName = { central: '中央级', province: '省级', city: '市级', county: '县级' } as const;
  const adopted = adoptedLevels.filter((l) => (get(`adoptions_${l}`).value ?? 0) > 0);

  const blocks: Block[] = [
    title(`${orgName}${year}年度宣传思想文化工作总结`),
    para(`${year}年，${orgName}坚持以习近平新时代中国特色社会主义思想为指导，`, mark, `现将${year}年宣传思想文化工作总结如下：`),
    h1('一、工作做法及成效'),
    h2('（一）强化理论武装，筑牢思想根基'),
    para(
      '全面落实“第一议题”和理论学习中心组学习制度。',
      ...sentence(
        count('study_sessions', (n) => ['全年召开理论学习中心组学习会', n, '次'], '全年未登记理论学习中心组学习'),
        count('party_group_meetings', (n) => ['召开党组会议', n, '次'], '未登记党组会议'),
        count('seminars', (n) => ['开展专题研讨', n, '次'], '未开展专题研讨'),
        get('study_rate').value ? ['中心组参学率', num('study_rate'), '%'] : ['中心组学习尚未登记考勤，参学率暂无法统计'],
      ),
      ...sentence(
        count('weekly_study', (n) => ['开展“每周一学”集体学习', n, '次'], '“每周一学”集体学习尚未登记'),
        count('field_teaching', (n) => ['组织现场教学', n, '次'], '未登记现场教学'),
        count('party_lectures', (n) => ['讲授专题党课', n, '次'], '未登记专题党课'),
      ),
      mark,
    ),
    h2('（二）深化理论宣讲，推动精神落地'),
    para(
      ...(get('lectures').value === 0
        ? ['全年未登记理论宣讲活动。']
        : sentence(
            count('lectures', (n) => ['组织开展理论宣讲', n, '场'], ''),
            count('lecture_reach', (n) => ['受众', n, '人次'], '受众人数未登记'),
            count('lecture_venues', (n) => ['覆盖', label('lecture_venues').replace(/^宣讲覆盖场所（(.*)）$/u, '$1'), '等', n, '类场所'], '尚未覆盖机关、企业、社区、校园、农村等场所'),
          )),
      mark,
    ),
    h2('（三）加强舆论引导，讲好本地故事'),
    para(
      ...sentence(
        count('manuscripts_submitted', (n) => ['全年报送稿件', n, '篇'], '全年未报送稿件'),
        adopted.length === 0 ? ['暂无稿件被各级媒体采用'] : ['被', ...adopted.flatMap((l, i) => [...(i > 0 ? ['、'] : []), `${levelName[l]}媒体采用`, num(`adoptions_${l}`), '篇'])],
        count('endorsements', (n) => ['获领导批示', n, '件'], '暂无领导批示'),
      ),
      ...sentence(
        count('journal_issues', (n) => ['编印刊物', n, '期'], '未编印刊物'),
        count('releases', (n) => ['自有平台发布信息', n, '条'], '自有平台未发布信息'),
        ...((get('releases').value ?? 0) > 0 ? [count('release_reach', (n) => ['阅读量', n, '人次'], '阅读量未统计')] : []),
      ),
      ...sentence(
        count('press_conferences', (n) => ['组织新闻发布会', n, '次'], '未登记新闻发布会'),
        count('feature_films', (n) => ['制作专题片', n, '部'], '未登记专题片'),
        count('symposiums', (n) => ['举办座谈会', n, '次'], '未登记座谈会'),
        count('forums', (n) => ['参加研讨会、论坛等交流活动', n, '次'], '未登记研讨会、论坛等交流活动'),
      ),
      ...sentence(
        count('incidents_handled', (n) => ['妥善处置舆情事件', n, '起'], '暂无办结的舆情事件'),
        count('briefs_daily', (n) => ['编发舆情日报', n, '期'], '未编发舆情日报'),
        count('briefs_weekly', (n) => ['舆情周报', n, '期'], '未编发舆情周报'),
      ),
      mark,
    ),
    h2('（四）加强队伍建设，提升业务能力'),
    para(
      ...sentence(
        count('trainings', (n) => ['举办专题培训', n, '次'], '全年未登记专题培训'),
        ...((get('trainings').value ?? 0) > 0 ? [count('training_attendees', (n) => ['参训', n, '人次'], '参训人数未登记')] : []),
        count('meetings', (n) => ['召开工作例会', n, '次'], '未登记工作例会'),
      ),
      mark,
    ),
    h2('（五）深化文明创建，营造浓厚氛围'),
    para(
      ...sentence(
        count('volunteer', (n) => ['开展志愿服务和文明实践活动', n, '次'], '未登记志愿服务和文明实践活动'),
        count('culture', (n) => ['文化活动', n, '次'], '未登记文化活动'),
        count('boards', (n) => ['更新宣传栏、黑板报', n, '次'], '宣传栏、黑板报更新未登记'),
      ),
      mark,
    ),
    h2('（六）狠抓任务落实，强化跟踪督办'),
    para(
      ...(get('tasks_total').value === 0
        ? ['全年未承担工作方案任务。']
        : sentence(
            ['全年承担工作方案任务', num('tasks_total'), '项', yearOnYear(get('tasks_total'))],
            get('tasks_done').value === 0 ? ['尚无办结'] : ['已办结', num('tasks_done'), '项，其中按期办结', num('tasks_on_time'), '项、逾期办结', num('tasks_late'), '项'],
            count('tasks_overdue', (n) => ['尚有', n, '项逾期未办结'], '无逾期未办结任务'),
          )),
      mark,
    ),
    h1('二、存在的问题'),
  ];
  // Facts the editor can build the problems section on: targets the ledger shows as missed or behind.
  const targets = await getTargets({ ctx, orgId, year });
  const behind = targets.items.filter((t) => t.light === 'red' || t.light === 'yellow');
  if (behind.length > 0) {
    blocks.push(para(`从台账看，${behind.map((t) => `${t.label}（要求 ${t.threshold}${t.unit}，${t.detail}）`).join('；')}。`, mark));
  }
  blocks.push(para('一是', mark, '二是', mark, '三是', mark), h1('三、下一步打算'), para('一是', mark, '二是', mark, '三是', mark), right(orgName), right(chineseDate(chinaDate())));
  const name = `${orgName}-${year}年度宣传思想文化工作总结（初稿）`;
  return { body: await renderDocx(blocks, { title: name }), name };
}
