import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../core/sql.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { loginAs } from '../../test/factories.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDatabaseEmpty, seedDemoCity } from './demo-city.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await isDatabaseEmpty(t.services)).toBe(true);
  await seedDemoCity(t.services);
});
afterAll(async () => t.close());

describe('[演示] demo city', () => {
  it('is no longer empty, so a restart does not seed twice', async () => {
    expect(await isDatabaseEmpty(t.services)).toBe(false);
  });

  it('every demo account logs in with the demo password and holds its role', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const cookie = await loginAs(t, { username: a.username, password: DEMO_PASSWORD });
      const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
      expect(me.mustChangePassword).toBe(false);
      expect(me.roles.map((r: { role: string }) => r.role)).toEqual([a.role]);
    }
  });

  it('has the four offices of the seeds with their units', async () => {
    const cookie = await loginAs(t, { username: 'admin', password: DEMO_PASSWORD });
    const names = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } })).json().items.map((o: { name: string }) => o.name);
    for (const n of ['市委宣传部', '市人大常委会办公室', '综合科', '城关街道', '东门社区', '河湾村', '市教育局', '江城市第一中学']) expect(names).toContain(n);
  });

  it('the reporter sees only the community subtree', async () => {
    const cookie = await loginAs(t, { username: 'reporter', password: DEMO_PASSWORD });
    const names = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } })).json().items.map((o: { name: string }) => o.name);
    expect(names).toEqual(['东门社区']);
  });
});

describe('[演示] ledgers and the 两会 plan', () => {
  it('has a year of activities for a few units, 东门社区 one 中心组学习 behind the pace, and seed 000’s plan with two tasks assigned', async () => {
    const cookie = await loginAs(t, { username: 'editor', password: DEMO_PASSWORD });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }).then((r) => r.json());
    const year = new Date().getFullYear();
    const board = await get(`/api/targets/board?year=${year}`);
    const names = board.rows.map((r: { orgName: string }) => r.orgName);
    for (const n of ['城关街道', '东门社区', '江城市第一中学', '市人大常委会办公室']) expect(names).toContain(n);
    const dm = board.rows.find((r: { orgName: string }) => r.orgName === '东门社区');
    const study = dm.items.find((i: { kind: string }) => i.kind === 'study_sessions');
    const cg = board.rows.find((r: { orgName: string }) => r.orgName === '城关街道').items.find((i: { kind: string }) => i.kind === 'study_sessions');
    expect(cg.light).toBe('green');
    // The office's own unit (市委理论学习中心组) keeps pace and its 宣讲 reach all five venue types.
    const office = board.rows.find((r: { orgName: string }) => r.orgName === '中共江城市委');
    expect(office.items.find((i: { kind: string }) => i.kind === 'study_sessions').light).toBe('green');
    expect(office.items.find((i: { kind: string }) => i.kind === 'lecture_venues').light).toBe('green');
    if (cg.actual >= 2) expect(study.light).not.toBe('green');
    const plans = await get('/api/plans');
    expect(plans.items[0].title).toBe(`${year}年全国两会精神宣传工作方案`);
    const plan = await get(`/api/plans/${plans.items[0].id}`);
    expect(plan.phases.map((p: { name: string }) => p.name)).toEqual(['会前预热', '会中聚焦', '会后深化']);
    const assigned = plan.tasks.filter((x: { leadOrg: unknown }) => x.leadOrg);
    expect(assigned.map((x: { leadOrg: { name: string } }) => x.leadOrg.name).sort()).toEqual(['东门社区', '城关街道']);
    expect(assigned.some((x: { reportCount: number }) => x.reportCount === 1)).toBe(true);
  });
});

describe('[演示] demo opinion monitoring', () => {
  it('the monitor finds topics, mentions, a repost cluster, alerts in the inbox and an open incident', async () => {
    const cookie = await loginAs(t, { username: 'monitor', password: DEMO_PASSWORD });
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    expect((await get('/api/topics')).items.map((x: { name: string }) => x.name).sort()).toEqual(['人大代表+投诉', '城关街道+拆迁', '教育+收费'].sort());
    const mentions = await get('/api/mentions?pageSize=50');
    expect(mentions.total).toBe(8);
    expect(Math.max(...mentions.items.map((m: { clusterSize: number }) => m.clusterSize))).toBe(3);
    expect((await get('/api/alerts')).total).toBeGreaterThanOrEqual(2);
    expect((await get('/api/incidents?open=true')).total).toBe(1);
    // Each alert reached the demo monitor, in the inbox now or held by the 22:00–07:00 quiet hours.
    const rows = await queryRows<{ n: number }>(t.services.db, sql`select count(*)::int as n from alert_deliveries d join users u on u.id = d.user_id where u.username = 'monitor'`);
    expect(rows[0]?.n).toBe((await get('/api/alerts')).total);
  });
});

describe('[演示] demo adoptions and scores', () => {
  it('the office finds outlets, verified and pending adoptions, a ranking and explained points', async () => {
    const editor2 = await loginAs(t, { username: 'editor2', password: DEMO_PASSWORD });
    const get = async (url: string, cookie = editor2) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    expect((await get('/api/outlets')).items.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['人民日报', '新华社', '中国教育报', '人民教育', '江城日报']));
    // editor entered everything, so editor2 sees the unverified ones in the queue.
    expect((await get('/api/adoptions?toVerify=true')).total).toBe(2);
    const year = new Date().getFullYear();
    const stats = await get(`/api/statistics?grain=year&period=${year}`);
    const dm = stats.rows.find((r: { orgName: string }) => r.orgName === '东门社区');
    expect(dm.adoptedTotal).toBe(3);
    expect(dm.endorsements).toBe(1);
    const dmId = dm.orgId as string;
    const explained = await get(`/api/scoring-rules/explain?orgId=${dmId}`);
    expect(explained.total).toBe(dm.points);
    const refs = explained.lines.map((l: { ruleRef: string }) => l.ruleRef);
    expect(refs).toEqual(expect.arrayContaining(['endorsement.city', 'highest_level_only', 'level_genre.province.news']));
    const quotaUnits = (await get(`/api/quotas?year=${year}`)).rows.filter((r: { values: unknown; userId: string | null }) => r.values !== null && r.userId === null);
    expect(quotaUnits.length).toBe(7);
    // The demo city went live three months back: no unit is fined for a month before that.
    const live = new Date(Date.now() + 8 * 3600_000 - 90 * 86_400_000).toISOString().slice(0, 7);
    for (const u of quotaUnits as Array<{ orgId: string }>) {
      const lines = (await get(`/api/scoring-rules/explain?orgId=${u.orgId}`)).lines as Array<{ ruleRef: string; period: string }>;
      for (const l of lines.filter((x) => x.ruleRef === 'penalty.monthly_minimum')) expect(l.period >= live, `${l.period} before go-live ${live}`).toBe(true);
    }
  });
});

describe('[演示] releases and journals', () => {
  it('the editor finds the city channels, live releases on the portal, one post for the sweep, one piece ready to release, and a published 《政务信息》', async () => {
    const cookie = await loginAs(t, { username: 'editor', password: DEMO_PASSWORD });
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie } })).json();
    const channels = (await get('/api/releases/channels')).items.map((c: { name: string }) => c.name);
    expect(channels).toEqual(expect.arrayContaining(['江城市人民政府门户网站', '“江城发布”微信公众号', '“城关之窗”微信公众号']));
    expect((await get('/api/releases')).total).toBe(3);
    const sweep = await get('/api/releases/sweep?days=180');
    expect(sweep.items.map((r: { title: string }) => r.title)).toEqual(['东门社区组织开展高层住宅消防安全应急演练']);
    const portal = await t.app.inject({ method: 'GET', url: '/portal' });
    expect(portal.body).toContain('东门社区开展“敬老月”走访慰问活动');
    const ready = (await get('/api/manuscripts?view=all&status=approved&pageSize=50')).items.find((m: { title: string }) => m.title === '东门社区“四点半课堂”为双职工家庭解难题');
    expect((await get(`/api/releases/readiness?manuscriptId=${ready.id}`)).ready).toBe(true);
    const issues = (await get('/api/journals/issues')).items;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ journalName: '政务信息', number: 1, status: 'published', itemCount: 2 });
    expect((await get('/api/journals')).items.map((j: { name: string }) => j.name).sort()).toEqual(['人大工作', '政务信息', '要情快报'].sort());
  });
});
