import { AlignmentType, BorderStyle, Document, ExternalHyperlink, ImageRun, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { toBlocks, type Block, type Run } from '../html/blocks.ts';
import { inspectImage, ImageError } from '../../../core/files/images.ts';

/** Fonts offices expect (GB/T 9704 style): 仿宋 for text, 宋体 for titles, Times New Roman for Latin. */
export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
export const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const BODY_SIZE = 32; // 三号, in half-points
const TITLE_SIZE = 44; // 二号
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 磅, the usual 公文 line
const FIRST_LINE = 640; // two characters of 三号
const MAX_IMAGE_WIDTH = 560; // px at 96 dpi: within a 15.6 cm text column

export type LoadImage = (sha256: string) => Promise<Buffer | null>;

function textRuns(runs: Run[], size = BODY_SIZE): Array<TextRun | ExternalHyperlink> {
  const out: Array<TextRun | ExternalHyperlink> = [];
  for (const r of runs) {
    const lines = r.text.split('\n');
    const pieces = lines.map(
      (text, i) => new TextRun({ text, bold: r.bold ?? false, italics: r.italic ?? false, ...(r.underline ? { underline: {} } : {}), font: BODY_FONT, size, break: i > 0 ? 1 : 0 }),
    );
    if (r.href) out.push(new ExternalHyperlink({ link: r.href, children: pieces }));
    else out.push(...pieces);
  }
  return out;
}

async function figure(b: Block, load: LoadImage): Promise<Paragraph[]> {
  const out: Paragraph[] = [];
  const bytes = b.image?.sha256 ? await load(b.image.sha256) : null;
  let run: ImageRun | TextRun = new TextRun({ text: '［图片无法显示］', font: BODY_FONT, size: BODY_SIZE });
  if (bytes) {
    try {
      const info = inspectImage(bytes);
      const scale = Math.min(1, MAX_IMAGE_WIDTH / info.width);
      const size = { width: Math.round(info.width * scale), height: Math.round(info.height * scale) };
      // Word cannot show WebP; say so rather than write a broken picture.
      if (info.mime === 'image/webp') run = new TextRun({ text: '［WebP 格式图片，请在系统中查看］', font: BODY_FONT, size: BODY_SIZE });
      else run = new ImageRun({ type: info.mime === 'image/png' ? 'png' : info.mime === 'image/gif' ? 'gif' : 'jpg', data: bytes, transformation: size });
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
    }
  }
  out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run] }));
  if (b.caption) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: b.caption, font: BODY_FONT, size: 28 })] }));
  }
  return out;
}

function table(b: Block): Table {
  const rows = b.rows && b.rows.length > 0 ? b.rows : [['']];
  const width = Math.max(...rows.map((r) => r.length), 1);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: Array.from({ length: width }, (_, c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: r[c] ?? '', font: BODY_FONT, size: 24, bold: i === 0 })] })] })),
        }),
    ),
  });
}

/** The body's blocks as Word paragraphs, pictures and tables. */
export async function bodyToDocx(html: string, load: LoadImage): Promise<Array<Paragraph | Table>> {
  const out: Array<Paragraph | Table> = [];
  let ordinal = 0;
  for (const b of toBlocks(html)) {
    if (b.kind !== 'li' || !b.ordered) ordinal = 0;
    if (b.kind === 'figure') out.push(...(await figure(b, load)));
    else if (b.kind === 'table') out.push(table(b), new Paragraph({ children: [] }));
    else if (b.kind === 'h2' || b.kind === 'h3' || b.kind === 'h4') {
      out.push(new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE }, children: textRuns(b.runs.map((r) => ({ ...r, bold: true }))) }));
    } else if (b.kind === 'li') {
      const marker = b.ordered ? `${++ordinal}. ` : '• ';
      out.push(new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE }, children: textRuns([{ text: marker }, ...b.runs]) }));
    } else {
      out.push(new Paragraph({ spacing: LINE, indent: { firstLine: FIRST_LINE, ...(b.kind === 'quote' ? { left: FIRST_LINE } : {}) }, children: textRuns(b.runs) }));
    }
  }
  return out;
}

export function titleParagraph(title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300 },
    children: [new TextRun({ text: title, font: TITLE_FONT, size: TITLE_SIZE, bold: true })],
  });
}

export function metaParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text, font: BODY_FONT, size: 24 })] });
}

/** A Word document both Microsoft Word and WPS open: A4, 公文 margins, Chinese fonts set per run. */
export async function writeDocx(children: Array<Paragraph | Table>, meta: { title: string; creator: string }): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
