import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { chinaDate } from '../../../core/china-time/index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let leader: { user: BuiltUser; cookie: string };
let reporter: { user: BuiltUser; cookie: string };
const year = chinaDate().slice(0, 4);

const get = (url: string, cookie = leader.cookie) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  leader = await asUser(t, trees.a, 'leader');
  reporter = await asUser(t, trees.a1, 'reporter');
  await asUser(t, trees.a2, 'reporter');
  await insertManuscriptRow(t, { org: trees.a1, reporterId: reporter.user.id, status: 'approved' });
  // A unit with no 信息员 account yet has still reported nothing.
  await buildOrg(t, { parent: trees.a, name: '甲三社区', kind: 'community' });
});
afterAll(async () => t.close());

describe('[看板] the leaders dashboard', () => {
  it('reuses the statistics and shows the deadline and the units with nothing submitted this month', async () => {
    const res = await get(`/api/dashboard?grain=year&period=${year}&orgId=${trees.a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const stats = (await get(`/api/statistics?grain=year&period=${year}&orgId=${trees.a.id}`)).json();
    expect(d.totals.submitted).toBe(stats.rows.reduce((n: number, r: { submitted: number }) => n + r.submitted, 0));
    expect(d.totals.submitted).toBeGreaterThanOrEqual(1);
    expect(d.trend.months).toHaveLength(12);
    expect(d.adoptionsByLevel.map((l: { label: string }) => l.label)).toEqual(['中央', '省级', '市级', '县级', '自有']);
    expect(d.ranking.length).toBeLessThanOrEqual(10);
    expect(d.categoryMix.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(d.totals.submitted);
    expect(d.statisticsDeadlineDay).toBe(24);
    expect(d.statisticsDeadline).toBe(`${chinaDate().slice(0, 7)}-24`);
    // 本月尚未报送 is the month's statistics: the office's units (never the office) with 报送 0 —
    // the same rule as a 通报's 通报批评, so the two pages can never disagree.
    const silent = d.unitsWithoutSubmission.map((u: { name: string }) => u.name).sort();
    expect(silent).toEqual(['甲三社区', '甲二社区'].sort());
    const month = (await get(`/api/statistics?grain=month&period=${chinaDate().slice(0, 7)}&orgId=${trees.a.id}`)).json();
    expect(silent).toEqual(
      month.rows
        .filter((r: { orgId: string; submitted: number }) => r.orgId !== trees.a.id && r.submitted === 0)
        .map((r: { orgName: string }) => r.orgName)
        .sort(),
    );
    // 舆情, 台账 and 督办 panels, each with its own module's definition.
    expect(d.opinion).toMatchObject({ total: 0, negative: 0, openIncidents: 0 });
    expect(d.ledger.total).toBe(d.ledger.green + d.ledger.yellow + d.ledger.red);
    const targets = (await get(`/api/targets?orgId=${trees.a.id}&year=${year}`)).json();
    expect(d.ledger.red).toBe(targets.items.filter((i: { light: string }) => i.light === 'red').length);
    expect(d.supervision).toEqual({ total: 0, done: 0, late: 0, overdue: 0 });
  });

  it('keeps other trees out (404) and the reporter away (403)', async () => {
    expect((await get(`/api/dashboard?grain=year&period=${year}&orgId=${trees.b.id}`)).statusCode).toBe(404);
    expect((await get(`/api/dashboard?grain=year&period=${year}`, reporter.cookie)).statusCode).toBe(403);
  });
});
