import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';

let t: TestApp;
let root: OrgRow;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  root = await buildOrg(t, { name: '导入根单位', kind: 'street' });
  admin = (await asUser(t, root, 'sysadmin')).cookie;
});
afterAll(async () => t.close());

async function workbook(orgRows: unknown[][], userRows: unknown[][]): Promise<Buffer> {
  const tpl = await t.app.inject({ method: 'GET', url: '/api/imports/template', headers: { cookie: admin } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
  for (const [name, rows] of [
    ['单位', orgRows],
    ['用户', userRows],
  ] as const) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    ws.spliceRows(2, ws.rowCount);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(buf: Buffer, filename = '导入.xlsx') {
  const boundary = '----xl' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), buf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: admin } };
}

const upload = (buf: Buffer) => t.app.inject({ method: 'POST', url: '/api/imports', ...multipart(buf) });

describe('[导入] units and users from .xlsx', () => {
  it('serves a template with both sheets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/imports/template', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '用户', '填写说明']);
  });

  it('imports a good file: units in order, users pending with their roles', async () => {
    const buf = await workbook(
      [
        [root.code, '导入街道', 'IMP-ST', '街道', 1],
        ['IMP-ST', '导入社区', 'IMP-CM', '村社区', 2],
      ],
      [['imp_user1', '导入用户', '13800000001', '', 'IMP-CM', '信息员、审核人', '', 'Import@2025x']],
    );
    const res = await upload(buf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, orgsCreated: 2, usersCreated: 1, errors: [] });
    const users = await t.app.inject({ method: 'GET', url: '/api/users?q=imp_user1', headers: { cookie: admin } });
    expect(users.json().items[0]).toMatchObject({ status: 'pending', orgName: '导入社区' });
    expect(
      users
        .json()
        .items[0].grants.map((g: { role: string }) => g.role)
        .sort(),
    ).toEqual(['reporter', 'reviewer']);
  });

  it('reports every bad row in 中文 and imports nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: admin } })).json().items.length;
    const buf = await workbook(
      [
        [root.code, '好单位', 'IMP-OK', '街道', 1],
        ['NOPE', '孤儿单位', 'IMP-ORPHAN', '街道', 1],
        [root.code, '类', 'bad code', '城堡', 'x'],
      ],
      [
        ['imp_ok2', '好用户', '', '', 'IMP-OK', '信息员', '', 'Import@2025x'],
        ['imp_bad', '坏用户', '123', 'not-mail', 'IMP-OK', '皇帝', '', 'short'],
        ['imp_two', '两职用户', '', '', 'IMP-OK', '系统管理员、审计管理员', '', 'Import@2025x'],
      ],
    );
    const res = await upload(buf);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(false);
    const where = body.errors.map((e: { sheet: string; row: number }) => `${e.sheet}${e.row}`);
    expect(where).toEqual(['单位3', '单位4', '用户3', '用户4']);
    const text = JSON.stringify(body.errors);
    for (const phrase of ['NOPE', '单位类型“城堡”无效', '手机号', '邮箱', '角色“皇帝”无效', '三员分立']) expect(text).toContain(phrase);
    const after = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: admin } })).json().items.length;
    expect(after).toBe(before);
    const users = await t.app.inject({ method: 'GET', url: '/api/users?q=imp_ok2', headers: { cookie: admin } });
    expect(users.json().total).toBe(0);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const res = await upload(Buffer.from('这不是表格'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toContain('.xlsx');
  });
});
