import { auditLogs, scoreLines } from '@xuanlian/db';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { OFFICE_HEADER_ROWS } from '../../../core/xlsx/office-sheet.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { chinaDate } from '../../../core/china-time/index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: { user: BuiltUser; cookie: string };
let reporter: { user: BuiltUser; cookie: string };
const year = Number(chinaDate().slice(0, 4));
const month = chinaDate().slice(0, 7);

const call = (method: 'GET' | 'PUT', url: string, payload?: object, cookie = editor.cookie) => t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });
const base = { points: 40, quota: 30, targets: 15, tasks: 15, praiseTop: 1, praiseThreshold: 0, criticiseBottom: 1 };
const line = (orgId: string, centi: number) => ({
  period: month,
  subjectType: 'org',
  orgId,
  centi,
  ruleVersion: 1,
  ruleRef: 'test',
  explanation: '测试积分',
  sourceType: 'adoption',
  sourceId: `test:${orgId}`,
});

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  // A section with no 任务分解表 row: not assessed once the year has a table.
  await buildOrg(t, { parent: trees.a, name: '甲单位办公室', kind: 'section' });
  editor = await asUser(t, trees.a, 'editor');
  reporter = await asUser(t, trees.a1, 'reporter');
  // Quotas first (saving them rebuilds open score lines), then the seeded points.
  const q = (orgId: string, points: number) => ({ orgId, monthlySubmissions: 0, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points });
  const saved = await call('PUT', '/api/quotas', { year, rows: [q(trees.a1.id, 1000), q(trees.a2.id, 1)] });
  expect(saved.statusCode, saved.body).toBe(200);
  await t.services.db.insert(scoreLines).values([line(trees.a1.id, 1000), line(trees.a2.id, 500)]);
  await insertManuscriptRow(t, { org: trees.a1, reporterId: reporter.user.id, status: 'approved' });
});
afterAll(async () => t.close());

describe('[考核] the year-end unit scorecard', () => {
  it('each part equals its source module figure for a seeded unit', async () => {
    const res = await call('GET', `/api/assessments?year=${year}&orgId=${trees.a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.weightsSaved).toBe(false);
    expect(a.formulas.points).toContain('× 100');
    expect(a.basis).toBe('quotas');
    expect(a.rows.map((r: { orgName: string }) => r.orgName).sort()).toEqual(['甲一社区', '甲二社区']);
    const row = (id: string) => a.rows.find((r: { orgId: string }) => r.orgId === id);

    // Points: the statistics' year points, normalised to the best unit.
    const stats = (await call('GET', `/api/statistics?grain=year&period=${year}&by=org&orgId=${trees.a.id}`)).json().rows;
    const pts = (id: string) => stats.find((r: { orgId: string }) => r.orgId === id).points;
    expect(pts(trees.a1.id)).toBe(10);
    expect(row(trees.a1.id).parts.points.score).toBe(100);
    expect(row(trees.a2.id).parts.points.score).toBe((pts(trees.a2.id) / pts(trees.a1.id)) * 100);

    // Quota: the 任务分解表 progress (actual ÷ target, capped at 1).
    const grid = (await call('GET', `/api/quotas?year=${year}&orgId=${trees.a.id}`)).json().rows;
    const prog = (id: string) => grid.find((r: { orgId: string; userId: string | null }) => r.orgId === id && r.userId === null).progress.points;
    expect(row(trees.a1.id).parts.quota.score).toBe(Math.round((prog(trees.a1.id).actual / prog(trees.a1.id).target) * 1000) / 10);
    expect(row(trees.a2.id).parts.quota.score).toBe(100);

    // Ledger targets: green lights over enabled targets on the targets board.
    const board = (await call('GET', `/api/targets/board?year=${year}&orgId=${trees.a.id}`)).json().rows;
    const items = board.find((r: { orgId: string }) => r.orgId === trees.a1.id).items.filter((i: { enabled: boolean }) => i.enabled);
    const green = items.filter((i: { light: string }) => i.light === 'green').length;
    expect(row(trees.a1.id).parts.targets.score).toBe(items.length ? Math.round((green / items.length) * 1000) / 10 : null);

    // Tasks: no tasks due → the part is left out of the weighting.
    expect(row(trees.a1.id).parts.tasks.score).toBeNull();

    // 通报批评: a2 reported nothing this year.
    expect(a.criticised).toContain('甲二社区');
    expect(row(trees.a2.id).criticisedWhy).toBe('全年未报送信息');
  });

  it('a year without a 任务分解表 assesses every unit under the office, never the office itself', async () => {
    const a = (await call('GET', `/api/assessments?year=${year - 1}&orgId=${trees.a.id}`)).json();
    expect(a.basis).toBe('subtree');
    expect(a.rows.map((r: { orgName: string }) => r.orgName).sort()).toEqual(['甲一社区', '甲二社区', '甲单位办公室'].sort());
  });

  it('weights change the ranking as expected, and the save is audited', async () => {
    const rank = async (weights: object) => {
      const res = await call('PUT', '/api/assessments/weights', { year, orgId: trees.a.id, weights });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().rows.map((r: { orgName: string }) => r.orgName);
    };
    expect(await rank({ ...base, points: 100, quota: 0, targets: 0, tasks: 0 })).toEqual(['甲一社区', '甲二社区']);
    expect(await rank({ ...base, points: 0, quota: 100, targets: 0, tasks: 0 })).toEqual(['甲二社区', '甲一社区']);
    const now = (await call('GET', `/api/assessments?year=${year}&orgId=${trees.a.id}`)).json();
    expect(now.weightsSaved).toBe(true);
    expect(now.weights.quota).toBe(100);
    expect(now.rows[0].total).toBe(100);
    const audits = await t.services.db.select().from(auditLogs).where(eq(auditLogs.action, 'assessment_weights.save'));
    expect(audits.length).toBe(2);
    const bad = await call('PUT', '/api/assessments/weights', { year, orgId: trees.a.id, weights: { ...base, points: 0, quota: 0, targets: 0, tasks: 0 } });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.message).toBe('各分项权重不能全为 0');
  });

  it('exports the scorecard as .xlsx with the formulas', async () => {
    const res = await call('GET', `/api/assessments/export.xlsx?year=${year}&orgId=${trees.a.id}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('年度考核');
    expect(sheet?.getCell('A2').value).toMatch(/^制表单位：/);
    expect(sheet?.getRow(OFFICE_HEADER_ROWS + 1).getCell(2).value).toBe('甲二社区');
    expect(
      book
        .getWorksheet('计分说明')
        ?.getRow(OFFICE_HEADER_ROWS + 1)
        .getCell(2).value,
    ).toContain('× 100');
  });

  it('keeps other trees out (404) and the reporter away (403)', async () => {
    expect((await call('GET', `/api/assessments?year=${year}&orgId=${trees.b.id}`)).statusCode).toBe(404);
    expect((await call('PUT', '/api/assessments/weights', { year, orgId: trees.b.id, weights: base })).statusCode).toBe(404);
    expect((await call('GET', `/api/assessments?year=${year}&orgId=${trees.a1.id}`, undefined, reporter.cookie)).statusCode).toBe(403);
    expect((await call('PUT', '/api/assessments/weights', { year, orgId: trees.a1.id, weights: base }, reporter.cookie)).statusCode).toBe(403);
  });
  it('a unit whose penalties outweigh its points scores 0 on points and quota, never below', async () => {
    await t.services.db
      .insert(scoreLines)
      .values({ ...line(trees.a2.id, -2000), ruleRef: 'penalty.monthly_minimum', explanation: '测试扣分', sourceType: 'penalty', sourceId: `test-penalty:${trees.a2.id}` });
    const a = (await call('GET', `/api/assessments?year=${year}&orgId=${trees.a.id}`)).json();
    const a2 = a.rows.find((r: { orgId: string }) => r.orgId === trees.a2.id);
    expect(a2.parts.points.score).toBe(0);
    expect(a2.parts.quota.score).toBe(0);
    expect(a2.parts.quota.detail).toContain('-15/1');
  });
});
