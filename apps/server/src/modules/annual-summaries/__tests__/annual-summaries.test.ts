import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { adoptions, manuscripts, opinionIncidents, outlets } from '@xuanlian/db';
import { eq, sql } from 'drizzle-orm';
import { asUser, buildTwoTrees, buildUser, insertManuscriptRow } from '../../../../test/factories.ts';
import { docxText } from '../../../../test/ledgers.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
let reporter: string;

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

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
  await add('training', '2025-05-10', { attendees: attendance, outsideCount: 5 });
  await add('study', '2024-12-30');
  // Seed 001's other items, recorded as activities of their built-in types.
  await add('party_group_meeting', '2025-06-01');
  await add('symposium', '2025-08-01');
  await add('symposium', '2024-08-01');
  // Both units were in the system for all of 2024, so 2025 is compared with it.
  await t.services.db.execute(sql`update orgs set created_at = '2023-06-01T00:00:00+08:00' where id in (${trees.a.id}, ${trees.a1.id})`);
  const plan = await req('POST', '/api/plans', editor, {
    orgId: trees.a.id,
    title: '2025年宣传工作方案',
    year: 2025,
    phases: [
      {
        name: '全年',
        tasks: [
          { title: '开展宣讲', leadOrgId: trees.a1.id, deadline: '2025-06-30' },
          { title: '更新宣传栏', leadOrgId: trees.a1.id, deadline: '2025-03-31' },
        ],
      },
    ],
  });
  expect(plan.statusCode, plan.body).toBe(201);

  // 2025's manuscripts, verified adoptions and incidents, straight into the tables with their dates;
  // one of each on the wrong side of New Year in Beijing, which the summary must leave out.
  const db = t.services.db;
  const reporterId = (await buildUser(t, { org: trees.a1, roles: [{ role: 'reporter' }] })).id;
  const submittedAt = ['2025-03-01T02:00:00Z', '2025-07-01T02:00:00Z', '2025-12-31T16:30:00Z' /* 00:30 on 2026-01-01 in Beijing */];
  const ids: string[] = [];
  for (const at of submittedAt) {
    const id = await insertManuscriptRow(t, { org: trees.a1, reporterId, status: 'approved' });
    await db
      .update(manuscripts)
      .set({ firstSubmittedAt: new Date(at), submittedAt: new Date(at) })
      .where(eq(manuscripts.id, id));
    ids.push(id);
  }
  const [central, city] = await db
    .insert(outlets)
    .values([
      { name: '年度总结测试·中央媒体', level: 'central', type: 'newspaper' },
      { name: '年度总结测试·市级媒体', level: 'city', type: 'website' },
    ])
    .returning();
  await db.insert(adoptions).values([
    { manuscriptId: ids[0]!, orgId: trees.a1.id, outletId: central!.id, adoptedOn: '2025-03-05', status: 'verified', enteredByName: '测试' },
    { manuscriptId: ids[1]!, orgId: trees.a1.id, outletId: city!.id, adoptedOn: '2025-07-03', status: 'verified', enteredByName: '测试' },
    { manuscriptId: ids[0]!, orgId: trees.a1.id, outletId: city!.id, adoptedOn: '2025-03-06', status: 'pending', enteredByName: '测试' },
  ]);
  const incident = (closedAt: string | null, stage: string) => ({
    orgId: trees.a1.id,
    stageOwnerOrgId: trees.a1.id,
    title: '测试事件',
    grade: 'general',
    stage,
    createdByName: '测试',
    closedAt: closedAt ? new Date(closedAt) : null,
  });
  await db.insert(opinionIncidents).values([incident('2025-05-01T00:00:00Z', 'closed'), incident('2024-12-31T15:00:00Z' /* 23:00 on 2024-12-31 in Beijing */, 'closed'), incident(null, 'handling')]);
});
afterAll(async () => t.close());

describe('[年度总结] figures from the system, prose left to the editor', () => {
  it('counts the unit’s (and its subtree’s) ledger, tasks, submissions, adoptions and incidents for the year', async () => {
    const res = await req('GET', `/api/annual-summaries?orgId=${trees.a.id}&year=2025`, editor);
    expect(res.statusCode, res.body).toBe(200);
    const f = Object.fromEntries(res.json().figures.map((x: { key: string; value: number | null }) => [x.key, x.value]));
    // 中心组学习 and its 参学率 are the office's own (its sessions are held by 甲一社区, not by it).
    expect(f).toMatchObject({
      study_sessions: 0,
      study_rate: 0,
      lectures: 2,
      lecture_reach: 101,
      lecture_venues: 2,
      trainings: 1,
      training_attendees: 6,
      tasks_total: 2,
      tasks_done: 0,
      tasks_overdue: 2,
    });
    // One figure, one definition: submissions and adoptions are the 统计 page's, summed over the subtree.
    expect(f).toMatchObject({ manuscripts_submitted: 2, adoptions_central: 1, adoptions_province: 0, adoptions_city: 1, adoptions_county: 0, incidents_handled: 1 });
    const stats = (await req('GET', `/api/statistics?grain=year&period=2025&by=org&orgId=${trees.a.id}`, editor)).json();
    const sum = (pick: (r: { submitted: number; adopted: Record<string, number> }) => number) => stats.rows.reduce((n: number, r: never) => n + pick(r), 0);
    expect(f.manuscripts_submitted).toBe(sum((r) => r.submitted));
    expect(f.adoptions_central).toBe(sum((r) => r.adopted.central ?? 0));
    expect(f.adoptions_city).toBe(sum((r) => r.adopted.city ?? 0));
    expect(res.json().figures.every((x: { value: number | null }) => x.value !== null)).toBe(true);
    // Releases and journals are connected: nothing released or published in this tree yet.
    expect(f).toMatchObject({ releases: 0, release_reach: 0, journal_issues: 0 });
    // Seed 001's items from the ledger by type; endorsements and briefs from their modules.
    expect(f).toMatchObject({ party_group_meetings: 1, symposiums: 1, weekly_study: 0, field_teaching: 0, press_conferences: 0, endorsements: 0, briefs_daily: 0, briefs_weekly: 0 });
    // 同比: the same figure for 2024, by the same definition.
    const previous = Object.fromEntries(res.json().figures.map((x: { key: string; previous: number | null }) => [x.key, x.previous]));
    expect(previous).toMatchObject({ symposiums: 1, party_group_meetings: 0, lectures: 0 });
  });

  it('one figure, one definition: 中心组学习, 参学率 and 参训 are what 指标完成 shows for the same unit and year', async () => {
    const summary = await req('GET', `/api/annual-summaries?orgId=${trees.a1.id}&year=2025`, editor);
    const f = Object.fromEntries(summary.json().figures.map((x: { key: string; value: number }) => [x.key, x.value]));
    // The unit is held to a training target this year, so 指标完成 shows its 参训.
    const set = await req('PUT', '/api/targets', editor, { orgId: trees.a1.id, year: 2025, kind: 'trainings', threshold: 2 });
    expect(set.statusCode, set.body).toBe(200);
    const targets = (await req('GET', `/api/targets?orgId=${trees.a1.id}&year=2025`, editor)).json();
    const item = (kind: string) => targets.items.find((i: { kind: string }) => i.kind === kind);
    expect(f.study_sessions).toBe(item('study_sessions').actual);
    expect(f.study_sessions).toBe(2);
    expect(f.study_rate).toBe(item('attendance_rate').actual);
    expect(item('trainings').detail).toContain(`参训 ${f.training_attendees} 人次`);
    const previous = Object.fromEntries(summary.json().figures.map((x: { key: string; previous: number | null }) => [x.key, x.previous]));
    expect(previous.study_sessions).toBe(1);
  });

  it('drafts a .docx in the structure of seed 001 with the numbers in place', async () => {
    const res = await req('GET', `/api/annual-summaries/docx?orgId=${trees.a1.id}&year=2025`, reporter);
    expect(res.statusCode).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain('甲一社区2025年度宣传思想文化工作总结');
    for (const h of ['一、工作做法及成效', '二、存在的问题', '三、下一步打算']) expect(text).toContain(h);
    expect(text).toContain('全年召开理论学习中心组学习会2次，同比增长100%，召开党组会议1次，未开展专题研讨，中心组参学率50%。');
    expect(text).toContain('组织开展理论宣讲2场，受众101人次，覆盖校园、农村等2类场所。');
    expect(text).toContain('全年承担工作方案任务2项，尚无办结，尚有2项逾期未办结。');
    expect(text).toContain('全年报送稿件2篇，被中央级媒体采用1篇、市级媒体采用1篇，暂无领导批示。');
    expect(text).toContain('妥善处置舆情事件1起');
    // Nothing recorded is said in words, never printed as a bare 0.
    expect(text).toContain('“每周一学”集体学习尚未登记，未登记现场教学，未登记专题党课。');
    expect(text).toContain('未登记新闻发布会，未登记专题片，举办座谈会1次，与上年持平，未登记研讨会、论坛等交流活动。');
    expect(text).not.toMatch(/[^\d.]0(次|篇|场|项|起|期|件|人次)/);
    expect(text).not.toContain('待接入');
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
