import { ORG_KIND_LABELS, ROLE_LABELS, type ImportRowError, type OrgKind, type Role } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
import { ORG_HEADERS, ORG_SHEET, USER_HEADERS, USER_SHEET } from './template.ts';

export interface OrgRowIn {
  row: number;
  parentCode: string;
  name: string;
  code: string;
  kind: OrgKind;
  sortOrder: number;
}
export interface UserRowIn {
  row: number;
  username: string;
  name: string;
  phone: string | null;
  email: string | null;
  orgCode: string;
  roles: Role[];
  grantOrgCode: string;
  password: string;
}

const kindByLabel = new Map<string, OrgKind>(Object.entries(ORG_KIND_LABELS).map(([k, v]) => [v, k as OrgKind]));
const roleByLabel = new Map<string, Role>(Object.entries(ROLE_LABELS).map(([k, v]) => [v, k as Role]));

function text(cell: ExcelJS.CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') {
    if ('text' in cell && typeof cell.text === 'string') return cell.text.trim();
    if ('result' in cell) return String(cell.result ?? '').trim();
    if ('richText' in cell)
      return cell.richText
        .map((r) => r.text)
        .join('')
        .trim();
  }
  return String(cell).trim();
}

function rowsOf(ws: ExcelJS.Worksheet | undefined, headers: readonly string[], sheet: string, errors: ImportRowError[]) {
  const out: Array<{ row: number; cells: string[] }> = [];
  if (!ws) return out;
  const head = headers.map((_, i) => text(ws.getRow(1).getCell(i + 1).value));
  const missing = headers.filter((h, i) => !head[i]?.startsWith(h));
  if (missing.length > 0) {
    errors.push({ sheet, row: 1, message: `表头不符合模板，缺少或错位的列：${missing.join('、')}。请下载最新模板` });
    return out;
  }
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = headers.map((_, i) => text(r.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    out.push({ row: n, cells });
  });
  return out;
}

export interface ParsedWorkbook {
  orgs: OrgRowIn[];
  users: UserRowIn[];
  errors: ImportRowError[];
}

/** Reads both sheets and checks each row on its own; cross-row and database checks come later. Runs in the parser worker. */
export async function parseImportWorkbook(buf: Buffer): Promise<ParsedWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件不是有效的 Excel（.xlsx）文件，请使用下载的模板');
  }
  const errors: ImportRowError[] = [];
  const orgSheet = wb.getWorksheet(ORG_SHEET);
  const userSheet = wb.getWorksheet(USER_SHEET);
  if (!orgSheet && !userSheet) {
    throw new AppError('VALIDATION', `文件中没有“${ORG_SHEET}”或“${USER_SHEET}”工作表，请使用下载的模板`);
  }
  const orgs: OrgRowIn[] = [];
  for (const { row, cells } of rowsOf(orgSheet, ORG_HEADERS, ORG_SHEET, errors)) {
    const [parentCode = '', name = '', code = '', kindLabel = '', sort = ''] = cells;
    const problems: string[] = [];
    if (!parentCode) problems.push('上级单位编码不能为空');
    if (name.length < 2 || name.length > 60) problems.push('单位名称应为 2～60 个字');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) problems.push('单位编码应为 1～32 位字母、数字、下划线或短横线');
    const kind = kindByLabel.get(kindLabel);
    if (!kind) problems.push(`单位类型“${kindLabel}”无效，可填：${[...kindByLabel.keys()].join('、')}`);
    const sortOrder = sort === '' ? 0 : Number(sort);
    if (!Number.isInteger(sortOrder) || sortOrder < 0) problems.push('排序应为非负整数');
    if (problems.length > 0 || !kind) errors.push({ sheet: ORG_SHEET, row, message: problems.join('；') });
    else orgs.push({ row, parentCode, name, code, kind, sortOrder });
  }
  const users: UserRowIn[] = [];
  for (const { row, cells } of rowsOf(userSheet, USER_HEADERS, USER_SHEET, errors)) {
    const [username = '', name = '', phone = '', email = '', orgCode = '', roleText = '', grantOrgCode = '', password = ''] = cells;
    const problems: string[] = [];
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) problems.push('用户名应为 3～32 位字母、数字、下划线、点或短横线');
    if (name.length < 2 || name.length > 30) problems.push('姓名应为 2～30 个字');
    if (phone && !/^1\d{10}$/.test(phone)) problems.push('手机号应为 11 位数字');
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push('邮箱格式不正确');
    if (!orgCode) problems.push('所属单位编码不能为空');
    if (!password) problems.push('初始密码不能为空');
    const labels = roleText.split(/[、,，;；\s]+/).filter(Boolean);
    const roles = labels.map((l) => roleByLabel.get(l));
    const bad = labels.filter((_, i) => !roles[i]);
    if (bad.length > 0) problems.push(`角色“${bad.join('、')}”无效`);
    if (problems.length > 0) errors.push({ sheet: USER_SHEET, row, message: problems.join('；') });
    else
      users.push({
        row,
        username,
        name,
        phone: phone || null,
        email: email || null,
        orgCode,
        roles: roles.filter((r): r is Role => Boolean(r)),
        grantOrgCode: grantOrgCode || orgCode,
        password,
      });
  }
  return { orgs, users, errors };
}
