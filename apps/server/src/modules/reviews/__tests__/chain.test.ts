import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildCategories, buildManuscript, buildOrg, buildUser, docxText, loginAs } from '../../../../test/factories.ts';
import { PNG_1PX } from '../../manuscripts/__tests__/docx-samples.ts';
import type { OrgRow } from '../../orgs/index.ts';

/**
 * The review chain end to end through the API: seed 004's routing by importance, returns that
 * restart at the returning step, co-sign, and the two people rules.
 */
let t: TestApp;
let street: OrgRow;
let dm: OrgRow;
let cats: Record<string, string>;
const c: Record<string, string> = {};
const ids: Record<string, string> = {};

async function person(key: string, org: OrgRow, role: 'reporter' | 'reviewer' | 'editor', title?: string, extra: Array<{ role: 'reporter' | 'reviewer'; org?: OrgRow }> = []) {
  const u = await buildUser(t, { org, roles: [{ role }, ...extra], name: `${key}同志`, ...(title ? { title } : {}) });
  ids[key] = u.id;
  c[key] = await loginAs(t, u);
}

beforeAll(async () => {
  t = await createTestApp();
  street = await buildOrg(t, { name: '城关街道', kind: 'street' });
  dm = await buildOrg(t, { parent: street, name: '东门社区', kind: 'community' });
  cats = await buildCategories(t, street);
  await person('reporter', dm, 'reporter');
  await person('head', dm, 'reviewer', '社区党委书记');
  await person('fenguan', street, 'reviewer', '分管宣传副主任');
  await person('fushuji1', street, 'reviewer', '党工委副书记');
  await person('fushuji2', street, 'reviewer', '党工委副书记（挂职）');
  await person('editor', street, 'editor');
});
afterAll(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
const submit = (id: string, cookie = c.reporter ?? '') => req('POST', `/api/manuscripts/${id}/submit`, cookie, {});
const pendingOf = async (who: string) => (await req('GET', '/api/reviews/pending', c[who] ?? '')).json().items as Array<{ stepId: string; manuscriptId: string; stepName: string }>;
const stepFor = async (who: string, manuscriptId: string) => (await pendingOf(who)).find((p) => p.manuscriptId === manuscriptId)?.stepId ?? '';
const upload = (who: string, manuscriptId: string, kind = 'image') => {
  const b = '----chain';
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), PNG_1PX, Buffer.from(`\r\n--${b}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: `/api/manuscripts/${manuscriptId}/files?kind=${kind}`, headers: { cookie: c[who] ?? '', 'content-type': `multipart/form-data; boundary=${b}` }, payload });
};
const decide = (who: string, stepId: string, body: object) => req('POST', `/api/reviews/steps/${stepId}/decisions`, c[who] ?? '', body);

describe('[审核] the chains of seed 004', () => {
  it('重大活动: unit head, then 分管领导; approved; the 审签单 lists both steps', async () => {
    const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['经济发展'], importance: 'major_event' });
    const submitted = await submit(m.id);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', currentStepName: '单位负责人审核', version: 1 });
    expect(await pendingOf('fenguan')).toEqual([]);
    const badge = await req('GET', '/api/reviews/pending/count', c.head ?? '');
    expect(badge.json().count).toBeGreaterThanOrEqual(1);

    const first = await decide('head', await stepFor('head', m.id), { decision: 'approve', comment: '同意' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in_review', currentStepName: '分管领导审核' });
    const second = await decide('fenguan', await stepFor('fenguan', m.id), { decision: 'approve', comment: '同意报送' });
    expect(second.json()).toMatchObject({ status: 'approved', currentStepName: null });
    expect(second.json().approvedAt).toBeTruthy();

    const inbox = (await req('GET', '/api/notifications', c.reporter ?? '')).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['review.approved', 'manuscript.approved']));
    expect(inbox.unread).toBeGreaterThanOrEqual(2);

    const sheet = await req('GET', `/api/manuscripts/${m.id}/signoff.docx`, c.reporter ?? '');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-disposition']).toContain("filename*=UTF-8''");
    const text = await docxText(sheet.rawPayload);
    for (const s of ['稿件审签单', m.title as string, '东门社区', '单位负责人审核', '分管领导审核', 'head同志', 'fenguan同志', '同意报送', '分管宣传副主任']) expect(text).toContain(s);
  });

  it('a return needs a reason; the resubmission restarts at the step that returned it', async () => {
    const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'], importance: 'major_event' });
    await submit(m.id);
    await decide('head', await stepFor('head', m.id), { decision: 'approve' });
    const step2 = await stepFor('fenguan', m.id);
    const noReason = await decide('fenguan', step2, { decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toMatchObject({ path: 'comment', message: expect.stringContaining('退回必须填写理由') });
    const returned = await decide('fenguan', step2, { decision: 'return', comment: '请补充活动成效数据' });
    expect(returned.json()).toMatchObject({ status: 'returned', actions: { edit: false, decideStepId: null } });
    const inbox = (await req('GET', '/api/notifications?unreadOnly=true', c.reporter ?? '')).json().items;
    expect(inbox.some((n: { kind: string; body: string }) => n.kind === 'review.returned' && n.body.includes('请补充活动成效数据'))).toBe(true);

    // The reporter revises: the saves after submission become version 2.
    const current = (await req('GET', `/api/manuscripts/${m.id}`, c.reporter ?? '')).json();
    expect(current.actions).toMatchObject({ edit: true, submit: true });
    const body = `${current.bodyHtml}<p>活动覆盖居民三百余户，发放宣传资料五百余份。</p>`;
    const saved = await req('PUT', `/api/manuscripts/${m.id}/draft`, c.reporter ?? '', { revision: current.revision, bodyHtml: body });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await submit(m.id);
    expect(again.json()).toMatchObject({ status: 'submitted', currentStepName: '分管领导审核', version: 2 });
    expect((await pendingOf('head')).some((p) => p.manuscriptId === m.id)).toBe(false);
    const done = await decide('fenguan', await stepFor('fenguan', m.id), { decision: 'approve' });
    expect(done.json().status).toBe('approved');

    const versions = (await req('GET', `/api/manuscripts/${m.id}/versions`, c.reporter ?? '')).json().items;
    expect(versions.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([
      [1, 'submitted'],
      [2, 'revised'],
    ]);
    const diff = (await req('GET', `/api/manuscripts/${m.id}/versions/diff?from=1&to=2`, c.reporter ?? '')).json();
    expect(diff.body).toContainEqual({ op: 'insert', text: '活动覆盖居民三百余户，发放宣传资料五百余份。' });
    expect(diff.body.filter((o: { op: string }) => o.op === 'equal')).toHaveLength(2);
    const steps = (await req('GET', `/api/manuscripts/${m.id}/steps`, c.reporter ?? '')).json().items;
    expect(steps[1].decisions.map((d: { decision: string; round: number }) => [d.decision, d.round])).toEqual([
      ['return', 1],
      ['approve', 2],
    ]);
  });

  it('重要决策 goes to the 分管领导, then to the 副书记 (co-sign where configured)', async () => {
    const policy = await req('POST', '/api/reviews/policies', c.editor ?? '', {
      orgId: street.id,
      name: '重要决策会签',
      importance: 'key_decision',
      steps: [
        { name: '分管领导审核', role: 'reviewer', resolve: 'parent_unit', titleContains: '分管' },
        { name: '副书记会签', role: 'reviewer', resolve: 'parent_unit', titleContains: '副书记', mode: 'all' },
      ],
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'], importance: 'key_decision' });
    const check = (await req('POST', `/api/manuscripts/${m.id}/check`, c.reporter ?? '')).json();
    expect(check.chain.map((s: { name: string; mode: string; candidates: unknown[] }) => [s.name, s.mode, s.candidates.length])).toEqual([
      ['分管领导审核', 'one', 1],
      ['副书记会签', 'all', 2],
    ]);
    await submit(m.id);
    expect(await stepFor('head', m.id)).toBe('');
    await decide('fenguan', await stepFor('fenguan', m.id), { decision: 'approve' });
    const cosign = await stepFor('fushuji1', m.id);
    expect(await stepFor('fushuji2', m.id)).toBe(cosign);
    // 待我审核 marks the co-sign step and counts its approvals.
    const listed = async (who: string) => (await pendingOf(who)).find((p) => p.stepId === cosign);
    expect(await listed('fushuji2')).toMatchObject({ mode: 'all', approvals: 0, assigneeNames: ['fushuji1同志', 'fushuji2同志'] });
    const one = await decide('fushuji1', cosign, { decision: 'approve', comment: '同意' });
    expect(one.json()).toMatchObject({ status: 'in_review', currentStepName: '副书记会签' });
    expect(await listed('fushuji2')).toMatchObject({ mode: 'all', approvals: 1 });
    expect(await stepFor('fushuji1', m.id)).toBe('');
    const twice = await decide('fushuji1', cosign, { decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    const both = await decide('fushuji2', cosign, { decision: 'approve', comment: '同意' });
    expect(both.json().status).toBe('approved');
    const text = await docxText((await req('GET', `/api/manuscripts/${m.id}/signoff.docx`, c.editor ?? '')).rawPayload);
    expect(text).toContain('副书记会签（会签）');
    expect(text).toContain('fushuji2同志');
    await req('PATCH', `/api/reviews/policies/${policy.json().id}`, c.editor ?? '', { status: 'disabled' });
  });

  it('the author never reviews their own manuscript', async () => {
    // A reviewer of the community who also writes for it.
    const both = await buildUser(t, { org: dm, roles: [{ role: 'reporter' }, { role: 'reviewer' }], title: '社区副书记' });
    const cookie = await loginAs(t, both);
    const m = await buildManuscript(t, cookie, { categoryId: cats['工作动态'] });
    await submit(m.id, cookie);
    const detail = (await req('GET', `/api/manuscripts/${m.id}`, cookie)).json();
    expect(detail.actions.decideStepId).toBeNull();
    const step = await stepFor('head', m.id);
    const own = await req('POST', `/api/reviews/steps/${step}/decisions`, cookie, { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('不能审核自己报送或署名的稿件');
    // Naming the community's reviewers as co-authors takes them off the chain too: the unit above steps in.
    const coauthored = await buildManuscript(t, c.reporter ?? '', {
      categoryId: cats['工作动态'],
      authors: [
        { name: 'head同志', userId: ids.head, share: 50 },
        { name: 'x', userId: both.id, share: 50 },
      ],
    });
    const check = (await req('POST', `/api/manuscripts/${coauthored.id}/check`, c.reporter ?? '')).json();
    expect(check.chain[0]).toMatchObject({ orgName: '城关街道' });
    expect(check.chain[0].candidates.map((u: { id: string }) => u.id)).not.toContain(ids.head);
    // Where nobody else can review at all, the check says so and submission is refused.
    const lone = await buildOrg(t, { name: '无审核人单位' });
    const loneCats = await buildCategories(t, lone);
    const writer = await buildUser(t, { org: lone, roles: [{ role: 'reporter' }, { role: 'reviewer' }] });
    const wc = await loginAs(t, writer);
    const solo = await buildManuscript(t, wc, { categoryId: loneCats['工作动态'] });
    const soloCheck = (await req('POST', `/api/manuscripts/${solo.id}/check`, wc)).json();
    expect(soloCheck.problems).toContainEqual(expect.objectContaining({ code: 'no_reviewer', level: 'blocking', message: expect.stringContaining('作者本人') }));
    const refused = await submit(solo.id, wc);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('稿件未通过报送检查');
  });

  it('one person never acts on two steps of the same manuscript', async () => {
    const xg = await buildOrg(t, { parent: street, name: '西关社区', kind: 'community' });
    const writer = await buildUser(t, { org: xg, roles: [{ role: 'reporter' }] });
    const wc = await loginAs(t, writer);
    // Head of the community and, as 分管, a reviewer of the street as well.
    const dual = await buildUser(t, { org: xg, roles: [{ role: 'reviewer' }, { role: 'reviewer', org: street }], title: '分管副主任兼社区书记' });
    const dc = await loginAs(t, dual);
    const m = await buildManuscript(t, wc, { categoryId: cats['经济发展'], importance: 'major_event' });
    const check = (await req('POST', `/api/manuscripts/${m.id}/check`, wc)).json();
    expect(check.chain[1].candidates.map((u: { id: string }) => u.id)).toEqual([ids.fenguan]);
    await submit(m.id, wc);
    const step1 = (await req('GET', '/api/reviews/pending', dc)).json().items.find((p: { manuscriptId: string }) => p.manuscriptId === m.id)?.stepId;
    expect((await req('POST', `/api/reviews/steps/${step1}/decisions`, dc, { decision: 'approve' })).statusCode).toBe(200);
    const steps = (await req('GET', `/api/manuscripts/${m.id}/steps`, wc)).json().items;
    expect(steps[1].assignees.map((a: { id: string }) => a.id)).toEqual([ids.fenguan]);
    const again = await req('POST', `/api/reviews/steps/${steps[1].id}/decisions`, dc, { decision: 'approve' });
    expect(again.statusCode).toBe(403);
  });

  it('approve with edits keeps the edit as a version; withdraw puts the step back', async () => {
    const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'] });
    await submit(m.id);
    const w = await req('POST', `/api/manuscripts/${m.id}/withdraw`, c.reporter ?? '', { reason: '补充材料' });
    expect(w.json()).toMatchObject({ status: 'withdrawn', actions: { submit: true } });
    expect(await stepFor('head', m.id)).toBe('');
    await submit(m.id);
    const step = await stepFor('head', m.id);
    const edited = await decide('head', step, {
      decision: 'approve_with_edits',
      comment: '改了标题',
      edits: { title: '东门社区邻里互助志愿服务温暖独居老人', bodyHtml: '<p>修改后的正文，保留事实，删去形容词。</p><script>alert(1)</script>' },
    });
    expect(edited.json()).toMatchObject({ status: 'approved', title: '东门社区邻里互助志愿服务温暖独居老人', version: 2, bodyHtml: '<p>修改后的正文，保留事实，删去形容词。</p>' });
    const versions = (await req('GET', `/api/manuscripts/${m.id}/versions`, c.reporter ?? '')).json().items;
    expect(versions.at(-1)).toMatchObject({ version: 2, kind: 'review_edit', createdByName: 'head同志' });
    const diff = (await req('GET', `/api/manuscripts/${m.id}/versions/diff?from=1&to=2`, c.reporter ?? '')).json();
    expect(diff.title.map((o: { op: string }) => o.op)).toEqual(['delete', 'insert']);
  });

  it('修改后通过 with a photo: only the reviewer of the current step adds one, and only while it is theirs', async () => {
    const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'] });
    await submit(m.id);
    const step = await stepFor('head', m.id);
    // The reviewer of the current step may add a photo for the edit; nobody else reviewing may.
    const photo = await upload('head', m.id);
    expect(photo.statusCode, photo.body).toBe(201);
    expect((await upload('fenguan', m.id)).statusCode).toBe(403);
    expect((await upload('head', m.id, 'attachment')).statusCode).toBe(403);
    const withPhoto = await decide('head', step, {
      decision: 'approve_with_edits',
      comment: '配一张图',
      edits: { bodyHtml: `<p>修改后的正文，保留事实，删去形容词。</p><figure><img src="${photo.json().url}"><figcaption>图为志愿者入户走访</figcaption></figure>` },
    });
    expect(withPhoto.json().bodyHtml).toContain(photo.json().url);
    // Decided: the step is no longer theirs, so neither is adding photos.
    expect((await upload('head', m.id)).statusCode).toBe(403);
  });

  it('bulk approve reports each item on its own', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) {
      const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'] });
      await submit(m.id);
      made.push(await stepFor('head', m.id));
    }
    const notMine = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'], importance: 'key_decision' });
    await submit(notMine.id);
    const foreign = await stepFor('fenguan', notMine.id);
    const res = await req('POST', '/api/reviews/bulk-approve', c.head ?? '', { stepIds: [...made, foreign], comment: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 3, failed: 1 });
    expect(res.json().results[3]).toMatchObject({ stepId: foreign, ok: false, code: 'FORBIDDEN', message: '您不是该审核环节的审核人' });
  });

  it('overdue steps are listed and each is reminded once', async () => {
    const m = await buildManuscript(t, c.reporter ?? '', { categoryId: cats['工作动态'] });
    await submit(m.id);
    await t.services.db.execute(`update review_steps set deadline_at = now() - interval '1 hour' where manuscript_id = '${m.id}' and status = 'pending'` as never);
    const list = (await req('GET', `/api/reviews/overdue?orgId=${street.id}`, c.editor ?? '')).json();
    expect(list.items.map((i: { manuscriptId: string }) => i.manuscriptId)).toContain(m.id);
    expect(list.items.find((i: { manuscriptId: string }) => i.manuscriptId === m.id)).toMatchObject({ overdue: true, assigneeNames: expect.arrayContaining(['head同志']) });
    const { notifyOverdueSteps } = await import('../index.ts');
    expect(await notifyOverdueSteps({ ctx: t.system })).toBeGreaterThanOrEqual(1);
    expect(await notifyOverdueSteps({ ctx: t.system })).toBe(0);
    for (const who of ['head', 'editor']) {
      const items = (await req('GET', '/api/notifications', c[who] ?? '')).json().items;
      expect(items.filter((n: { kind: string; link: string }) => n.kind === 'review.overdue' && n.link.endsWith(m.id))).toHaveLength(1);
    }
    expect((await req('GET', '/api/reviews/pending/count', c.head ?? '')).json().overdue).toBeGreaterThanOrEqual(1);
  });

  it('role-less actors are refused with 403', async () => {
    const monitor = await buildUser(t, { org: street, roles: [] });
    const cookie = await loginAs(t, monitor);
    for (const [method, url, payload] of [
      ['GET', '/api/reviews/pending'],
      ['GET', '/api/manuscripts?view=all'],
      ['POST', '/api/manuscripts', { title: 'x' }],
      ['POST', '/api/reviews/bulk-approve', { stepIds: [ids.head] }],
      ['GET', '/api/reviews/policies'],
    ] as const) {
      expect((await req(method, url, cookie, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
