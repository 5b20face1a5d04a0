import { AlignmentType, BorderStyle, Paragraph, TabStopType, TextRun } from 'docx';
import type { JournalIssue } from '@xuanlian/contracts';
import { chineseDate } from '../../core/china-time/index.ts';
import { GONGWEN_FONTS, GONGWEN_SIZE, LINE_PITCH, gongwenRunFont, gwBlankLine, gwHeading, gwParagraph, gwRun, gwTable, renderGongwen, type GongwenBlock } from '../../core/gongwen/index.ts';
import { bodyToDocx, toBlocks, type LoadImage } from '../manuscripts/index.ts';

const RED = 'E00000';
const exact = { line: LINE_PITCH, lineRule: 'exact' as const };
const twips = (halfPoints: number, chars: number) => chars * (halfPoints / 2) * 20;

/** The printed head: red 刊名, 期号, 编印单位 and date, then the red rule. */
function masthead(issue: JournalIssue): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [new TextRun({ text: issue.journalName, font: gongwenRunFont(GONGWEN_FONTS.title), size: 96, color: RED })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [new TextRun({ text: issue.label, font: gongwenRunFont(GONGWEN_FONTS.body), size: GONGWEN_SIZE.body })] }),
    new Paragraph({
      spacing: { ...exact, after: 120 },
      tabStops: [{ type: TabStopType.RIGHT, position: 8845 }],
      border: { bottom: { style: BorderStyle.THICK, size: 18, color: RED, space: 6 } },
      children: [
        new TextRun({ text: `${issue.publisher}编`, font: gongwenRunFont(GONGWEN_FONTS.body), size: GONGWEN_SIZE.body }),
        new TextRun({ text: `\t${chineseDate(issue.issueDate)}`, font: gongwenRunFont(GONGWEN_FONTS.body), size: GONGWEN_SIZE.body }),
      ],
    }),
    gwBlankLine(),
  ];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One item: its title in 小标宋 3号 centred, its text on the 公文 grid, pictures as the manuscript export draws them. */
async function item(title: string, unit: string, html: string, load: LoadImage): Promise<GongwenBlock[]> {
  const out: GongwenBlock[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [new TextRun({ text: title, font: gongwenRunFont(GONGWEN_FONTS.title), size: GONGWEN_SIZE.body + 4 })] }),
  ];
  let ordinal = 0;
  for (const b of toBlocks(html)) {
    if (b.kind !== 'li' || !b.ordered) ordinal = 0;
    if (b.kind === 'figure' && b.image) {
      const caption = b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : '';
      out.push(...(await bodyToDocx(`<figure><img src="/api/files/${b.image.sha256}">${caption}</figure>`, load)));
    } else if (b.kind === 'table') out.push(gwTable(b.rows && b.rows.length > 0 ? b.rows : [['']], { leftAlignColumn: -1 }));
    else if (b.kind === 'h2') out.push(gwHeading(1, b.text));
    else if (b.kind === 'h3' || b.kind === 'h4') out.push(gwHeading(2, b.text));
    else {
      const marker = b.kind === 'li' ? (b.ordered ? `${++ordinal}. ` : '• ') : '';
      out.push(gwParagraph([...(marker ? [gwRun(marker)] : []), ...b.runs.map((r) => gwRun(r.text, { bold: r.bold ?? false }))]));
    }
  }
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, children: [gwRun(`（${unit}）`)] }), gwBlankLine());
  return out;
}

/** 报 / 送 / 发 between two rules, in 4号 仿宋, hanging after the label. */
function distribution(issue: JournalIssue): Paragraph[] {
  const lines = (
    [
      ['报', issue.distribution.report],
      ['送', issue.distribution.send],
      ['发', issue.distribution.issue],
    ] as const
  ).filter(([, units]) => units.length > 0);
  if (lines.length === 0) return [];
  const size = GONGWEN_SIZE.table;
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return lines.map(
    ([label, units], i) =>
      new Paragraph({
        indent: { left: twips(size, 3), hanging: twips(size, 2) },
        spacing: { line: 400, lineRule: 'exact' },
        border: { ...(i === 0 ? { top: rule } : {}), ...(i === lines.length - 1 ? { bottom: rule } : {}) },
        children: [new TextRun({ text: `${label}：${units.join('，')}。`, font: gongwenRunFont(GONGWEN_FONTS.body), size })],
      }),
  );
}

/** The issue as the printed journal: masthead, the items in order, the distribution block. */
export async function journalDocx(issue: JournalIssue, load: LoadImage): Promise<Buffer> {
  const blocks: GongwenBlock[] = [...masthead(issue)];
  for (const it of issue.items) blocks.push(...(await item(it.title, it.manuscriptOrgName, it.bodyHtml, load)));
  blocks.push(...distribution(issue));
  return renderGongwen(blocks, { title: `${issue.journalName} ${issue.label}`, creator: issue.publisher });
}
