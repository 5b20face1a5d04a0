import type { SummaryFigure } from '@xuanlian/contracts';
import type { Ctx } from '../../core/context.ts';
import { chinaDate, chineseDate } from '../../core/china-time/index.ts';
import { h1, h2, para, renderDocx, right, title, type Block } from '../../core/docx.ts';
import { getTargets } from '../targets/index.ts';
import { summaryFigures } from './figures.ts';

const EDIT = '〔待编辑〕';

/**
 * The yearly report (工作汇报/总结) in the structure of seed 001 — 一、工作做法及成效 /
 * 二、存在的问题 / 三、下一步打算 — with every count taken from the system (bold) and the prose left to the editor (〔待编辑〕).
 * Every figure source now answers with a number; a null would be a source that lost its data, and
 * is marked 〔待接入〕 so that it cannot pass unnoticed.
 */
export async function buildAnnualSummary({ ctx, orgId, year }: { ctx: Ctx; orgId: string; year: number }): Promise<{ body: Buffer; name: string }> {
  const { orgName, figures } = await summaryFigures({ ctx, orgId, year });
  const byKey = new Map(figures.map((f) => [f.key, f]));
  // A figure in place: the number in bold (a missing one marked, see above).
  const v = (key: string): { figure: string } | { mark: string } => {
    const f = byKey.get(key) as SummaryFigure;
    return f.value === null ? { mark: '〔待接入〕' } : { figure: String(f.value) };
  };
  const label = (key: string) => byKey.get(key)?.label ?? '';
  const mark = { mark: EDIT };

  const blocks: Block[] = [
    title(`${orgName}${year}年度宣传思想文化工作总结`),
    para(`${year}年，${orgName}坚持以习近平新时代中国特色社会主义思想为指导，`, mark, `现将${year}年宣传思想文化工作总结如下：`),
    h1('一、工作做法及成效'),
    h2('（一）强化理论武装，筑牢思想根基'),
    para('全面落实“第一议题”和理论学习中心组学习制度，全年召开理论学习中心组学习会 ', v('study_sessions'), ' 次，开展专题研讨 ', v('seminars'), ' 次，中心组参学率 ', v('study_rate'), '%。', mark),
    h2('（二）深化理论宣讲，推动精神落地'),
    para(
      '组织开展理论宣讲 ',
      v('lectures'),
      ' 场，受众 ',
      v('lecture_reach'),
      ' 人次，覆盖',
      label('lecture_venues').replace(/^宣讲覆盖场所（(.*)）$/u, '$1'),
      '等 ',
      v('lecture_venues'),
      ' 类场所。',
      mark,
    ),
    h2('（三）加强舆论引导，讲好本地故事'),
    para(
      '全年报送稿件 ',
      v('manuscripts_submitted'),
      ' 篇，被中央级媒体采用 ',
      v('adoptions_central'),
      ' 篇、省级媒体采用 ',
      v('adoptions_province'),
      ' 篇、市级媒体采用 ',
      v('adoptions_city'),
      ' 篇、县级媒体采用 ',
      v('adoptions_county'),
      ' 篇；编印刊物 ',
      v('journal_issues'),
      ' 期；自有平台发布信息 ',
      v('releases'),
      ' 条，阅读量 ',
      v('release_reach'),
      ' 人次；妥善处置舆情事件 ',
      v('incidents_handled'),
      ' 起。',
      mark,
    ),
    h2('（四）加强队伍建设，提升业务能力'),
    para('举办专题培训 ', v('trainings'), ' 次，参训 ', v('training_attendees'), ' 人次；召开工作例会 ', v('meetings'), ' 次。', mark),
    h2('（五）深化文明创建，营造浓厚氛围'),
    para('开展志愿服务和文明实践活动 ', v('volunteer'), ' 次、文化活动 ', v('culture'), ' 次，更新宣传栏、黑板报 ', v('boards'), ' 次。', mark),
    h2('（六）狠抓任务落实，强化跟踪督办'),
    para(
      '全年承担工作方案任务 ',
      v('tasks_total'),
      ' 项，已办结 ',
      v('tasks_done'),
      ' 项，其中按期办结 ',
      v('tasks_on_time'),
      ' 项、逾期办结 ',
      v('tasks_late'),
      ' 项；尚有 ',
      v('tasks_overdue'),
      ' 项逾期未办结。',
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
