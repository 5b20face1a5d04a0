import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees } from '../../../../test/factories.ts';
import { docxText, multipartFile, uploadEvidence } from '../../../../test/ledgers.ts';
import { addDays, chinaDate } from '../../../core/china-time/index.ts';
import { PNG } from '../../../core/files/__tests__/samples.ts';

const SEEDS = join(import.meta.dirname, '../../../../../../test-support/seeds');
const seed000 = () => {
  if (!existsSync(SEEDS)) throw new Error(`seed documents not found at ${SEEDS}`);
  return readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000')) ?? ''), 'utf8');
};

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
let unit: string;
let unit2: string;
let coop: string;
let outsider: string;
let leader: string;
let monitor: string;
let auditor: string;
let planId: string;
const today = chinaDate();

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const task = async (id: string, cookie = editor) => (await req('GET', `/api/tasks/${id}`, cookie)).json();

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  unit = (await asUser(t, trees.a1, 'reporter')).cookie;
  unit2 = (await asUser(t, trees.a1, 'chief_reporter')).cookie;
  coop = (await asUser(t, trees.a2, 'reporter')).cookie;
  outsider = (await asUser(t, trees.b1, 'reporter')).cookie;
  leader = (await asUser(t, trees.a, 'leader')).cookie;
  monitor = (await asUser(t, trees.a, 'monitor')).cookie;
  auditor = (await asUser(t, trees.a, 'auditor')).cookie;
});
afterAll(async () => t.close());

describe('[督办] from a pasted plan to closed tasks', () => {
  it('pasting seed 000 (or uploading it as .docx) gives a draft; nothing is saved; only the office may parse', async () => {
    const draft = await req('POST', '/api/plans/parse', editor, { text: seed000() });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().phases.map((p: { name: string }) => p.name)).toEqual(['会前预热', '会中聚焦', '会后深化']);
    expect((await req('POST', '/api/plans/parse', unit, { text: seed000() })).statusCode).toBe(403);
    const doc = new Document({
      sections: [
        {
          children: seed000()
            .split('\n')
            .map((l) => new Paragraph(l)),
        },
      ],
    });
    const upload = await t.app.inject({ method: 'POST', url: '/api/plans/parse-docx', ...multipartFile(await Packer.toBuffer(doc), '两会方案.docx', editor) });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json().phases.map((p: { tasks: unknown[] }) => p.tasks.length)).toEqual([3, 3, 3]);
    expect((await req('GET', '/api/plans', editor)).json().total).toBe(0);
  });

  it('the edited draft is saved with a lead unit on one task; another is assigned afterwards', async () => {
    const draft = (await req('POST', '/api/plans/parse', editor, { text: seed000() })).json();
    draft.phases[0].tasks[0] = { ...draft.phases[0].tasks[0], leadOrgId: trees.a1.id, cooperatingOrgIds: [trees.a2.id], deadline: addDays(today, -2) };
    const outside = await req('POST', '/api/plans', editor, {
      orgId: trees.a.id,
      title: draft.title,
      year: draft.year,
      phases: [{ ...draft.phases[0], tasks: [{ ...draft.phases[0].tasks[0], leadOrgId: trees.b1.id }] }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('phases.0.tasks.0.leadOrgId');
    const created = await req('POST', '/api/plans', editor, { orgId: trees.a.id, title: draft.title, year: draft.year, phases: draft.phases });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    planId = plan.id;
    expect(plan.phases.map((p: { name: string; startOn: string }) => [p.name, p.startOn])).toEqual([
      ['会前预热', '2025-02-21'],
      ['会中聚焦', '2025-03-11'],
      ['会后深化', '2025-03-21'],
    ]);
    // The seed's own deadlines are in 2025, so every task is already overdue.
    expect(plan.stats).toMatchObject({ total: 9, unassigned: 8, red: 9 });
    const first = plan.tasks[0];
    expect(first).toMatchObject({ title: '制定宣讲方案', light: 'red', leadOrg: { id: trees.a1.id }, cooperatingOrgs: [{ id: trees.a2.id, name: '甲二社区' }] });
    const second = plan.tasks[1];
    const assign = await req('PATCH', `/api/tasks/${second.id}`, editor, { version: second.version, leadOrgId: trees.a1.id, deadline: addDays(today, 2) });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json()).toMatchObject({ light: 'yellow', daysLeft: 2, leadOrg: { name: '甲一社区' } });
    const stale = await req('PATCH', `/api/tasks/${second.id}`, editor, { version: second.version, title: '过期的修改' });
    expect(stale.statusCode).toBe(409);
    const third = plan.tasks[2];
    await req('PATCH', `/api/tasks/${third.id}`, editor, { version: third.version, leadOrgId: trees.a1.id, deadline: addDays(today, 10) });
    expect((await task(third.id)).light).toBe('blue');
  });

  it('each unit sees only its tasks; other trees get 404, role-less users 403', async () => {
    const mine = (await req('GET', `/api/plans/${planId}`, unit)).json();
    expect(mine.tasks).toHaveLength(3);
    expect(mine.canManage).toBe(false);
    const theirs = (await req('GET', `/api/plans/${planId}`, coop)).json();
    expect(theirs.tasks.map((x: { title: string }) => x.title)).toEqual(['制定宣讲方案']);
    expect((await req('GET', `/api/plans/${planId}`, leader)).json().tasks).toHaveLength(9);
    expect((await req('GET', `/api/plans/${planId}`, outsider)).statusCode).toBe(404);
    expect((await req('GET', `/api/plans/${planId}`, monitor)).statusCode).toBe(403);
    const red = (await req('GET', `/api/tasks?light=red`, unit)).json();
    expect(red.items.map((x: { title: string }) => x.title)).toEqual(['制定宣讲方案']);
    expect((await req('GET', `/api/tasks?light=red`, outsider)).json().total).toBe(0);
  });

  it('the lead unit reports progress with evidence; a cooperating unit, an outsider or the office cannot', async () => {
    const [first] = (await req('GET', `/api/plans/${planId}`, unit)).json().tasks;
    const photo = await uploadEvidence(t, unit, PNG, '动员会.png');
    const res = await req('POST', `/api/tasks/${first.id}/reports`, unit, { body: '已起草宣讲方案初稿，正在征求意见。', files: [photo] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', reportCount: 1 });
    expect(res.json().reports[0]).toMatchObject({ body: '已起草宣讲方案初稿，正在征求意见。', orgName: '甲一社区', files: [{ name: '动员会.png', kind: 'photo' }] });
    expect((await req('GET', `/api/tasks/${first.id}/files/${photo.sha256}`, coop)).statusCode).toBe(200);
    expect((await req('GET', `/api/tasks/${first.id}/files/${photo.sha256}`, outsider)).statusCode).toBe(404);
    expect((await req('POST', `/api/tasks/${first.id}/reports`, coop, { body: '配合单位试图报送' })).statusCode).toBe(403);
    expect((await req('POST', `/api/tasks/${first.id}/reports`, outsider, { body: '外单位' })).statusCode).toBe(404);
    expect((await req('POST', `/api/tasks/${first.id}/reports`, editor, { body: '宣传办代报' })).statusCode).toBe(403);
  });

  it('a red task gets a 督办单: the unit signs, then answers; racing signatures cannot both win', async () => {
    const [first] = (await req('GET', `/api/plans/${planId}`, editor)).json().tasks;
    expect((await req('POST', `/api/tasks/${first.id}/urges`, unit, { body: '请加快进度' })).statusCode).toBe(403);
    const issued = await req('POST', `/api/tasks/${first.id}/urges`, editor, { body: '该任务已逾期，请于3日内报送办理情况。', dueOn: addDays(today, 3) });
    expect(issued.statusCode, issued.body).toBe(200);
    const urge = issued.json().urges[0];
    expect(urge).toMatchObject({ code: `督办〔${today.slice(0, 4)}〕1号`, status: 'issued', canSign: false });
    expect((await task(first.id, unit)).urges[0]).toMatchObject({ canSign: true, canAnswer: false });
    const early = await req('POST', `/api/tasks/${first.id}/urges/${urge.id}/answer`, unit, { answer: '未签收先答复' });
    expect(early.json().error.code).toBe('INVALID_STATE');
    const [s1, s2] = await Promise.all([req('POST', `/api/tasks/${first.id}/urges/${urge.id}/sign`, unit), req('POST', `/api/tasks/${first.id}/urges/${urge.id}/sign`, unit2)]);
    expect([s1.statusCode, s2.statusCode].sort()).toEqual([200, 409]);
    const answered = await req('POST', `/api/tasks/${first.id}/urges/${urge.id}/answer`, unit, { answer: '方案已定稿，3月20日前印发。' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().urges[0]).toMatchObject({ status: 'answered', answer: '方案已定稿，3月20日前印发。' });
    expect(answered.json().openUrges).toBe(0);
    const second = (await req('POST', `/api/tasks/${first.id}/urges/${urge.id}/answer`, unit, { answer: '再答一次' })).json();
    expect(second.error.code).toBe('INVALID_STATE');
  });

  it('an extension request waits for the office; approving moves the deadline; a decision is taken once', async () => {
    const [, second] = (await req('GET', `/api/plans/${planId}`, unit)).json().tasks;
    const bad = await req('POST', `/api/tasks/${second.id}/extensions`, unit, { toDeadline: addDays(today, 1), reason: '需协调场地' });
    expect(bad.statusCode).toBe(400);
    const asked = await req('POST', `/api/tasks/${second.id}/extensions`, unit, { toDeadline: addDays(today, 20), reason: '需协调宣讲团成员时间' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ pendingExtension: true, actions: { requestExtension: false } });
    expect((await req('POST', `/api/tasks/${second.id}/extensions`, unit, { toDeadline: addDays(today, 30), reason: '再申请一次' })).statusCode).toBe(409);
    const ext = asked.json().extensions[0];
    expect((await req('POST', `/api/tasks/${second.id}/extensions/${ext.id}/decide`, unit, { decision: 'approve' })).statusCode).toBe(403);
    // Two office staff approve at once: one decision lands, the other gets 409.
    const editor2 = (await asUser(t, trees.a, 'editor')).cookie;
    const [d1, d2] = await Promise.all([
      req('POST', `/api/tasks/${second.id}/extensions/${ext.id}/decide`, editor, { decision: 'approve', note: '同意' }),
      req('POST', `/api/tasks/${second.id}/extensions/${ext.id}/decide`, editor2, { decision: 'approve', note: '同意延期' }),
    ]);
    expect([d1.statusCode, d2.statusCode].sort()).toEqual([200, 409]);
    const after = await task(second.id);
    expect(after.extensions[0].status).toBe('approved');
    expect(after).toMatchObject({ deadline: addDays(today, 20), light: 'blue', pendingExtension: false });
    // A rejected request leaves the deadline where it was.
    const again = await req('POST', `/api/tasks/${second.id}/extensions`, unit, { toDeadline: addDays(today, 40), reason: '再次申请' });
    const ext2 = again.json().extensions[1];
    const rejected = await req('POST', `/api/tasks/${second.id}/extensions/${ext2.id}/decide`, editor, { decision: 'reject', note: '时间充足，不予延期' });
    expect(rejected.json()).toMatchObject({ deadline: addDays(today, 20), pendingExtension: false });
    expect(rejected.json().extensions[1]).toMatchObject({ status: 'rejected', decisionNote: '时间充足，不予延期' });
  });

  it('the office adds a task to a saved plan; a unit may not', async () => {
    const phases = (await req('GET', `/api/plans/${planId}`, editor)).json().phases;
    const added = await req('POST', `/api/plans/${planId}/tasks`, editor, { phaseId: phases[2].id, title: '开展两会精神进校园活动', leadOrgId: trees.a2.id, deadline: addDays(today, 5) });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ phaseName: '会后深化', leadOrg: { name: '甲二社区' }, light: 'blue', status: 'pending' });
    expect((await req('POST', `/api/plans/${planId}/tasks`, unit, { title: '单位自行添加' })).statusCode).toBe(403);
    expect((await req('POST', `/api/plans/${planId}/tasks`, editor, { title: '外单位牵头', leadOrgId: trees.b1.id })).statusCode).toBe(400);
    expect((await req('GET', `/api/plans/${planId}`, coop)).json().tasks.map((x: { title: string }) => x.title)).toContain('开展两会精神进校园活动');
  });

  it('completion is reviewed (复核) before 办结; late closure needs an accountability note; concurrent submits: one wins', async () => {
    const [first, second] = (await req('GET', `/api/plans/${planId}`, unit)).json().tasks;
    const [a, b] = await Promise.all([
      req('POST', `/api/tasks/${first.id}/submit`, unit, { version: first.version, body: '宣讲方案已印发。' }),
      req('POST', `/api/tasks/${first.id}/submit`, unit2, { version: first.version, body: '宣讲方案已印发（重复提交）。' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const submitted = await task(first.id);
    expect(submitted).toMatchObject({ status: 'submitted', actions: { review: true } });
    expect((await req('POST', `/api/tasks/${first.id}/review`, unit, { version: submitted.version, decision: 'approve' })).statusCode).toBe(403);
    const noNote = await req('POST', `/api/tasks/${first.id}/review`, editor, { version: submitted.version, decision: 'approve' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0].path).toBe('accountabilityNote');
    const closed = await req('POST', `/api/tasks/${first.id}/review`, editor, {
      version: submitted.version,
      decision: 'approve',
      note: '材料齐全',
      accountabilityNote: '因方案多次征求意见延误 2 天，已对牵头单位进行提醒谈话。',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'done', light: 'done', closedLate: true });
    expect((await req('POST', `/api/tasks/${first.id}/reports`, unit, { body: '办结后再报' })).json().error.code).toBe('INVALID_STATE');

    const sub2 = await req('POST', `/api/tasks/${second.id}/submit`, unit, { version: second.version, body: '宣讲队伍已组建。' });
    expect(sub2.statusCode, sub2.body).toBe(200);
    const returned = await req('POST', `/api/tasks/${second.id}/review`, editor, { version: sub2.json().version, decision: 'return', note: '请补充队伍名单' });
    expect(returned.json()).toMatchObject({ status: 'in_progress', reviewNote: '请补充队伍名单' });
  });

  it('the office can cancel an open task; the plan summary .docx opens and carries phases, 督办单 and the late note', async () => {
    const plan = (await req('GET', `/api/plans/${planId}`, editor)).json();
    const last = plan.tasks[8];
    const cancelled = await req('POST', `/api/tasks/${last.id}/cancel`, editor, { version: last.version, reason: '与其他任务合并' });
    expect(cancelled.json().status).toBe('cancelled');
    const doc = await req('GET', `/api/plans/${planId}/summary`, editor);
    expect(doc.statusCode).toBe(200);
    const text = docxText(doc.rawPayload);
    expect(text).toContain('2025年全国两会精神宣传工作方案落实情况');
    expect(text).toContain('（一）会前预热（2025年2月21日至2025年3月10日）');
    expect(text).toContain(`督办〔${today.slice(0, 4)}〕1号`);
    expect(text).toContain('因方案多次征求意见延误 2 天');
    expect(text).toContain('方案共分解任务 9 项');
  });

  it('督办 speaks: each move told the other side once, with a link to the task', async () => {
    const inbox = async (cookie: string) => (await req('GET', '/api/notifications?pageSize=100', cookie)).json().items as Array<{ kind: string; title: string; body: string; link: string }>;
    const count = (items: Array<{ kind: string }>, kind: string) => items.filter((n) => n.kind === kind).length;
    // The unit: the 督办单, both extension decisions, the 办结 and the return.
    const mine = await inbox(unit);
    expect(count(mine, 'urge.issued')).toBe(1);
    expect(count(mine, 'extension.decided')).toBe(2);
    expect(count(mine, 'task.reviewed')).toBe(2);
    expect(mine.find((n) => n.kind === 'urge.issued')?.body).toContain('该任务已逾期，请于3日内报送办理情况。');
    expect(mine.find((n) => n.kind === 'task.reviewed' && n.title.startsWith('任务被退回'))?.body).toContain('请补充队伍名单');
    expect(mine.find((n) => n.kind === 'urge.issued')?.link).toMatch(/^\/supervision\?view=unit&task=[0-9a-f-]{36}$/);
    // The office: the sign and the answer (to the issuer), both extension requests, both 办结 requests — one each, though two people raced.
    const office = await inbox(editor);
    expect(count(office, 'urge.answered')).toBe(2);
    expect(count(office, 'extension.requested')).toBe(2);
    expect(count(office, 'task.submitted')).toBe(2);
    expect(office.some((n) => n.kind === 'extension.requested' && n.body.includes('理由：需协调宣讲团成员时间'))).toBe(true);
    // A cooperating unit and an outsider hear nothing of it.
    for (const cookie of [coop, outsider]) expect((await inbox(cookie)).filter((n) => n.kind.startsWith('urge.') || n.kind.startsWith('task.') || n.kind.startsWith('extension.'))).toEqual([]);
  });

  it('every transition wrote its audit row', async () => {
    const logs = (await req('GET', '/api/audit-logs?pageSize=200', auditor)).json().items.map((r: { action: string }) => r.action);
    for (const action of [
      'plan.create',
      'task.assign',
      'task.report',
      'urge.issue',
      'urge.sign',
      'urge.answer',
      'extension.request',
      'extension.approve',
      'task.submit',
      'task.approve',
      'task.return',
      'task.cancel',
    ]) {
      expect(logs, action).toContain(action);
    }
    // One signature and one extension decision, despite the races.
    expect(logs.filter((a: string) => a === 'urge.sign')).toHaveLength(1);
    expect(logs.filter((a: string) => a === 'extension.approve')).toHaveLength(1);
    expect(logs).toContain('extension.reject');
    expect(logs).toContain('task.create');
  });
});
