import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees } from '../../../../test/factories.ts';
import { countLight, periodOf, quarterlyLight } from '../lights.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let reporter: string;
let editor: string;
let types: Record<string, string>;

const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const record = (cookie: string, orgId: string, type: string, heldOn: string, venueType = 'organ', outsideCount = 0) =>
  req('POST', '/api/activities', cookie, { orgId, typeId: types[type], heldOn, venueType, topic: `${type} ${heldOn}`, outsideCount });

const lightOf = async (orgId: string, year: number, kind: string, cookie = reporter) => {
  const res = await req('GET', `/api/targets?orgId=${orgId}&year=${year}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((i: { kind: string }) => i.kind === kind);
};

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  reporter = (await asUser(t, trees.a1, 'reporter')).cookie;
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  types = Object.fromEntries((await req('GET', '/api/activity-types', reporter)).json().items.map((x: { code: string; id: string }) => [x.code, x.id]));
});
afterAll(async () => t.close());

describe('[指标] lights computed from the ledger', () => {
  it('pro-rata pace: on pace is green, behind is yellow, under half the pace or short at year end is red', () => {
    const nov = periodOf(2026, '2026-11-22');
    expect(nov.ended).toBe(false);
    expect(countLight(10, 12, nov)).toEqual({ light: 'green', expected: 10 });
    expect(countLight(9, 12, nov)).toEqual({ light: 'yellow', expected: 10 });
    expect(countLight(4, 12, nov)).toEqual({ light: 'red', expected: 10 });
    expect(countLight(0, 12, periodOf(2026, '2026-01-05'))).toEqual({ light: 'green', expected: 0 });
    const past = periodOf(2025, '2026-11-22');
    expect(past).toMatchObject({ asOf: '2025-12-31', elapsed: 1, ended: true });
    expect(countLight(11, 12, past).light).toBe('red');
    expect(countLight(12, 12, past).light).toBe('green');
    // 研讨 each quarter: a missed past quarter is red; the current one turns yellow after its middle.
    expect(quarterlyLight([1, 1, 1, 0], 1, periodOf(2026, '2026-11-22')).light).toBe('yellow');
    expect(quarterlyLight([1, 1, 1, 0], 1, periodOf(2026, '2026-10-10')).light).toBe('green');
    expect(quarterlyLight([1, 0, 1, 1], 1, periodOf(2026, '2026-11-22')).light).toBe('red');
    expect(quarterlyLight([1, 1, 1, 1], 1, past)).toMatchObject({ light: 'green', actual: 4, expected: 4 });
  });

  it('defaults follow the kind of unit (a school updates its boards 8 times); a 科室 keeps none', async () => {
    const bEditor = (await asUser(t, trees.b, 'editor')).cookie;
    const school = await lightOf(trees.b1.id, 2025, 'board_updates', bEditor);
    expect(school).toMatchObject({ threshold: 8, enabled: true, source: 'default' });
    const section = await buildOrg(t, { parent: trees.a, kind: 'section', name: '党政办' });
    const res = await req('GET', `/api/targets?orgId=${section.id}&year=2025`, editor);
    expect(res.json().items.every((i: { enabled: boolean; light: string }) => !i.enabled && i.light === 'none')).toBe(true);
  });

  it('recording a 中心组学习 changes the unit’s light (the count is never entered twice)', async () => {
    const set = await req('PUT', '/api/targets', editor, { orgId: trees.a1.id, year: 2025, kind: 'study_sessions', threshold: 2 });
    expect(set.statusCode, set.body).toBe(200);
    expect(await lightOf(trees.a1.id, 2025, 'study_sessions')).toMatchObject({ actual: 0, light: 'red', source: 'set', threshold: 2 });
    expect((await record(reporter, trees.a1.id, 'study', '2025-02-10')).statusCode).toBe(201);
    expect(await lightOf(trees.a1.id, 2025, 'study_sessions')).toMatchObject({ actual: 1, light: 'red' });
    await record(reporter, trees.a1.id, 'study', '2025-06-10');
    expect(await lightOf(trees.a1.id, 2025, 'study_sessions')).toMatchObject({ actual: 2, light: 'green' });
    // Another category does not feed this target.
    await record(reporter, trees.a1.id, 'training', '2025-06-11');
    expect((await lightOf(trees.a1.id, 2025, 'study_sessions')).actual).toBe(2);
  });

  it('lecture coverage counts the five venue types and feeds the heat-map with reach', async () => {
    await record(reporter, trees.a2.id, 'lecture', '2025-04-01', 'campus', 40).then((r) => expect(r.statusCode).toBe(404));
    const a2 = (await asUser(t, trees.a2, 'reporter')).cookie;
    await record(a2, trees.a2.id, 'lecture', '2025-04-01', 'campus', 40);
    await record(a2, trees.a2.id, 'lecture', '2025-05-01', 'rural', 25);
    await record(a2, trees.a2.id, 'lecture', '2025-05-02', 'rural', 5);
    await record(a2, trees.a2.id, 'lecture', '2025-05-03', 'other', 5);
    const light = await lightOf(trees.a2.id, 2025, 'lecture_venues', a2);
    expect(light).toMatchObject({ actual: 2, threshold: 5, light: 'red' });
    expect(light.detail).toContain('未覆盖：机关、企业、社区');
    const map = await req('GET', `/api/targets/coverage?orgId=${trees.a.id}&year=2025`, editor);
    expect(map.statusCode).toBe(200);
    const row = map.json().rows.find((r: { orgId: string }) => r.orgId === trees.a2.id);
    expect(map.json().venueTypes).toEqual(['organ', 'enterprise', 'community', 'campus', 'rural', 'other']);
    expect(row).toMatchObject({ counts: [0, 0, 0, 1, 2, 1], reach: [0, 0, 0, 40, 30, 5], covered: 2 });
    expect(map.json().rows.some((r: { orgId: string }) => r.orgId === trees.b1.id)).toBe(false);
  });

  it('the board lights every ledger-keeping unit of a subtree', async () => {
    const board = await req('GET', `/api/targets/board?orgId=${trees.a.id}&year=2025`, editor);
    expect(board.statusCode).toBe(200);
    const ids = board.json().rows.map((r: { orgId: string }) => r.orgId);
    expect(ids).toEqual(expect.arrayContaining([trees.a.id, trees.a1.id, trees.a2.id]));
    const a1 = board.json().rows.find((r: { orgId: string }) => r.orgId === trees.a1.id);
    expect(a1.items.find((i: { kind: string }) => i.kind === 'study_sessions')).toMatchObject({ light: 'green', actual: 2 });
  });

  it('only the office sets targets, inside its scope; every change is audited', async () => {
    expect((await req('PUT', '/api/targets', reporter, { orgId: trees.a1.id, year: 2025, kind: 'trainings', threshold: 3 })).statusCode).toBe(403);
    expect((await req('PUT', '/api/targets', editor, { orgId: trees.b1.id, year: 2025, kind: 'trainings', threshold: 3 })).statusCode).toBe(404);
    expect((await req('GET', `/api/targets?orgId=${trees.b1.id}&year=2025`, reporter)).statusCode).toBe(404);
    const monitor = (await asUser(t, trees.a, 'monitor')).cookie;
    expect((await req('GET', `/api/targets?orgId=${trees.a1.id}&year=2025`, monitor)).statusCode).toBe(403);
    const off = await req('PUT', '/api/targets', editor, { orgId: trees.a1.id, year: 2025, kind: 'board_updates', threshold: 4, enabled: false });
    expect(off.json().items.find((i: { kind: string }) => i.kind === 'board_updates')).toMatchObject({ enabled: false, light: 'none' });
    const auditor = (await asUser(t, trees.a, 'auditor')).cookie;
    const logs = (await req('GET', '/api/audit-logs?action=target.set', auditor)).json().items;
    expect(logs.length).toBe(2);
    expect(logs[0].after).toMatchObject({ kind: 'board_updates', enabled: false });
  });
});
