import { inspectZip, readEntry } from '../../../core/files/archive.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, buildUser, type BuiltUser } from '../../../../test/factories.ts';
import { docxText, uploadEvidence } from '../../../../test/ledgers.ts';
import { addDays, chinaDate } from '../../../core/china-time/index.ts';
import { PNG } from '../../../core/files/__tests__/samples.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let reporter: string;
let editor: string;
let leader: string;
let monitor: string;
let members: BuiltUser[];
let types: Record<string, string>;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  reporter = (await asUser(t, trees.a1, 'reporter')).cookie;
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  leader = (await asUser(t, trees.a, 'leader')).cookie;
  monitor = (await asUser(t, trees.a, 'monitor')).cookie;
  members = [];
  for (let i = 0; i < 4; i++) members.push(await buildUser(t, { org: trees.a1 }));
  const list = await req('GET', '/api/activity-types', reporter);
  types = Object.fromEntries(list.json().items.map((x: { code: string; id: string }) => [x.code, x.id]));
});
afterAll(async () => t.close());

function study(overrides: object = {}) {
  return {
    orgId: trees.a1.id,
    typeId: types.study,
    heldOn: '2025-03-12',
    place: '社区党群服务中心',
    venueType: 'community',
    topic: '学习全国两会精神',
    speaker: '社区党委书记',
    outsideCount: 3,
    minutes: '传达学习政府工作报告。\n交流发言 3 人。',
    attendees: [
      { userId: members[0]?.id, status: 'present' },
      { userId: members[1]?.id, status: 'present' },
      { userId: members[2]?.id, status: 'absent', absenceReason: '外出培训' },
      { userId: members[3]?.id, status: 'makeup', absenceReason: '病假', makeupOn: '2025-03-15' },
    ],
    ...overrides,
  };
}

describe('[活动台账] recording activities', () => {
  it('starts with the eight target types of the seeds, and seed 001’s other items counted towards none', async () => {
    expect(Object.keys(types).sort()).toEqual(
      [
        'board',
        'culture',
        'lecture',
        'meeting',
        'seminar',
        'study',
        'training',
        'volunteer',
        'party_group_meeting',
        'weekly_study',
        'field_teaching',
        'party_lecture',
        'press_conference',
        'feature_film',
        'symposium',
        'forum',
      ].sort(),
    );
    const all = (await req('GET', '/api/activity-types', reporter)).json().items as Array<{ code: string; category: string }>;
    expect(all.filter((x) => ['party_group_meeting', 'weekly_study', 'symposium'].includes(x.code)).every((x) => x.category === 'other')).toBe(true);
    expect((await req('GET', '/api/activity-types', monitor)).statusCode).toBe(403);
  });

  it('a reporter records a 中心组学习 with attendance, minutes and a photo; stats and audit follow', async () => {
    const photo = await uploadEvidence(t, reporter, PNG, '学习现场.png');
    const res = await req('POST', '/api/activities', reporter, { ...study(), files: [{ ...photo, caption: '学习现场' }] });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ category: 'study', typeName: '中心组学习', orgName: '甲一社区', version: 1, canEdit: true });
    expect(a.stats).toMatchObject({ roster: 4, present: 2, absent: 1, madeUp: 1, attendanceRate: 75, reach: 5 });
    expect(a.files[0]).toMatchObject({ name: '学习现场.png', kind: 'photo', mime: 'image/png', caption: '学习现场' });
    const absent = a.attendees.find((x: { status: string }) => x.status === 'absent');
    expect(absent.absenceReason).toBe('外出培训');
    const file = await req('GET', `/api/activities/${a.id}/files/${photo.sha256}`, leader);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const audit = await req('GET', `/api/audit-logs?action=activity.create`, (await asUser(t, trees.a, 'auditor')).cookie);
    expect(audit.json().items.some((r: { targetId: string }) => r.targetId === a.id)).toBe(true);
  });

  it('rejects attendees from another unit, absences without a reason, and exams on non-trainings', async () => {
    const stranger = await buildUser(t, { org: trees.b1 });
    const bad = await req('POST', '/api/activities', reporter, {
      ...study(),
      examPassMark: 60,
      attendees: [
        { userId: stranger.id, status: 'present' },
        { userId: members[0]?.id, status: 'absent' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['examPassMark']);
    const bad2 = await req('POST', '/api/activities', reporter, {
      ...study(),
      attendees: [
        { userId: stranger.id, status: 'present' },
        { userId: members[0]?.id, status: 'absent' },
      ],
    });
    expect(bad2.json().error.details.map((d: { path: string }) => d.path)).toEqual(['attendees.0.userId', 'attendees.1.absenceReason']);
    const future = await req('POST', '/api/activities', reporter, study({ heldOn: addDays(chinaDate(), 1) }));
    expect(future.json().error.details).toEqual([{ path: 'heldOn', message: '活动日期不能晚于今天' }]);
  });

  it('a training carries an exam: scores per attendee, pass mark, pass rate', async () => {
    const res = await req('POST', '/api/activities', reporter, {
      ...study({ typeId: types.training, topic: '通讯员业务培训', examPassMark: 60 }),
      attendees: [
        { userId: members[0]?.id, status: 'present', score: 90 },
        { userId: members[1]?.id, status: 'present', score: 55 },
        { userId: members[2]?.id, status: 'present', score: 60 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().stats).toMatchObject({ examined: 3, passed: 2, passRate: 66.7 });
  });

  it('lists by unit, year and category; other trees stay invisible (404), role-less users get 403', async () => {
    const list = await req('GET', `/api/activities?orgId=${trees.a.id}&year=2025&category=study`, leader);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((x: { category: string }) => x.category === 'study')).toBe(true);
    expect(list.json().total).toBeGreaterThan(0);
    const theirs = (await asUser(t, trees.b1, 'reporter')).cookie;
    const other = await req('POST', '/api/activities', theirs, { ...study({ orgId: trees.b1.id }), attendees: [] });
    expect(other.statusCode).toBe(201);
    expect((await req('GET', `/api/activities/${other.json().id}`, reporter)).statusCode).toBe(404);
    expect((await req('POST', '/api/activities', reporter, { ...study({ orgId: trees.b1.id }), attendees: [] })).statusCode).toBe(404);
    expect((await req('GET', '/api/activities', monitor)).statusCode).toBe(403);
    expect((await req('POST', '/api/activities', leader, study())).statusCode).toBe(403);
    expect((await req('GET', `/api/activities?orgId=${trees.b.id}`, leader)).statusCode).toBe(404);
  });

  it('two people editing the same record at once: one saves, the other gets 409', async () => {
    const a = (await req('POST', '/api/activities', reporter, study())).json();
    const other = (await asUser(t, trees.a1, 'chief_reporter')).cookie;
    const [r1, r2] = await Promise.all([
      req('PATCH', `/api/activities/${a.id}`, reporter, { version: 1, topic: '改为：学习党的二十届三中全会精神' }),
      req('PATCH', `/api/activities/${a.id}`, other, { version: 1, place: '会议室' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const fresh = (await req('GET', `/api/activities/${a.id}`, reporter)).json();
    expect(fresh.version).toBe(2);
    const again = await req('PATCH', `/api/activities/${a.id}`, reporter, { version: 2, attendees: [{ userId: members[0]?.id, status: 'present' }] });
    expect(again.statusCode).toBe(200);
    expect(again.json().stats.roster).toBe(1);
  });

  it('an attached file downloads only through a record the reader may see', async () => {
    const doc = await uploadEvidence(t, reporter, PNG, '签到表.png');
    const a = (await req('POST', '/api/activities', reporter, { ...study(), files: [doc] })).json();
    const outsider = (await asUser(t, trees.b, 'leader')).cookie;
    expect((await req('GET', `/api/activities/${a.id}/files/${doc.sha256}`, outsider)).statusCode).toBe(404);
    expect((await req('GET', `/api/activities/${a.id}/files/${'0'.repeat(64)}`, reporter)).statusCode).toBe(404);
    const ghost = await req('POST', '/api/activities', reporter, { ...study(), files: [{ sha256: 'a'.repeat(64), name: 'x.png' }] });
    expect(ghost.statusCode).toBe(404);
  });

  it('the roster lists the unit’s people for the attendance form, inside the recorder’s scope only', async () => {
    const r = await req('GET', `/api/activities/roster?orgId=${trees.a1.id}`, reporter);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(members.map((m) => m.id)));
    expect((await req('GET', `/api/activities/roster?orgId=${trees.b1.id}`, reporter)).statusCode).toBe(404);
    expect((await req('GET', `/api/activities/roster?orgId=${trees.a1.id}`, leader)).statusCode).toBe(403);
  });

  it('the city editor maintains the type dictionary; others may not', async () => {
    const created = await req('POST', '/api/activity-types', editor, { name: '读书分享会', category: 'culture' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await req('POST', '/api/activity-types', editor, { name: '读书分享会', category: 'culture' })).statusCode).toBe(409);
    expect((await req('POST', '/api/activity-types', reporter, { name: '其他学习', category: 'other' })).statusCode).toBe(403);
    const off = await req('PATCH', `/api/activity-types/${created.json().id}`, editor, { active: false });
    expect(off.json().active).toBe(false);
    const use = await req('POST', '/api/activities', reporter, study({ typeId: created.json().id }));
    expect(use.statusCode).toBe(400);
  });

  it('the study archive is a Word file with the plan, each session, attendance and minutes', async () => {
    const res = await req('GET', `/api/activities/study-archive?orgId=${trees.a1.id}&year=2025`, leader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('甲一社区-2025年度理论学习档案.docx');
    const text = docxText(res.rawPayload);
    expect(text).toContain('甲一社区2025年度理论学习档案');
    expect(text).toContain('一、学习计划与完成情况');
    expect(text).toContain('全年集中学习不少于 12 次');
    expect(text).toContain('2025年3月12日 中心组学习：学习全国两会精神');
    expect(text).toContain('外出培训');
    expect(text).toContain('传达学习政府工作报告。');
    expect(text).toContain('三、考勤汇总');
    expect(text).not.toContain('通讯员业务培训');
    // The session's photo is in the file itself, with its caption, not a pointer to the system.
    expect(text).toMatch(/现场照片：\n+学习现场/);
    const media = inspectZip(res.rawPayload).filter((e) => e.name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(1);
    expect(readEntry(res.rawPayload, media[0]!).subarray(0, 8)).toEqual(PNG.subarray(0, 8));
    expect((await req('GET', `/api/activities/study-archive?orgId=${trees.b1.id}&year=2025`, reporter)).statusCode).toBe(404);
  });
});
