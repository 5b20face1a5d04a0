import { QuotaValues, type QuotaRow } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../core/context.ts';
import { parseUntrusted } from '../../core/files/index.ts';
import { QUOTA_HEADERS, type QuotaSheet } from './sheet.ts';
import { requirePermission } from '../../core/scope.ts';
import { findOrgByCode, findOrgById } from '../orgs/index.ts';
import { unitsInScope } from '../statistics/index.ts';
import { findUserByUsername } from '../users/index.ts';
import { quotaRows } from './quotas.repo.ts';

const NUMERIC: Array<keyof QuotaValues> = ['monthlySubmissions', 'adoptionsCentral', 'adoptionsProvince', 'adoptionsCity', 'adoptionsCounty', 'points'];

/** The template, filled with the units in the editor's scope and what is already set for the year. */
export async function quotaTemplate(ctx: Ctx, year: number): Promise<Buffer> {
  const scope = requirePermission(ctx.actor, 'scoring.manage');
  const units = await unitsInScope(ctx.db, scope, null);
  const rows = await quotaRows(
    ctx.db,
    year,
    units.map((u) => u.orgId),
  );
  const codes = await Promise.all(units.map((u) => findOrgById(ctx.db, u.orgId)));
  const book = new ExcelJS.Workbook();
  book.creator = '宣联';
  const sheet = book.addWorksheet(`${year}年任务分解表`);
  sheet.columns = QUOTA_HEADERS.map((h, i) => ({ header: h, width: i === 1 ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  units.forEach((u, i) => {
    const q = rows.find((r) => r.orgId === u.orgId && r.userId === null);
    sheet.addRow([
      codes[i]?.code ?? '',
      u.orgName,
      '',
      q?.monthlySubmissions ?? 0,
      q?.adoptionsCentral ?? 0,
      q?.adoptionsProvince ?? 0,
      q?.adoptionsCity ?? 0,
      q?.adoptionsCounty ?? 0,
      q?.points ?? 0,
    ]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Reads the sheet (in the parser worker) and checks each row on its own, naming the row and the column in 中文. */
export async function parseQuotaWorkbook(ctx: Ctx, buf: Buffer): Promise<{ rows: Array<{ row: number; orgPath: string; quota: QuotaRow }>; errors: Array<{ row: number; message: string }> }> {
  const sheet = await parseUntrusted<QuotaSheet>({
    kind: 'xlsx',
    module: new URL('./sheet.ts', import.meta.url).href,
    fn: 'readQuotaSheet',
    bytes: buf,
    unreadable: '无法读取该文件，请上传按模板填写的 .xlsx 文件',
  });
  const errors: Array<{ row: number; message: string }> = [];
  const rows: Array<{ row: number; orgPath: string; quota: QuotaRow }> = [];
  if (sheet.problem) return { rows, errors: [{ row: 1, message: sheet.problem }] };
  const pending = sheet.rows;
  for (const { n, cells } of pending) {
    const [code = '', , username = ''] = cells;
    const org = code ? await findOrgByCode(ctx.db, code) : undefined;
    if (!code) {
      errors.push({ row: n, message: '单位编码为空' });
      continue;
    }
    if (!org) {
      errors.push({ row: n, message: `单位编码“${code}”不存在` });
      continue;
    }
    let userId: string | null = null;
    if (username) {
      const user = await findUserByUsername(ctx.db, username);
      if (!user) {
        errors.push({ row: n, message: `人员账号“${username}”不存在` });
        continue;
      }
      userId = user.id;
    }
    const raw = Object.fromEntries(NUMERIC.map((k, i) => [k, cells[i + 3] === '' ? 0 : Number(cells[i + 3])]));
    const parsed = QuotaValues.safeParse(raw);
    if (!parsed.success) {
      const bad = NUMERIC.map((k, i) => (Number.isNaN(raw[k]) ? QUOTA_HEADERS[i + 3] : null)).filter(Boolean);
      errors.push({ row: n, message: bad.length > 0 ? `${bad.join('、')}应为数字` : parsed.error.issues.map((i) => i.message).join('；') });
      continue;
    }
    rows.push({ row: n, orgPath: org.path, quota: { ...parsed.data, orgId: org.id, userId } });
  }
  return { rows, errors };
}
