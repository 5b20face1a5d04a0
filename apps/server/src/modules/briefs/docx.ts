import { GRADE_LABELS, INCIDENT_STAGE_LABELS, type BriefFigures, type BriefKind } from '@xuanlian/contracts';
import { AlignmentType, Paragraph, type Table } from 'docx';
import { ChartRun } from 'docx/charts';
import { chinaDate, chineseDate, chineseDateTime } from '../../core/china-time/index.ts';
import { GONGWEN_FONTS, gwBriefHead, gwHeading, gwParagraph, gwRun, gwTable, renderGongwen } from '../../core/gongwen/index.ts';
import { overallJudgement, pct, storyJudgement } from './judgement.ts';

/**
 * The brief as an office sends it: a 简报 版头 (name in red, 期号, 编印单位 and date above a red
 * line), an overview written from the figures with its 研判 and a chart, each top story with its
 * 研判 and suggested 处置, the incidents begun, closed and still open, and tables whose columns are
 * sized to what they hold. Laid out with the 公文 toolkit (3号 仿宋 on the 22 × 28 grid).
 */
export interface BriefDocInput {
  kind: BriefKind;
  title: string;
  orgName: string;
  periodLabel: string;
  /** 第341期: the day of the year for a daily, the week of the year for a weekly. */
  issue: string;
  generatedAt: Date;
  figures: BriefFigures;
}

const chartFont = { name: GONGWEN_FONTS.body.altName };

function sentimentChart(f: BriefFigures): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ChartRun({
        type: 'pie',
        title: { text: '舆情信息倾向分布', font: { ...chartFont, size: 12 } },
        font: chartFont,
        categories: ['负面', '中性', '正面'],
        series: [{ name: '信息数', values: [f.sentiment.negative, f.sentiment.neutral, f.sentiment.positive], colors: ['C00000', 'A5A5A5', '4472C4'] }],
        dataLabels: { category: true, value: true },
        transformation: { width: 480, height: 260 },
        altText: { name: '倾向分布', description: `负面${f.sentiment.negative}条，中性${f.sentiment.neutral}条，正面${f.sentiment.positive}条` },
      }),
    ],
  });
}

function dailyChart(f: BriefFigures): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ChartRun({
        type: 'column',
        title: { text: '每日舆情信息量', font: { ...chartFont, size: 12 } },
        font: chartFont,
        categories: f.byDay.map((d) => chineseDate(d.day).replace(/^\d+年/, '')),
        series: [
          { name: '信息数', values: f.byDay.map((d) => d.total), color: '4472C4' },
          { name: '负面', values: f.byDay.map((d) => d.negative), color: 'C00000' },
        ],
        dataLabels: { value: true },
        transformation: { width: 560, height: 260 },
        altText: { name: '每日信息量', description: f.byDay.map((d) => `${d.day} ${d.total}条（负面${d.negative}）`).join('；') },
      }),
    ],
  });
}

function overview(input: BriefDocInput): Array<Paragraph | Table> {
  const f = input.figures;
  const s = f.sentiment;
  const out: Array<Paragraph | Table> = [
    gwHeading(1, '一、总体情况'),
    gwParagraph(
      `${input.periodLabel}，共监测到舆情信息${f.total}条，其中负面${s.negative}条（${pct(s.negative, f.total)}），中性${s.neutral}条（${pct(s.neutral, f.total)}），正面${s.positive}条（${pct(s.positive, f.total)}）；` +
        `触发预警${f.alerts}次；新发舆情事件${f.periodIncidents.opened.length}件，办结${f.periodIncidents.closed.length}件，目前在办${f.openIncidents.length}件。`,
    ),
    gwParagraph([gwRun('研判：', { bold: true }), gwRun(overallJudgement(f))]),
  ];
  if (input.kind === 'weekly' && f.byDay.length > 1) out.push(dailyChart(f));
  else if (f.total > 0) out.push(sentimentChart(f));
  return out;
}

function stories(f: BriefFigures): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [gwHeading(1, '二、重点舆情')];
  if (f.topClusters.length === 0) return [...out, gwParagraph('本期无重点舆情。')];
  f.topClusters.slice(0, 5).forEach((c, i) => {
    const j = storyJudgement(c);
    out.push(gwHeading(2, `（${'一二三四五'[i]}）${c.title}`));
    out.push(gwParagraph(`${chineseDateTime(new Date(c.firstAt))}首发于${c.firstSourceName}，本期相关信息${c.count}条，其中负面${c.negative}条。`));
    out.push(gwParagraph([gwRun('研判：', { bold: true }), gwRun(j.judgement)]));
    out.push(gwParagraph([gwRun('处置建议：', { bold: true }), gwRun(j.advice)]));
  });
  return out;
}

function incidents(f: BriefFigures): Array<Paragraph | Table> {
  const p = f.periodIncidents;
  const out: Array<Paragraph | Table> = [gwHeading(1, '四、舆情事件处置情况')];
  if (p.opened.length + p.closed.length + f.openIncidents.length === 0) return [...out, gwParagraph('本期无舆情事件。')];
  if (p.opened.length > 0) out.push(gwParagraph(`本期新发舆情事件${p.opened.length}件：${p.opened.map((i) => `${i.orgName}“${i.title}”（${GRADE_LABELS[i.grade]}）`).join('；')}。`));
  if (p.closed.length > 0) {
    out.push(gwParagraph(`本期办结舆情事件${p.closed.length}件：`));
    for (const c of p.closed)
      out.push(gwParagraph(`${c.orgName}“${c.title}”（${GRADE_LABELS[c.grade]}），${chineseDateTime(new Date(c.at))}办结${c.summary ? `。处置情况：${c.summary.replace(/[。.]$/, '')}。` : '。'}`));
  }
  if (f.openIncidents.length > 0) {
    out.push(gwParagraph(`目前在办舆情事件${f.openIncidents.length}件：`));
    out.push(
      gwTable(
        [
          ['事件', '等级', '当前环节', '环节期限', '责任单位'],
          ...f.openIncidents.map((i) => [
            i.title,
            GRADE_LABELS[i.grade],
            INCIDENT_STAGE_LABELS[i.stage],
            i.stageDeadline ? `${chineseDateTime(new Date(i.stageDeadline))}${i.overdue ? '（已超期）' : ''}` : '—',
            i.orgName,
          ]),
        ],
        { leftAlignColumn: 0, widths: [5, 2, 2, 4, 3] },
      ),
    );
  }
  return out;
}

export async function buildBriefDocx(input: BriefDocInput): Promise<Buffer> {
  const f = input.figures;
  const blocks: Array<Paragraph | Table> = [
    ...gwBriefHead({ name: input.kind === 'weekly' ? '舆情周报' : '舆情日报', issue: input.issue, compiler: `${input.orgName}编`, date: chinaDate(input.generatedAt) }),
    ...overview(input),
    ...stories(f),
    gwHeading(1, '三、分专题情况'),
    f.byTopic.length === 0
      ? gwParagraph('本期各监测专题无命中信息。')
      : gwTable([['监测专题', '信息数', '负面'], ...f.byTopic.map((t) => [t.name, String(t.count), String(t.negative)])], { leftAlignColumn: 0, widths: [6, 2, 2] }),
    ...incidents(f),
  ];
  if (f.bySource.length > 0) {
    blocks.push(gwHeading(1, '五、主要信源'));
    blocks.push(gwTable([['信源', '信息数'], ...f.bySource.map((x) => [x.name, String(x.count)])], { leftAlignColumn: 0, widths: [7, 2] }));
  }
  blocks.push(gwParagraph(`（统计时段：${input.periodLabel}；生成时间：${chineseDateTime(input.generatedAt)}）`));
  return renderGongwen(blocks, { title: `${input.title}（${input.issue}）` });
}
