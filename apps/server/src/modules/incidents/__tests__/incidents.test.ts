import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';
import { queryRows } from '../../../core/sql.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { escalateOverdue } from '../index.ts';

let t: TestApp;
let city: OrgRow;
let street: OrgRow;
let cookie: string;
let other: string;
let mentionId = '';

type Incident = {
  id: string;
  stage: string;
  grade: string;
  overdue: boolean;
  transitions: Array<{ to: string }>;
  stages: Array<{ stage: string; leftAt: string | null; ownerOrgName: string }>;
  response: { text: string; url: string | null } | null;
  summary: string | null;
  closedAt: string | null;
  escalatedAt: string | null;
};

async function api<T = unknown>(method: 'GET' | 'POST', url: string, payload?: object, as = cookie): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method, url, headers: { cookie: as }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? (res.json() as T) : (undefined as T) };
}

beforeAll(async () => {
  t = await createTestApp();
  city = await buildOrg(t, { name: '市委宣传部', kind: 'party' });
  street = await buildOrg(t, { parent: city, name: '城关街道', kind: 'street' });
  cookie = (await asUser(t, city, 'monitor')).cookie;
  other = (await asUser(t, city, 'monitor')).cookie;
  const manual = await api<{ id: string }>('POST', '/api/sources', { orgId: city.id, name: '人工录入', kind: 'manual' });
  const entry = await api<{ mentionIds: string[] }>('POST', `/api/sources/${manual.body.id}/entries`, { title: '网传城关街道强拆民房', content: '网友发帖称城关街道夜间强拆民房，引发围观。' });
  mentionId = entry.body.mentionIds[0] ?? '';
});
afterAll(async () => t.close());

describe('[舆情] incidents: 发现 → 研判 → 处置 → 回应 → 办结', () => {
  let id = '';

  it('is opened from a mention, at 发现, with a deadline and an owner unit', async () => {
    const res = await api<Incident>('POST', '/api/incidents', { orgId: city.id, mentionId, grade: 'serious', ownerOrgId: street.id, note: '网信办转来线索' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ stage: 'discovered', grade: 'serious', overdue: false });
    expect(res.body.stages[0]?.ownerOrgName).toBe('城关街道');
    expect(res.body.transitions.map((x) => x.to)).toEqual(['assessing']);
    id = res.body.id;
  });

  it('refuses a move the table does not allow, and a close without summary and response', async () => {
    const skip = await api<{ error: { code: string } }>('POST', `/api/incidents/${id}/transitions`, { from: 'discovered', to: 'closed', summary: 'x' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('INVALID_STATE');
  });

  it('two people moving it at once: exactly one wins, the other gets 409', async () => {
    const move = (as: string) => api('POST', `/api/incidents/${id}/transitions`, { from: 'discovered', to: 'assessing', note: '开始研判' }, as);
    const results = await Promise.all([move(cookie), move(other)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)?.body as { error: { code: string; message: string } };
    expect(loser.error.code).toBe('CONFLICT');
    expect(loser.error.message).toContain('已被他人流转到“研判”');
    expect((await api<Incident>('GET', `/api/incidents/${id}`)).body.stage).toBe('assessing');
  });

  it('goes through every stage to 办结 with grading, a sent-back step, the response and a summary', async () => {
    expect((await api<Incident>('POST', `/api/incidents/${id}/grade`, { grade: 'major', note: '涉及群体性事件苗头' })).body.grade).toBe('major');
    expect((await api('POST', `/api/incidents/${id}/transitions`, { from: 'assessing', to: 'handling', ownerOrgId: street.id })).status).toBe(200);
    expect((await api('POST', `/api/incidents/${id}/transitions`, { from: 'handling', to: 'assessing' })).status).toBe(400); // 退回须说明原因
    expect((await api('POST', `/api/incidents/${id}/transitions`, { from: 'handling', to: 'assessing', note: '需补充现场核实情况' })).status).toBe(200);
    expect((await api('POST', `/api/incidents/${id}/transitions`, { from: 'assessing', to: 'handling' })).status).toBe(200);
    expect((await api('POST', `/api/incidents/${id}/notes`, { note: '街道已派人现场核实，系违建依法拆除' })).status).toBe(200);
    expect((await api('POST', `/api/incidents/${id}/transitions`, { from: 'handling', to: 'responding' })).status).toBe(200);
    const noResponse = await api<{ error: { details: Array<{ path: string }> } }>('POST', `/api/incidents/${id}/transitions`, { from: 'responding', to: 'closed', summary: '已处置' });
    expect(noResponse.status).toBe(400);
    expect(noResponse.body.error.details.map((d) => d.path)).toEqual(['response']);
    const closed = await api<Incident>('POST', `/api/incidents/${id}/transitions`, {
      from: 'responding',
      to: 'closed',
      response: { text: '城关街道发布情况通报：所拆建筑系违法建设，已依法处置。', url: 'https://www.jiangcheng.gov.cn/tzgg/1.html' },
      summary: '及时核实并发布权威信息，舆情平息。',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ stage: 'closed', summary: '及时核实并发布权威信息，舆情平息。', transitions: [] });
    expect(closed.body.response?.url).toBe('https://www.jiangcheng.gov.cn/tzgg/1.html');
    expect(closed.body.closedAt).not.toBeNull();
    expect(closed.body.stages.map((s) => s.stage)).toEqual(['discovered', 'assessing', 'handling', 'assessing', 'handling', 'responding', 'closed']);
    expect(closed.body.stages.every((s) => s.leftAt !== null)).toBe(true);
    expect((await api('POST', `/api/incidents/${id}/grade`, { grade: 'general' })).status).toBe(409);
  });

  it('keeps a timeline of every action and an audit row for every change', async () => {
    const timeline = await api<{ items: Array<{ kind: string; fromStage: string | null; toStage: string | null; actorName: string }> }>('GET', `/api/incidents/${id}/timeline`);
    expect(timeline.body.items.map((e) => e.kind)).toEqual(['created', 'transition', 'grade', 'transition', 'transition', 'transition', 'note', 'transition', 'response', 'closed']);
    const audit = await queryRows<{ action: string; n: number }>(t.services.db, sql`select action, count(*)::int as n from audit_logs where target_id = ${id} group by action order by action`);
    expect(audit).toEqual([
      { action: 'incident.create', n: 1 },
      { action: 'incident.grade', n: 1 },
      { action: 'incident.note', n: 1 },
      { action: 'incident.transition', n: 6 },
    ]);
  });

  it('escalates an overdue stage once, on the timeline and in the audit log', async () => {
    const late = await api<Incident>('POST', '/api/incidents', { orgId: street.id, title: '河湾村污水直排', grade: 'general', deadline: new Date(Date.now() - 60_000).toISOString() });
    expect(late.body.overdue).toBe(true);
    expect(await escalateOverdue(t.services)).toBe(1);
    expect(await escalateOverdue(t.services)).toBe(0);
    const after = await api<Incident>('GET', `/api/incidents/${late.body.id}`);
    expect(after.body.escalatedAt).not.toBeNull();
    const events = await api<{ items: Array<{ kind: string; note: string }> }>('GET', `/api/incidents/${late.body.id}/timeline`);
    expect(events.body.items.at(-1)).toMatchObject({ kind: 'escalated', note: expect.stringContaining('报市委宣传部') });
    const overdue = await api<{ total: number }>('GET', '/api/incidents?overdue=true');
    expect(overdue.body.total).toBe(1);
  });

  it('a leader reads incidents but cannot move them; a reporter cannot see them', async () => {
    const leader = (await asUser(t, city, 'leader')).cookie;
    const read = await api<Incident>('GET', `/api/incidents/${id}`, undefined, leader);
    expect(read.status).toBe(200);
    expect(read.body.transitions).toEqual([]);
    expect((await api('POST', `/api/incidents/${id}/notes`, { note: 'x' }, leader)).status).toBe(403);
    expect((await api('GET', '/api/incidents', undefined, (await asUser(t, city, 'reporter')).cookie)).status).toBe(403);
  });
});
