import ExcelJS from 'exceljs';
import { chineseDate } from '../china-time/index.ts';

/**
 * The one style every .xlsx the platform exports is written in, as an office prints a 统计表:
 * a title row, 制表单位 and 制表日期 above the table, a shaded bold header, thin borders on every
 * cell, the header frozen and repeated on each printed page, A4 landscape fitted to the width,
 * page numbers in the footer. Sheets meant to be filled in and imported again (the quota and
 * people templates) keep a bare header in row 1 instead, so their parsers stay simple.
 */
export interface OfficeColumn<R> {
  header: string;
  /** Width in characters; a CJK character counts as about two. */
  width: number;
  value: (row: R) => string | number | null | undefined;
}

export interface OfficeSheetSpec<R> {
  /** The tab's name (Excel allows 31 characters, none of []:*?/\). */
  name: string;
  title: string;
  /** 制表单位: the unit whose data the sheet holds. */
  issuer: string;
  /** 制表日期; today in China when absent. */
  date?: Date;
  columns: Array<OfficeColumn<R>>;
  rows: readonly R[];
}

/** Rows above the data: title, 制表单位/日期, header. Readers of the sheet start after them. */
export const OFFICE_HEADER_ROWS = 3;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

export function officeWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = '宣联';
  book.created = new Date();
  return book;
}

export function addOfficeSheet<R>(book: ExcelJS.Workbook, spec: OfficeSheetSpec<R>): ExcelJS.Worksheet {
  const n = spec.columns.length;
  const sheet = book.addWorksheet(safeSheetName(spec.name));
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));

  const title = sheet.getRow(1);
  title.height = 34;
  sheet.mergeCells(1, 1, 1, n);
  Object.assign(title.getCell(1), {
    value: spec.title,
    font: { name: '黑体', size: 16, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });

  const meta = sheet.getRow(2);
  meta.height = 20;
  const half = Math.max(1, Math.floor(n / 2));
  if (half > 1) sheet.mergeCells(2, 1, 2, half);
  if (n - half > 1) sheet.mergeCells(2, half + 1, 2, n);
  Object.assign(meta.getCell(1), { value: `制表单位：${spec.issuer}`, font: { name: FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } });
  if (n > 1) {
    Object.assign(meta.getCell(half + 1), { value: `制表日期：${chineseDate(spec.date ?? new Date())}`, font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' } });
  }

  const header = sheet.getRow(OFFICE_HEADER_ROWS);
  header.height = 24;
  spec.columns.forEach((c, i) => {
    Object.assign(header.getCell(i + 1), {
      value: c.header,
      font: { name: FONT, size: 11, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } },
      border: BORDER,
    });
  });

  spec.rows.forEach((r, k) => {
    const row = sheet.getRow(OFFICE_HEADER_ROWS + 1 + k);
    spec.columns.forEach((c, i) => {
      const v = c.value(r);
      const cell = row.getCell(i + 1);
      cell.value = v ?? '';
      cell.font = { name: FONT, size: 11 };
      cell.border = BORDER;
      cell.alignment = typeof v === 'number' ? { horizontal: 'right', vertical: 'middle' } : { horizontal: 'left', vertical: 'middle', wrapText: true };
    });
  });

  const last = OFFICE_HEADER_ROWS + Math.max(spec.rows.length, 0);
  sheet.views = [{ state: 'frozen', ySplit: OFFICE_HEADER_ROWS, xSplit: 0 }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${OFFICE_HEADER_ROWS}:${OFFICE_HEADER_ROWS}`,
    printArea: `A1:${columnLetter(n)}${last}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return sheet;
}

export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet1';
}
