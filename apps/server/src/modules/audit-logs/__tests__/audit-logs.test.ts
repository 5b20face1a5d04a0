import ExcelJS from 'exceljs';
import { OFFICE_HEADER_ROWS } from '../../../core/xlsx/office-sheet.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees } from '../../../../test/factories.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let admin: { user: { id: string }; cookie: string };
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  admin = await asUser(t, trees.a, 'sysadmin');
  auditor = (await asUser(t, trees.a, 'auditor')).cookie;
  await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { cookie: admin.cookie }, payload: { parentId: trees.a1.id, name: '审计测试科', kind: 'section', code: 'AUD-T' } });
});
afterAll(async () => t.close());

describe('[审计] auditor page', () => {
  it('filters by actor, action and unit, newest first', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/audit-logs?actorId=${admin.user.id}&action=org.create`, headers: { cookie: auditor } });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ action: 'org.create', actorId: admin.user.id, after: expect.objectContaining({ name: '审计测试科' }) });
    const byUnit = await t.app.inject({ method: 'GET', url: `/api/audit-logs?orgId=${trees.b.id}`, headers: { cookie: auditor } });
    expect(byUnit.statusCode).toBe(404);
    const logins = await t.app.inject({ method: 'GET', url: '/api/audit-logs?action=auth.login', headers: { cookie: auditor } });
    expect(logins.json().total).toBeGreaterThanOrEqual(2);
    const ids = logins.json().items.map((r: { id: number }) => r.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
  });

  it('filters by time', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const none = await t.app.inject({ method: 'GET', url: `/api/audit-logs?from=${encodeURIComponent(future)}`, headers: { cookie: auditor } });
    expect(none.json().total).toBe(0);
    const some = await t.app.inject({ method: 'GET', url: `/api/audit-logs?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`, headers: { cookie: auditor } });
    expect(some.json().total).toBeGreaterThan(0);
    const bad = await t.app.inject({ method: 'GET', url: '/api/audit-logs?from=yesterday', headers: { cookie: auditor } });
    expect(bad.statusCode).toBe(400);
  });

  it('exports .xlsx with 中文 headers, and the export is itself audited', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/audit-logs/export?action=org.create', headers: { cookie: auditor } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志');
    expect(ws?.getCell('A1').value).toBe('安全审计日志');
    expect(ws?.getRow(OFFICE_HEADER_ROWS).getCell(4).value).toBe('单位');
    expect(ws?.getRow(OFFICE_HEADER_ROWS).getCell(5).value).toBe('操作');
    expect(ws?.getRow(OFFICE_HEADER_ROWS + 1).getCell(5).value).toBe('新建单位');
    expect(ws?.getRow(OFFICE_HEADER_ROWS + 1).getCell(4).value).not.toBe('');
    const audited = await t.app.inject({ method: 'GET', url: '/api/audit-logs?action=audit.export', headers: { cookie: auditor } });
    expect(audited.json().total).toBe(1);
  });

  it('the verify button reports an intact chain, then the row edited in SQL', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/audit-logs/verify', headers: { cookie: auditor } });
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenId: null });
    await t.services.db.execute(sql`update audit_logs set actor_name = '某人' where id = (select min(id) + 1 from audit_logs)`);
    const broken = await t.app.inject({ method: 'POST', url: '/api/audit-logs/verify', headers: { cookie: auditor } });
    expect(broken.json().ok).toBe(false);
    expect(broken.json().message).toMatch(/篡改/);
  });
});

describe('[审计] the 校验 button holds the log against signed checkpoints', () => {
  it('signs the head it found intact, then reports rows cut from the end', async () => {
    const fresh = await createTestApp();
    try {
      const two = await buildTwoTrees(fresh);
      const aud = (await asUser(fresh, two.a, 'auditor')).cookie;
      const verify = async () => (await fresh.app.inject({ method: 'POST', url: '/api/audit-logs/verify', headers: { cookie: aud } })).json();
      const first = await verify();
      expect(first).toMatchObject({ ok: true, findings: [], latestCheckpoint: null });
      // The clean check signed a checkpoint covering itself.
      const second = await verify();
      expect(second.ok).toBe(true);
      expect(second.latestCheckpoint).toMatchObject({ lastId: expect.any(Number), rowCount: second.checked });
      await fresh.services.db.execute(sql`delete from audit_logs where id >= ${second.latestCheckpoint.lastId - 1}`);
      const cut = await verify();
      expect(cut.ok).toBe(false);
      expect(cut.findings.map((f: { kind: string }) => f.kind)).toContain('truncated');
      expect(cut.message).toContain('审计日志末尾被删除');
    } finally {
      await fresh.close();
    }
  });
});
