import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { inspectZip, readEntry } from '../files/archive.ts';
import { FONTS, fontTableXml, runFont } from './fonts.ts';
import { CHAR_SPACE, FIRST_LINE_INDENT, LINE_PITCH, MARGIN, PAGE, SIZE } from './layout.ts';

/**
 * A reusable 公文 (GB/T 9704-2012) Word builder: A4 with the standard margins, a 22 × 28 grid,
 * 2号 小标宋 title, 3号 仿宋 body, 黑体 / 楷体 heading levels, page numbers “— 1 —” in 4号 宋体 on
 * the outside edge, ranking tables, and the 署名 + 成文日期 block. Bulletins (通报) and journals
 * build on it; callers pass blocks and get a .docx buffer.
 */
export type GongwenBlock = Paragraph | Table;

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };
const text = (t: string, font: (typeof FONTS)[keyof typeof FONTS], size: number = SIZE.body, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text: t, font: runFont(font), size, ...extra });

/** 标题: 2号 小标宋, centred; a long title may be given as several lines. */
export function gwTitle(title: string | string[]): Paragraph[] {
  const lines = Array.isArray(title) ? title : [title];
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...exact, ...(i === lines.length - 1 ? { after: LINE_PITCH } : {}) },
        children: [text(line, FONTS.title, SIZE.title)],
      }),
  );
}

/** 主送机关: flush left, ending with a full-width colon. */
export function gwAddressee(name: string): Paragraph {
  return new Paragraph({ spacing: exact, children: [text(name.endsWith('：') ? name : `${name}：`, FONTS.body)] });
}

/** 一、 (黑体), （一） (楷体), 1. (仿宋 bold): the three heading levels of a 公文 body. */
export function gwHeading(level: 1 | 2 | 3, content: string): Paragraph {
  const font = level === 1 ? FONTS.h1 : level === 2 ? FONTS.h2 : FONTS.body;
  return new Paragraph({ indent: { firstLine: FIRST_LINE_INDENT }, spacing: exact, children: [text(content, font, SIZE.body, level === 3 ? { bold: true } : {})] });
}

/** 正文 paragraph: 3号 仿宋, two-character first-line indent, on the grid. */
export function gwParagraph(content: string | TextRun[]): Paragraph {
  return new Paragraph({
    indent: { firstLine: FIRST_LINE_INDENT },
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact,
    children: typeof content === 'string' ? [text(content, FONTS.body)] : content,
  });
}

/** A body run, for mixing plain and bold text inside one paragraph. */
export function gwRun(content: string, opts: { bold?: boolean } = {}): TextRun {
  return text(content, FONTS.body, SIZE.body, opts);
}

/** An empty line on the grid. */
export function gwBlankLine(): Paragraph {
  return new Paragraph({ spacing: exact, children: [] });
}

/**
 * 发文机关署名 and 成文日期 (阿拉伯数字, 2026年3月24日): the date right-aligned with four characters
 * of right indent, the signature centred over it.
 */
export function gwSignature(org: string, date: string): Paragraph[] {
  const [y, m, d] = date.split('-').map(Number);
  const rightIndent = 4 * (SIZE.body / 2) * 20;
  const dateText = `${y}年${m}月${d}日`;
  // The signature is centred on the date: pad it by half the difference in characters.
  const pad = Math.max(0, Math.round((dateText.length - org.length) / 2));
  return [
    gwBlankLine(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: rightIndent + pad * (SIZE.body / 2) * 20 }, spacing: exact, children: [text(org, FONTS.body)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: rightIndent }, spacing: exact, children: [text(dateText, FONTS.body)] }),
  ];
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A ranking table (排名表): the first row is the header in 黑体, the rest in 仿宋, all 4号 and
 * centred except the first text column; numbers are right where readers look for them.
 */
export function gwTable(rows: string[][], opts: { leftAlignColumn?: number; widths?: number[] } = {}): Table {
  const left = opts.leftAlignColumn ?? 1;
  // Relative column widths (e.g. [1, 6, 3, 3, 1, 1]) shared out over the 156 mm text width.
  const textWidth = PAGE.width - MARGIN.left - MARGIN.right;
  const weights = opts.widths;
  const columnWidths = weights ? weights.map((w) => Math.floor((w / weights.reduce((a, b) => a + b, 0)) * textWidth)) : undefined;
  return new Table({
    ...(columnWidths ? { width: { size: textWidth, type: WidthType.DXA }, columnWidths, layout: TableLayoutType.FIXED } : { width: { size: 100, type: WidthType.PERCENTAGE } }),
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: cells.map(
            (c, col) =>
              new TableCell({
                verticalAlign: VerticalAlignTable.CENTER,
                children: [
                  new Paragraph({
                    style: NO_GRID_STYLE,
                    alignment: r > 0 && col === left ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [text(c, r === 0 ? FONTS.h1 : FONTS.body, SIZE.table)],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** “— 1 —” in 4号 宋体: odd pages right with one character in, even pages left (GB/T 9704 7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = (SIZE.pageNumber / 2) * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFont(FONTS.pageNumber), size: SIZE.pageNumber })],
      }),
    ],
  });
}

export interface GongwenOptions {
  title: string;
  creator?: string;
  /** Page numbers on (default) or off. */
  pageNumbers?: boolean;
}

/**
 * A paragraph style that leaves the 28-character grid (`w:snapToGrid w:val="0"` in its pPr): for
 * the masthead, 版记 and table cells, whose type is not 3号 and would otherwise be spread over grid
 * cells (LibreOffice gives a character wider than the pitch two cells, so a masthead would wrap).
 * The docx library cannot write paragraph-level snapToGrid, so the style is patched in after packing.
 */
export const NO_GRID_STYLE = 'GongwenNoGrid';
const noGridStyle = { id: NO_GRID_STYLE, name: 'Gongwen No Grid', basedOn: 'Normal', paragraph: { keepLines: true } };

function patchNoGridStyle(stylesXml: string): string {
  const at = stylesXml.indexOf(`w:styleId="${NO_GRID_STYLE}"`);
  const keep = stylesXml.indexOf('<w:keepLines/>', at);
  if (at < 0 || keep < 0) throw new Error('公文 style GongwenNoGrid missing from styles.xml');
  return `${stylesXml.slice(0, keep)}<w:keepLines/><w:snapToGrid w:val="0"/>${stylesXml.slice(keep + '<w:keepLines/>'.length)}`;
}

/** Packs the blocks into a 公文-geometry .docx. */
export async function renderGongwen(blocks: GongwenBlock[], opts: GongwenOptions): Promise<Buffer> {
  const numbers = opts.pageNumbers !== false;
  const doc = new Document({
    creator: opts.creator ?? '宣联',
    title: opts.title,
    evenAndOddHeaderAndFooters: numbers,
    styles: {
      paragraphStyles: [noGridStyle],
      // The grid's character pitch is relative to the default run size, so the default is 3号 仿宋.
      default: { document: { run: { font: runFont(FONTS.body), size: SIZE.body }, paragraph: { spacing: exact } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: 851, footer: 794 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        ...(numbers ? { footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } } : {}),
        children: blocks,
      },
    ],
  });
  const fontTable = { path: 'word/fontTable.xml', data: fontTableXml() };
  const first = await Packer.toBuffer(doc, false, [fontTable]);
  const stylesEntry = inspectZip(first).find((e) => e.name === 'word/styles.xml');
  if (!stylesEntry) throw new Error('styles.xml missing');
  const styles = patchNoGridStyle(readEntry(first, stylesEntry).toString('utf8'));
  return Packer.toBuffer(doc, false, [fontTable, { path: 'word/styles.xml', data: styles }]);
}
