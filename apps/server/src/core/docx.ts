import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ImageError, inspectImage } from './files/images.ts';

/**
 * The house style of the Word files the platform writes, close to 党政机关公文格式 (GB/T 9704):
 * title in 小标宋 二号, first-level headings in 黑体, second-level in 楷体, body in 仿宋 三号 with
 * a two-character indent. Fonts fall back to what WPS and Word have when these are missing.
 */
const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  h1: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  h2: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};
const SIZE = { title: 44, body: 32, small: 24 };

export type Block = Paragraph | Table;

export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text, font: FONTS.title, size: SIZE.title })] });
}

export function subtitle(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text, font: FONTS.h2, size: SIZE.body })] });
}

export function h1(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { before: 200 }, children: [new TextRun({ text, font: FONTS.h1, size: SIZE.body })] });
}

export function h2(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text, font: FONTS.h2, size: SIZE.body })] });
}

/** A body paragraph; `parts` mixes plain text and figures (figures in bold so the editor sees them). */
export function para(...parts: Array<string | { figure: string } | { mark: string }>): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: parts.map((p) =>
      typeof p === 'string'
        ? new TextRun({ text: p, font: FONTS.body, size: SIZE.body })
        : 'figure' in p
          ? new TextRun({ text: p.figure, font: FONTS.body, size: SIZE.body, bold: true })
          : new TextRun({ text: p.mark, font: FONTS.body, size: SIZE.body, highlight: 'yellow' }),
    ),
  });
}

export function right(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text, font: FONTS.body, size: SIZE.body })] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** A plain bordered table; the first row is the header. */
export function table(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map(
            (c) =>
              new TableCell({
                children: c.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: r === 0 ? FONTS.h1 : FONTS.body, size: SIZE.small })] })),
              }),
          ),
        }),
    ),
  });
}

export async function renderDocx(blocks: Block[], meta: { title: string }): Promise<Buffer> {
  const doc = new Document({
    creator: '宣联',
    title: meta.title,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children: blocks }],
  });
  return Packer.toBuffer(doc);
}

/**
 * A photo centred in the text, scaled down to `maxWidth` pixels wide, with its caption under it in
 * 仿宋 四号; or, where the bytes are missing or not a picture Word shows (WebP, a damaged file), a
 * line saying so — never a broken image.
 */
export function picture(bytes: Buffer | null, caption: string | null, maxWidth = 420): Paragraph[] {
  let run: ImageRun | TextRun = new TextRun({ text: '［照片无法显示，请在系统台账中查看］', font: FONTS.body, size: SIZE.small });
  if (bytes) {
    try {
      const info = inspectImage(bytes);
      const scale = Math.min(1, maxWidth / info.width);
      const size = { width: Math.round(info.width * scale), height: Math.round(info.height * scale) };
      if (info.mime !== 'image/webp') run = new ImageRun({ type: info.mime === 'image/png' ? 'png' : info.mime === 'image/gif' ? 'gif' : 'jpg', data: bytes, transformation: size });
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
    }
  }
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, children: [run] })];
  if (caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: caption, font: FONTS.body, size: 28 })] }));
  return out;
}
