import { orgs } from '@xuanlian/db';
import { DEFAULT_SCORING_RULES } from '@xuanlian/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { OFFICE_HEADER_ROWS } from '../../../core/xlsx/office-sheet.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { ensureStandardOutlets } from '../../outlets/index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
let editor2: string;
let reporterUser: BuiltUser;
const outlet: Record<string, string> = {};

const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const total = async (orgId: string) => (await req('GET', `/api/scoring-rules/explain?orgId=${orgId}`, editor)).json().total as number;
/** Records an adoption with one editor and verifies it with the other. */
async function adopt(orgOf: typeof trees.a1, name: string, adoptedOn: string, extra: object = {}) {
  const m = await insertManuscriptRow(t, { org: orgOf, reporterId: reporterUser.id, status: 'approved' });
  const created = await req('POST', '/api/adoptions', editor, { manuscriptId: m, outletId: outlet[name], adoptedOn, ...extra });
  expect(created.statusCode, created.body).toBe(201);
  const ok = await req('POST', `/api/adoptions/${created.json().id}/verify`, editor2);
  expect(ok.statusCode, ok.body).toBe(200);
  return { manuscriptId: m, adoptionId: created.json().id as string };
}

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  editor2 = (await asUser(t, trees.a, 'editor')).cookie;
  reporterUser = (await asUser(t, trees.a1, 'reporter')).user;
  await ensureStandardOutlets(t.services.db);
  for (const o of (await req('GET', '/api/outlets', editor)).json().items as Array<{ id: string; name: string }>) outlet[o.name] = o.id;
});
afterAll(async () => t.close());

describe('[积分] rule versions, recomputation and frozen periods', () => {
  it('a new rule version recomputes open periods; a closed period keeps its points', async () => {
    await adopt(trees.a1, '江城日报', '2025-01-15'); // city 消息… work_info 5
    await adopt(trees.a1, '江南日报', '2025-02-15'); // province 10
    expect(await total(trees.a1.id)).toBe(15);

    const close = await req('POST', '/api/scoring-rules/periods/2025-01/close', editor);
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json().items.find((p: { period: string }) => p.period === '2025-01')).toMatchObject({ closed: true });
    expect((await req('POST', '/api/scoring-rules/periods/2025-01/close', editor)).statusCode).toBe(409);
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect((await req('POST', `/api/scoring-rules/periods/${thisMonth}/close`, editor)).json().error.message).toBe('该月尚未结束，不能关账');

    const doubled = structuredClone(DEFAULT_SCORING_RULES);
    doubled.levelGenrePoints.city.work_info = 50;
    doubled.levelGenrePoints.province.work_info = 100;
    const inClosed = await req('POST', '/api/scoring-rules', editor, { effectiveFrom: '2025-01-20', note: '试图改已关账的月份', rules: doubled });
    expect(inClosed.statusCode).toBe(409);
    const v2 = await req('POST', '/api/scoring-rules', editor, { effectiveFrom: '2024-12-01', note: '全面提高分值', rules: doubled });
    expect(v2.statusCode).toBe(409);
    expect(v2.json().error.message).toContain('2025-01 已关账');
    const v3 = await req('POST', '/api/scoring-rules', editor, { effectiveFrom: '2025-02-01', note: '2025 年新办法', rules: doubled });
    expect(v3.statusCode, v3.body).toBe(201);
    expect(v3.json().version).toBe(2);
    // January stays at 5 (frozen), February is recomputed under version 2: 100.
    const lines = (await req('GET', `/api/scoring-rules/explain?orgId=${trees.a1.id}`, editor)).json().lines as Array<{ period: string; points: number; ruleVersion: number }>;
    expect(lines.filter((l) => l.period === '2025-01').map((l) => [l.points, l.ruleVersion])).toEqual([[5, 1]]);
    expect(lines.filter((l) => l.period === '2025-02').map((l) => [l.points, l.ruleVersion])).toEqual([[100, 2]]);
    expect(await total(trees.a1.id)).toBe(105);
    const rules = (await req('GET', '/api/scoring-rules', editor)).json();
    expect(rules.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
  });

  it('only the top-level office changes the rulebook; bad rules are refused per field in 中文', async () => {
    const district = (await asUser(t, trees.a1, 'editor')).cookie;
    const res = await req('POST', '/api/scoring-rules', district, { effectiveFrom: '2026-01-01', rules: DEFAULT_SCORING_RULES });
    expect(res.statusCode).toBe(403);
    const reporter = (await asUser(t, trees.a1, 'reporter')).cookie;
    expect((await req('POST', '/api/scoring-rules', reporter, { effectiveFrom: '2026-01-01', rules: DEFAULT_SCORING_RULES })).statusCode).toBe(403);
    const bad = await req('POST', '/api/scoring-rules', editor, { effectiveFrom: '2026-13-01', rules: { ...DEFAULT_SCORING_RULES, frontPageMultiplier: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('头版倍数不能小于 1');
  });

  it('a higher adoption in an open month after a lower one was frozen pays only the difference', async () => {
    const { manuscriptId } = await adopt(trees.a2, '江城日报', '2025-01-20'); // January is closed: nothing lands there now
    expect(await total(trees.a2.id)).toBe(0);
    const created = await req('POST', '/api/adoptions', editor, { manuscriptId, outletId: outlet['人民日报'], adoptedOn: '2025-03-02' });
    expect(created.statusCode, created.body).toBe(201);
    const verified = await req('POST', `/api/adoptions/${created.json().id}/verify`, editor2);
    expect(verified.statusCode, verified.body).toBe(200);
    // Highest-level-only: the central adoption is the one that counts (version 2: central work_info 20).
    expect(await total(trees.a2.id)).toBe(20);
  });

  it('endorsements score by leader level; statistics rank by points and equal the explained lines', async () => {
    const { manuscriptId } = await adopt(trees.a2, '江城新闻网', '2025-03-05');
    const e = await req('POST', '/api/endorsements', editor, { manuscriptId, leaderLevel: 'province', leaderName: '省委副书记', endorsedOn: '2025-03-08', text: '此经验做法值得推广' });
    expect(e.statusCode, e.body).toBe(201);
    const stats = await req('GET', `/api/statistics?grain=year&period=2025&orgId=${trees.a.id}`, editor);
    expect(stats.statusCode, stats.body).toBe(200);
    const rows = stats.json().rows as Array<{ orgId: string; points: number; rank: number; adopted: Record<string, number>; endorsements: number; adoptedTotal: number }>;
    const a1 = rows.find((r) => r.orgId === trees.a1.id);
    const a2 = rows.find((r) => r.orgId === trees.a2.id);
    for (const r of [a1, a2]) expect(r?.points).toBe(await total(r?.orgId ?? ''));
    expect(a1).toMatchObject({ rank: 1, adoptedTotal: 2 });
    expect(a2).toMatchObject({ rank: 2, endorsements: 1 });
    expect(a2?.adopted).toMatchObject({ central: 1, city: 2 });
    const q1 = await req('GET', `/api/statistics?grain=quarter&period=2025-Q1&orgId=${trees.a.id}&by=user`, editor);
    expect(q1.statusCode, q1.body).toBe(200);
    expect(q1.json().rows.find((r: { userId: string }) => r.userId === reporterUser.id)).toMatchObject({ adoptedTotal: 5 });
    expect((await req('GET', '/api/statistics?grain=month&period=2025-Q1', editor)).statusCode).toBe(400);
    const other = (await asUser(t, trees.b, 'editor')).cookie;
    expect((await req('GET', `/api/statistics?grain=year&period=2025&orgId=${trees.a.id}`, other)).statusCode).toBe(404);
    const xlsx = await req('GET', `/api/statistics/export.xlsx?grain=year&period=2025&orgId=${trees.a.id}`, editor);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(OFFICE_HEADER_ROWS).values).toContain('积分');
    expect(sheet?.getRow(OFFICE_HEADER_ROWS + 1).getCell(2).value).toBe('甲一社区');
    const trend = (await req('GET', `/api/statistics/trend?year=2025&orgId=${trees.a.id}`, editor)).json();
    expect(trend.adopted.slice(0, 3)).toEqual([2, 1, 2]);
  });
});

describe('[任务指标] quotas, progress and penalties', () => {
  it('the grid saves all rows or none, and a missed monthly minimum becomes a penalty line', async () => {
    const bad = await req('PUT', '/api/quotas', editor, {
      year: 2025,
      rows: [
        { orgId: trees.a1.id, monthlySubmissions: 1, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points: 100 },
        { orgId: trees.b1.id, monthlySubmissions: 1, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points: 0 },
      ],
    });
    expect(bad.statusCode).toBe(404);
    const twice = { orgId: trees.a1.id, monthlySubmissions: 1, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points: 0 };
    const dup = await req('PUT', '/api/quotas', editor, { year: 2025, rows: [twice, twice] });
    expect(dup.statusCode).toBe(400);
    expect(JSON.stringify(dup.json().error.details)).toContain('第 2 行：“甲一社区”重复出现');
    expect((await req('GET', `/api/quotas?year=2025&orgId=${trees.a1.id}`, editor)).json().rows[0].values).toBeNull();
    // 甲二社区 joined the system on 10 March 2025: its minimum is judged from April, its first whole month.
    await t.services.db
      .update(orgs)
      .set({ createdAt: new Date('2025-03-10T10:00:00+08:00') })
      .where(eq(orgs.id, trees.a2.id));
    const before = await total(trees.a2.id);
    const ok = await req('PUT', '/api/quotas', editor, {
      year: 2025,
      rows: [{ orgId: trees.a2.id, monthlySubmissions: 1, adoptionsCentral: 2, adoptionsProvince: 0, adoptionsCity: 0, adoptionsCounty: 0, points: 500 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = ok.json().rows.find((r: { orgId: string; userId: string | null }) => r.orgId === trees.a2.id && r.userId === null);
    // 2025 is over: expected = target; behind on points and central adoptions.
    expect(row.progress.adoptionsCentral).toMatchObject({ target: 2, actual: 1, expected: 2, forecast: 1, behind: true });
    expect(row.behind).toBe(true);
    // The test manuscripts were submitted today, not in 2025: April to December short by one piece, 2 points each.
    const lines = (await req('GET', `/api/scoring-rules/explain?orgId=${trees.a2.id}`, editor)).json().lines as Array<{ ruleRef: string; period: string; points: number }>;
    const penalties = lines.filter((l) => l.ruleRef === 'penalty.monthly_minimum');
    expect(penalties.map((l) => l.period).sort()).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    expect(penalties.every((l) => l.points === -2)).toBe(true);
    expect(await total(trees.a2.id)).toBe(before - 18);
  });

  it('imports an .xlsx all-or-nothing with a 中文 error per row', async () => {
    const sheetOf = async (rows: unknown[][]) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('指标');
      ws.addRow(['单位编码', '单位名称', '人员账号（可选）', '每月最低报送', '中央级用稿', '省级用稿', '市级用稿', '县级用稿', '年度积分目标']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const good1 = [trees.a1.code, '甲一社区', '', 2, 1, 2, 3, 4, 200];
    const upload = async (buf: Buffer) => {
      const boundary = 'xlq';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="q.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        buf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: '/api/quotas/import?year=2026', headers: { cookie: editor, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const res = await upload(await sheetOf([good1, ['NOPE', '不存在', '', 1, 0, 0, 0, 0, 0], [trees.a2.code, '甲二社区', '', '很多', 0, 0, 0, 0, 0]]));
    expect(res.json()).toMatchObject({ ok: false, saved: 0 });
    expect(res.json().errors).toEqual([
      { row: 3, message: '单位编码“NOPE”不存在' },
      { row: 4, message: '每月最低报送应为数字' },
    ]);
    expect((await req('GET', `/api/quotas?year=2026&orgId=${trees.a1.id}`, editor)).json().rows[0].values).toBeNull();
    const good = await upload(await sheetOf([good1]));
    expect(good.json(), good.body).toMatchObject({ ok: true, saved: 1 });
    expect((await req('GET', `/api/quotas?year=2026&orgId=${trees.a1.id}`, editor)).json().rows[0].values).toMatchObject({ monthlySubmissions: 2, adoptionsCity: 3, points: 200 });
    const tpl = await req('GET', '/api/quotas/template.xlsx?year=2026', editor);
    expect(tpl.statusCode).toBe(200);
  });
});
