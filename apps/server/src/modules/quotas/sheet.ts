import ExcelJS from 'exceljs';
// Only what the parser worker needs: no database, no contracts, so the worker starts quickly.
import { ArchiveError } from '../../core/files/archive.ts';

export const QUOTA_HEADERS = ['单位编码', '单位名称', '人员账号（可选）', '每月最低报送', '中央级用稿', '省级用稿', '市级用稿', '县级用稿', '年度积分目标'] as const;

function text(cell: ExcelJS.CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') {
    if ('result' in cell) return String(cell.result ?? '').trim();
    if ('richText' in cell)
      return cell.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in cell && typeof cell.text === 'string') return cell.text.trim();
  }
  return String(cell).trim();
}

export interface QuotaSheet {
  /** A problem with the sheet as a whole (no sheet, wrong headers): nothing else is read. */
  problem: string | null;
  rows: Array<{ n: number; cells: string[] }>;
}

/** The sheet's non-empty rows as text, with no database access: runs in the parser worker. */
export async function readQuotaSheet(buf: Buffer): Promise<QuotaSheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new ArchiveError('无法读取该文件，请上传按模板填写的 .xlsx 文件', 'unsupported');
  }
  const ws = book.worksheets[0];
  if (!ws) return { problem: '文件中没有工作表', rows: [] };
  const head = QUOTA_HEADERS.map((_, i) => text(ws.getRow(1).getCell(i + 1).value));
  const missing = QUOTA_HEADERS.filter((h, i) => head[i] !== h);
  if (missing.length > 0) return { problem: `表头不符合模板，缺少或错位的列：${missing.join('、')}。请下载最新模板`, rows: [] };
  const rows: QuotaSheet['rows'] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = QUOTA_HEADERS.map((_, i) => text(r.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    rows.push({ n, cells });
  });
  return { problem: null, rows };
}
