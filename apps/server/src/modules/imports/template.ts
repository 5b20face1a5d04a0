import { ORG_KIND_LABELS, ROLE_LABELS } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';

export const ORG_SHEET = '单位';
export const USER_SHEET = '用户';
export const ORG_HEADERS = ['上级单位编码', '单位名称', '单位编码', '单位类型', '排序'] as const;
export const USER_HEADERS = ['用户名', '姓名', '手机', '邮箱', '所属单位编码', '角色', '授权单位编码', '初始密码'] as const;

/** The downloadable template, with one example row per sheet and the allowed values spelled out. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const orgSheet = wb.addWorksheet(ORG_SHEET);
  orgSheet.addRow([...ORG_HEADERS]);
  orgSheet.addRow(['CITY-PUB', '示例街道宣传办', 'STREET-DEMO', '街道', 10]);
  orgSheet.columns.forEach((c) => (c.width = 18));
  const userSheet = wb.addWorksheet(USER_SHEET);
  userSheet.addRow([...USER_HEADERS]);
  userSheet.addRow(['zhangsan', '张三', '13800000000', 'zhangsan@example.gov.cn', 'STREET-DEMO', '信息员', '', 'Init@2025abc']);
  userSheet.columns.forEach((c) => (c.width = 18));
  const help = wb.addWorksheet('填写说明');
  help.addRow(['说明']);
  help.addRow(['单位类型可填：' + Object.values(ORG_KIND_LABELS).join('、')]);
  help.addRow(['角色可填（多个用顿号分隔）：' + Object.values(ROLE_LABELS).join('、')]);
  help.addRow(['上级单位编码可以是系统中已有的单位，也可以是本表中排在前面的单位']);
  help.addRow(['授权单位编码留空时，角色授予在所属单位上']);
  help.addRow(['导入的账号为“待启用”状态，需安全管理员启用；首次登录须修改密码']);
  help.addRow(['任何一行有错误时，整个文件都不会导入']);
  help.getColumn(1).width = 80;
  for (const ws of [orgSheet, userSheet]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
