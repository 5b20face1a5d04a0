import { DECISION_LABELS, STEP_STATUS_LABELS, type Decision, type ReviewStep, type StepStatus } from '@xuanlian/contracts';
import { AlignmentType, BorderStyle, Document, HeightRule, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { GONGWEN_FONTS, gongwenRunFont } from '../../../core/gongwen/index.ts';

/**
 * 审签单 as offices print and file it: one A4 page, the manuscript's particulars, then one row per
 * review decision — 报送审核 first, then 发布审核 (初审 → 审核 → 审批) — with the opinion exactly
 * as written (blank when the reviewer wrote none) and an empty 签名 cell for the ink signature.
 */
export interface SignoffSheet {
  title: string;
  orgName: string;
  reporterName: string;
  /** 作者 with their units and shares, as credited. */
  authors: string;
  category: string;
  importance: string;
  submittedAt: Date | null;
  submission: ReviewStep[];
  release: ReviewStep[];
  printedAt: Date;
}

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, bottom: 1134, left: 1418, right: 1418 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** 审核环节, 审核人, 结果, 审核意见, 时间, 签名 — the opinion takes what is left. */
const COLUMNS = [1400, 1900, 900, 0, 1500, 1200];
COLUMNS[3] = TEXT_WIDTH - COLUMNS.reduce((a, b) => a + b, 0);
const SIZE = 21; // 五号
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

function cell(text: string, opts: { bold?: boolean; span?: number; width?: number; center?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    ...(opts.shade ? { shading: { fill: 'EDEDED', type: ShadingType.CLEAR, color: 'auto' } } : {}),
    ...(opts.span ? { columnSpan: opts.span } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.DXA } } : {}),
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, font: gongwenRunFont(opts.bold ? GONGWEN_FONTS.h1 : GONGWEN_FONTS.body), size: SIZE })],
      }),
    ],
  });
}

/** Label / value pairs of the particulars, two pairs a row where they are short. */
function particulars(s: SignoffSheet): TableRow[] {
  const w = COLUMNS;
  const pair = (a: string, b: string, c: string, d: string) =>
    new TableRow({
      height: { value: 454, rule: HeightRule.ATLEAST },
      children: [cell(a, { bold: true, center: true }), cell(b, { span: 2 }), cell(c, { bold: true, center: true }), cell(d, { span: 2 })],
    });
  const wide = (a: string, b: string) => new TableRow({ height: { value: 454, rule: HeightRule.ATLEAST }, children: [cell(a, { bold: true, center: true, width: w[0] }), cell(b, { span: 5 })] });
  return [
    wide('稿件标题', s.title),
    pair('报送单位', s.orgName, '信息员', s.reporterName),
    wide('作者', s.authors || s.reporterName),
    pair('栏目', s.category, '重要程度', s.importance),
    wide('报送时间', s.submittedAt ? chineseDateTime(s.submittedAt) : '未报送'),
  ];
}

function stepRows(steps: ReviewStep[]): TableRow[] {
  const row = (cells: string[]) =>
    new TableRow({
      cantSplit: true,
      // Room for an ink signature.
      height: { value: 680, rule: HeightRule.ATLEAST },
      children: cells.map((t, i) => cell(t, { center: i !== 3 })),
    });
  return steps.flatMap((st) => {
    const name = `${st.name}${st.mode === 'all' ? '（会签）' : ''}`;
    if (st.decisions.length === 0) {
      return [row([name, st.assignees.map((a) => a.name).join('、') || '—', STEP_STATUS_LABELS[st.status as StepStatus], '', '', ''])];
    }
    return st.decisions.map((d) =>
      row([name, `${d.reviewerName}${d.reviewerTitle ? `（${d.reviewerTitle}）` : ''}`, DECISION_LABELS[d.decision as Decision], d.comment, chineseDateTime(new Date(d.at)), '']),
    );
  });
}

function section(label: string): TableRow {
  return new TableRow({ height: { value: 454, rule: HeightRule.ATLEAST }, children: [cell(label, { bold: true, span: 6, shade: true })] });
}

export function renderSignoffSheet(s: SignoffSheet): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    height: { value: 400, rule: HeightRule.ATLEAST },
    children: ['审核环节', '审核人', '结果', '审核意见', '时间', '签名'].map((h) => cell(h, { bold: true, center: true })),
  });
  const rows = [...particulars(s), section('报送审核'), header, ...stepRows(s.submission)];
  if (s.release.length > 0) rows.push(section('发布审核（三审）'), header, ...stepRows(s.release));
  const table = new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: COLUMNS, borders, rows });
  const para = (text: string, opts: { size?: number; font?: keyof typeof GONGWEN_FONTS; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {}) =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.CENTER,
      spacing: { after: opts.after ?? 0 },
      children: [new TextRun({ text, font: gongwenRunFont(GONGWEN_FONTS[opts.font ?? 'body']), size: opts.size ?? SIZE })],
    });
  const doc = new Document({
    creator: '宣联',
    title: `${s.title}审签单`,
    styles: { default: { document: { run: { font: gongwenRunFont(GONGWEN_FONTS.body), size: SIZE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: [
          para('稿件审签单', { size: 44, font: 'title', after: 120 }),
          para(`打印时间：${chineseDateTime(s.printedAt)}`, { align: AlignmentType.RIGHT, after: 120 }),
          table,
          para('审核记录以系统留痕为准；签名栏供纸质存档时手签。', { align: AlignmentType.LEFT, size: 18 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
