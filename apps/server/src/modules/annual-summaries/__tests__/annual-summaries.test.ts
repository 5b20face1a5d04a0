import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, buildUser } from '../../../../test/factories.ts';
import { docxText } from '../../../../test/ledgers.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
let reporter: string;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  reporter = (await asUser(t, trees.a1, 'reporter')).cookie;
  const people = [await buildUser(t, { org: trees.a1 }), await buildUser(t, { org: trees.a1 })];
  const types = Object.fromEntries((await req('GET', '/api/activity-types', reporter)).json().items.map((x: { code: string; id: string }) => [x.code, x.id]));
  const add = async (type: string, heldOn: string, extra: object = {}) => {
    const r = await req('POST', '/api/activities', reporter, { orgId: trees.a1.id, typeId: types[type], heldOn, venueType: 'community', topic: `${type}活动`, ...extra });
    expect(r.statusCode, r.body).toBe(201);
  };
  const attendance = [
    { userId: people[0]?.id, status: 'present' },
    { userId: people[1]?.id, status: 'absent', absenceReason: '出差' },
  ];
  await add('study', '2025-01-10', { attendees: attendance });
  await add('study', '2025-02-10', { attendees: attendance });
  await add('lecture', '2025-03-10', { venueType: 'rural', outsideCount: 60, attendees: [{ userId: people[0]?.id, status: 'present' }] });
  await add('lecture', '2025-04-10', { venueType: 'campus', outsideCount: 40 });
  await add('training', '2025-05-10', { attendees: attendance });
  await add('study', '2024-12-30');
  const plan = await req('POST', '/api/plans', editor, {
    orgId: trees.a.id,
    title: '2025年宣传工作方案',
    year: 2025,
    phases: [{ name: '全年', tasks: [{ title: '开展宣讲', leadOrgId: trees.a1.id, deadline: '2025-06-30' }, { title: '更新宣传栏', leadOrgId: trees.a1.id, deadline: '2025-03-31' }] }],
  });
  expect(plan.statusCode, plan.body).toBe(201);
});
afterAll(async () => t.close());

describe('[年度总结] figures from the system, prose left to the editor', () => {
  it('counts the unit’s (and its subtree’s) ledger and tasks for the year; other modules are marked as not yet connected', async () => {
    const res = await req('GET', `/api/annual-summaries?orgId=${trees.a.id}&year=2025`, editor);
    expect(res.statusCode, res.body).toBe(200);
    const f = Object.fromEntries(res.json().figures.map((x: { key: string; value: number | null }) => [x.key, x.value]));
    expect(f).toMatchObject({ study_sessions: 2, study_rate: 50, lectures: 2, lecture_reach: 101, lecture_venues: 2, trainings: 1, training_attendees: 1, tasks_total: 2, tasks_done: 0, tasks_overdue: 2 });
    expect(f.manuscripts_submitted).toBeNull();
    expect(f.adoptions_central).toBeNull();
    expect(f.incidents_handled).toBeNull();
    // Releases and journals are connected: nothing released or published in this tree yet.
    expect(f).toMatchObject({ releases: 0, release_reach: 0, journal_issues: 0 });
  });

  it('drafts a .docx in the structure of seed 001 with the numbers in place', async () => {
    const res = await req('GET', `/api/annual-summaries/docx?orgId=${trees.a1.id}&year=2025`, reporter);
    expect(res.statusCode).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain('甲一社区2025年度宣传思想文化工作总结');
    for (const h of ['一、工作做法及成效', '二、存在的问题', '三、下一步打算']) expect(text).toContain(h);
    expect(text).toContain('全年召开理论学习中心组学习会 2 次');
    expect(text).toContain('组织开展理论宣讲 2 场，受众 101 人次，覆盖校园、农村等 2 类场所');
    expect(text).toContain('全年承担工作方案任务 2 项，已办结 0 项');
    expect(text).toContain('全年报送稿件 〔待接入〕 篇');
    expect(text).toContain('〔待编辑〕');
    // The problems section starts from the ledger's own facts.
    expect(text).toContain('中心组学习（要求 12次/年');
  });

  it('stays inside the reader’s scope', async () => {
    const outsider = (await asUser(t, trees.b, 'editor')).cookie;
    expect((await req('GET', `/api/annual-summaries?orgId=${trees.a1.id}&year=2025`, outsider)).statusCode).toBe(404);
    expect((await req('GET', `/api/annual-summaries/docx?orgId=${trees.a.id}&year=2025`, reporter)).statusCode).toBe(404);
    const monitor = (await asUser(t, trees.a, 'monitor')).cookie;
    expect((await req('GET', `/api/annual-summaries?orgId=${trees.a.id}&year=2025`, monitor)).statusCode).toBe(403);
  });
});
