import { AlignmentType, BorderStyle, Document, HeadingLevel, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { GRADE_LABELS, INCIDENT_STAGE_LABELS, SENTIMENT_LABELS, type BriefFigures } from '@xuanlian/contracts';
import { chineseDate, chineseDateTime } from '../../core/china-time/index.ts';

/**
 * The brief as Word: 仿宋 body and 宋体 headings as official documents use (eastAsia fonts, so
 * WPS and Word both pick them), sizes in half-points (三号 = 32, 四号 = 28, 二号 = 44).
 */
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEAD = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

const p = (text: string, opts: { bold?: boolean; center?: boolean; size?: number; font?: typeof BODY } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    // 28-point fixed line spacing, as official documents set it.
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, bold: opts.bold ?? false, size: opts.size ?? 32, font: opts.font ?? BODY })],
  });

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, size: 32, font: HEAD })] });

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 24, font: BODY })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const pct = (n: number, total: number): string => (total === 0 ? '0%' : `${Math.round((n / total) * 1000) / 10}%`);

export interface BriefDocInput {
  title: string;
  orgName: string;
  periodLabel: string;
  generatedAt: Date;
  figures: BriefFigures;
}

export async function buildBriefDocx(input: BriefDocInput): Promise<Buffer> {
  const f = input.figures;
  const s = f.sentiment;
  const children: Array<Paragraph | Table> = [
    p(input.title, { bold: true, center: true, size: 44, font: HEAD }),
    p(`${input.orgName}　${input.periodLabel}`, { center: true, size: 28 }),
    heading('一、总体情况'),
    p(
      `本期共监测到舆情信息 ${f.total} 条，其中${SENTIMENT_LABELS.negative} ${s.negative} 条（${pct(s.negative, f.total)}），` +
        `${SENTIMENT_LABELS.neutral} ${s.neutral} 条（${pct(s.neutral, f.total)}），${SENTIMENT_LABELS.positive} ${s.positive} 条（${pct(s.positive, f.total)}）；` +
        `触发预警 ${f.alerts} 次；在办舆情事件 ${f.openIncidents.length} 件。`,
    ),
  ];
  if (f.byDay.length > 1) {
    children.push(
      table(
        ['日期', '信息数', '负面'],
        f.byDay.map((d) => [chineseDate(d.day), String(d.total), String(d.negative)]),
      ),
    );
  }
  children.push(heading('二、重点舆情（按转载量）'));
  if (f.topClusters.length === 0) children.push(p('本期无重点舆情。'));
  else {
    children.push(
      table(
        ['序号', '标题', '首发信源', '首发时间', '条数', '负面'],
        f.topClusters.map((c, i) => [String(i + 1), c.title, c.firstSourceName, chineseDateTime(new Date(c.firstAt)), String(c.count), String(c.negative)]),
      ),
    );
  }
  children.push(heading('三、分专题情况'));
  if (f.byTopic.length === 0) children.push(p('本期各监测专题无命中信息。'));
  else
    children.push(
      table(
        ['监测专题', '信息数', '负面'],
        f.byTopic.map((t) => [t.name, String(t.count), String(t.negative)]),
      ),
    );
  children.push(heading('四、舆情事件处置情况'));
  if (f.openIncidents.length === 0) children.push(p('目前无在办舆情事件。'));
  else {
    children.push(
      table(
        ['事件', '等级', '当前环节', '环节期限', '负责单位'],
        f.openIncidents.map((i) => [
          i.title,
          GRADE_LABELS[i.grade],
          INCIDENT_STAGE_LABELS[i.stage],
          i.stageDeadline ? `${chineseDateTime(new Date(i.stageDeadline))}${i.overdue ? '（已超期）' : ''}` : '—',
          i.orgName,
        ]),
      ),
    );
  }
  if (f.bySource.length > 0) {
    children.push(heading('五、主要信源'));
    children.push(
      table(
        ['信源', '信息数'],
        f.bySource.map((x) => [x.name, String(x.count)]),
      ),
    );
  }
  children.push(p(''));
  children.push(p(`生成时间：${chineseDateTime(input.generatedAt)}`, { size: 24 }));
  const doc = new Document({
    creator: '宣联',
    title: input.title,
    styles: { default: { document: { run: { font: BODY, size: 32 } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
