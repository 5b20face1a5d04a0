import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { NO_GRID_STYLE } from './builder.ts';
import { FONTS, runFont } from './fonts.ts';
import { LINE_PITCH, MARGIN, PAGE, SIZE } from './layout.ts';

/**
 * The parts that make a 公文 issuable (GB/T 9704-2012 §7.2 版头, §7.4 版记): the red
 * 发文机关标志, the 发文字号 and the red separator line above the title; 抄送 and 印发机关/日期
 * between 版记 lines at the end; and the 征求意见稿 mark a draft carries until it is final.
 */

/** GB/T 9704 prints the masthead and the separator line in red. */
export const GONGWEN_RED = 'FF0000';

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
const textWidthPt = (PAGE.width - MARGIN.left - MARGIN.right) / 20;
/** 4号 for 版记; one 4号 character of indent, in twips. */
const COLOPHON_SIZE = 28;
const oneColophonChar = (COLOPHON_SIZE / 2) * 20;

/**
 * The masthead size: as large as offices print it (up to 小初, 36 pt) but never wider than the
 * text area, so a long office name shrinks instead of wrapping. Half-points, as Word stores them.
 */
export function mastheadSize(masthead: string): number {
  const fit = Math.floor((textWidthPt * 0.94) / Math.max(1, [...masthead].length));
  return 2 * Math.min(36, fit);
}

export interface MastheadOptions {
  /** 发文机关标志, e.g. 中共江城市委宣传部文件. */
  masthead: string;
  /** 发文字号, e.g. 江宣〔2026〕5号; null before one is assigned (a draft). */
  number: string | null;
  /** 签发人 — printed right of the number on 上行文 only. */
  signedBy?: string;
}

/**
 * 版头: the red masthead centred, two blank lines, the 发文字号 centred in 3号 仿宋 (or left, with
 * 签发人 on the right), then the red separator line the width of the text area.
 */
export function gwMasthead(opts: MastheadOptions): Paragraph[] {
  const size = mastheadSize(opts.masthead);
  const masthead = new Paragraph({
    style: NO_GRID_STYLE,
    alignment: AlignmentType.CENTER,
    // The masthead is larger than a grid line: its own height, not snapped to the 22-line grid.
    spacing: { line: Math.round(size * 10 * 1.15), lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: opts.masthead, font: runFont(FONTS.title), size, color: GONGWEN_RED, snapToGrid: false })],
  });
  const numberRuns: TextRun[] = [];
  if (opts.signedBy) {
    numberRuns.push(new TextRun({ text: opts.number ?? '', font: runFont(FONTS.body), size: SIZE.body }));
    numberRuns.push(new TextRun({ children: [new Tab()] }));
    numberRuns.push(new TextRun({ text: '签发人：', font: runFont(FONTS.body), size: SIZE.body }));
    numberRuns.push(new TextRun({ text: opts.signedBy, font: runFont(FONTS.h2), size: SIZE.body }));
  } else {
    numberRuns.push(new TextRun({ text: opts.number ?? '', font: runFont(FONTS.body), size: SIZE.body }));
  }
  const number = new Paragraph({
    alignment: opts.signedBy ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: opts.signedBy ? { left: (SIZE.body / 2) * 20 } : undefined,
    tabStops: opts.signedBy ? [{ type: TabStopType.RIGHT, position: PAGE.width - MARGIN.left - MARGIN.right - (SIZE.body / 2) * 20 }] : undefined,
    spacing: exact,
    // GB/T 9704 §7.2.4: the separator line sits 4 mm under the 发文字号.
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: GONGWEN_RED, space: 11 } },
    children: numberRuns,
  });
  const blank = () => new Paragraph({ spacing: exact, children: [] });
  return [masthead, blank(), blank(), number, blank()];
}

/** 征求意见稿: printed under the title in 3号 楷体 until the document is final. */
export function gwDraftMark(label = '征求意见稿'): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exact, after: LINE_PITCH },
    children: [new TextRun({ text: `（${label}）`, font: runFont(FONTS.h2), size: SIZE.body })],
  });
}

export interface ColophonOptions {
  /** 抄送机关, separated by 、 or ，; empty for none. */
  copyTo: string;
  /** 印发机关, e.g. 中共江城市委宣传部办公室. */
  printedBy: string;
  /** 印发日期, yyyy-mm-dd. */
  printedOn: string;
}

const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

/**
 * 版记 (§7.4): 抄送 and 印发机关/印发日期 in 4号 仿宋 between lines the width of the text area —
 * the first and last lines thick (0.35 mm), the one between them thin (0.25 mm).
 */
export function gwColophon(opts: ColophonOptions): Paragraph[] {
  const [y, m, d] = opts.printedOn.split('-').map(Number);
  const run = (t: string) => new TextRun({ text: t, font: runFont(FONTS.body), size: COLOPHON_SIZE });
  const copyTo = opts.copyTo.trim().replace(/[。.；;，,、\s]+$/u, '');
  const lines: Paragraph[] = [new Paragraph({ spacing: exact, children: [] })];
  if (copyTo) {
    lines.push(
      new Paragraph({
        style: NO_GRID_STYLE,
        indent: { left: oneColophonChar, right: oneColophonChar, hanging: 0 },
        spacing: exact,
        border: { top: thick, bottom: thin },
        children: [run(`抄送：${copyTo}。`)],
      }),
    );
  }
  lines.push(
    new Paragraph({
      style: NO_GRID_STYLE,
      indent: { left: oneColophonChar, right: oneColophonChar },
      tabStops: [{ type: TabStopType.RIGHT, position: PAGE.width - MARGIN.left - MARGIN.right - 2 * oneColophonChar }],
      spacing: exact,
      border: copyTo ? { bottom: thick } : { top: thick, bottom: thick },
      children: [run(opts.printedBy), new TextRun({ children: [new Tab()] }), run(`${y}年${m}月${d}日印发`)],
    }),
  );
  return lines;
}

/** 发文字号 as printed: 代字〔年份〕序号号, with the year in 六角括号 and no leading zeros (§7.2.4). */
export function formatDocumentNumber(code: string, year: number, seq: number): string {
  return `${code}〔${year}〕${seq}号`;
}

export interface BriefHeadOptions {
  /** The brief's name, printed in red: 舆情日报. */
  name: string;
  /** 期号: 第341期. */
  issue: string;
  /** 编印单位, left under the issue line. */
  compiler: string;
  /** yyyy-mm-dd, right under the issue line. */
  date: string;
}

/**
 * 简报 版头 (the form 舆情日报, 工作简报 and 信息专报 take): the name in red, the 期号 under it, then
 * 编印单位 on the left and the date on the right above a red line.
 */
export function gwBriefHead(opts: BriefHeadOptions): Paragraph[] {
  const size = Math.min(mastheadSize(opts.name), 80);
  const [y, m, d] = opts.date.split('-').map(Number);
  const body = (t: string) => new TextRun({ text: t, font: runFont(FONTS.body), size: SIZE.body });
  return [
    new Paragraph({
      style: NO_GRID_STYLE,
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(size * 10 * 1.15), lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: opts.name, font: runFont(FONTS.title), size, color: GONGWEN_RED, snapToGrid: false })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [body(opts.issue)] }),
    new Paragraph({
      style: NO_GRID_STYLE,
      spacing: exact,
      tabStops: [{ type: TabStopType.RIGHT, position: PAGE.width - MARGIN.left - MARGIN.right }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: GONGWEN_RED, space: 6 } },
      children: [body(opts.compiler), new TextRun({ children: [new Tab()] }), body(`${y}年${m}月${d}日`)],
    }),
    new Paragraph({ spacing: exact, children: [] }),
  ];
}
