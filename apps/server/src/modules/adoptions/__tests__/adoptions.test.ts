import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { ensureStandardOutlets } from '../../outlets/index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
let editor2: string;
let reporter: string;
let reporterUser: BuiltUser;
let editorUser: BuiltUser;
const outlet: Record<string, string> = {};

const req = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const explain = async (cookie: string, q: string) => {
  const res = await req('GET', `/api/scoring-rules/explain?${q}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; lines: Array<{ points: number; ruleRef: string; explanation: string; sourceId: string; period: string }> };
};
const record = async (cookie: string, manuscriptId: string, name: string, extra: object = {}) => {
  const res = await req('POST', '/api/adoptions', cookie, { manuscriptId, outletId: outlet[name], adoptedOn: '2026-03-10', page: '01版', frontPage: false, ...extra });
  return res;
};

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  const e1 = await asUser(t, trees.a, 'editor');
  editor = e1.cookie;
  editorUser = e1.user;
  editor2 = (await asUser(t, trees.a, 'editor')).cookie;
  const r = await asUser(t, trees.a1, 'reporter');
  reporter = r.cookie;
  reporterUser = r.user;
  await ensureStandardOutlets(t.services.db);
  const list = (await req('GET', '/api/outlets', reporter)).json().items as Array<{ id: string; name: string }>;
  for (const o of list) outlet[o.name] = o.id;
});
afterAll(async () => t.close());

describe('[用稿] record, verify by another editor, score', () => {
  it('the registry holds the outlets the seeds name, by level', async () => {
    const res = await req('GET', '/api/outlets?level=central', reporter);
    const names = res.json().items.map((o: { name: string }) => o.name);
    for (const n of ['人民日报', '新华社', '中国教育报', '人民教育']) expect(names).toContain(n);
    expect(res.json().canManage).toBe(false);
    expect((await req('POST', '/api/outlets', reporter, { name: '某报', level: 'city', type: 'newspaper' })).statusCode).toBe(403);
    const dup = await req('POST', '/api/outlets', editor, { name: '人民日报', level: 'central', type: 'newspaper' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已在媒体库中');
    const bad = await req('POST', '/api/outlets', editor, { name: '', level: 'x', type: 'newspaper' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('请选择媒体级别');
  });

  it('only approved manuscripts; the same outlet cannot be entered twice', async () => {
    const draft = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterUser.id, status: 'submitted' });
    const r = await record(reporter, draft, '人民日报');
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('只有审核通过的稿件才能登记用稿');
    const m = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterUser.id, status: 'approved' });
    expect((await record(reporter, m, '江城日报')).statusCode).toBe(201);
    const again = await record(editor, m, '江城日报');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('无需重复登记');
    const future = await record(reporter, m, '江南日报', { adoptedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
  });

  it('a front-page 人民日报 adoption scores 40 only after a different editor verifies it; 积分明细 shows the lines', async () => {
    const m = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterUser.id, status: 'approved' });
    const created = await record(editor, m, '人民日报', { frontPage: true, adoptedOn: '2026-03-12' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const before = await explain(editor, `orgId=${trees.a1.id}`);
    expect(before.lines.some((l) => l.sourceId === id)).toBe(false);

    const self = await req('POST', `/api/adoptions/${id}/verify`, editor);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('登记人以外的编辑');
    expect((await req('POST', `/api/adoptions/${id}/verify`, reporter)).statusCode).toBe(403);
    const queue = (await req('GET', '/api/adoptions?toVerify=true', editor2)).json().items;
    expect(queue.map((a: { id: string }) => a.id)).toContain(id);
    expect(queue.find((a: { id: string }) => a.id === id).actions.verify).toBe(true);
    expect((await req('GET', '/api/adoptions?toVerify=true', editor)).json().items.map((a: { id: string }) => a.id)).not.toContain(id);

    const ok = await req('POST', `/api/adoptions/${id}/verify`, editor2);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified' });
    expect((await req('POST', `/api/adoptions/${id}/verify`, editor2)).statusCode).toBe(409);

    const unit = await explain(editor, `orgId=${trees.a1.id}`);
    const mine = unit.lines.filter((l) => l.sourceId === id);
    expect(mine.map((l) => [l.ruleRef, l.points])).toEqual([
      ['level_genre.central.work_info', 20],
      ['front_page', 20],
    ]);
    expect(unit.total).toBe(unit.lines.reduce((a, l) => a + l.points, 0));
    // The author without an account gets no person line; the unit gets everything.
    const person = await explain(reporter, '');
    expect(person.lines.filter((l) => l.sourceId === id)).toEqual([]);
  });

  it('a rejected adoption never scores; outside the subtree it does not exist', async () => {
    const m = await insertManuscriptRow(t, { org: trees.a2, reporterId: reporterUser.id, status: 'approved' });
    const id = (await record(editor, m, '新华社')).json().id;
    expect((await req('POST', `/api/adoptions/${id}/reject`, editor2, { reason: '' })).statusCode).toBe(400);
    const rej = await req('POST', `/api/adoptions/${id}/reject`, editor2, { reason: '报样与稿件不符' });
    expect(rej.json()).toMatchObject({ status: 'rejected', rejectReason: '报样与稿件不符' });
    expect((await explain(editor, `orgId=${trees.a2.id}`)).total).toBe(0);
    const other = (await asUser(t, trees.b, 'editor')).cookie;
    expect((await req('GET', `/api/adoptions/${id}`, other)).statusCode).toBe(404);
    expect((await req('POST', `/api/adoptions/${id}/verify`, other)).statusCode).toBe(404);
    expect((await req('GET', `/api/scoring-rules/explain?orgId=${trees.a2.id}`, other)).statusCode).toBe(404);
  });

  it('evidence: an image or PDF by its bytes, not its name', async () => {
    const m = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterUser.id, status: 'approved' });
    const id = (await record(reporter, m, '中国教育报')).json().id;
    const boundary = 'xlboundary';
    const body = (name: string, bytes: Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const upload = (name: string, bytes: Buffer) =>
      t.app.inject({ method: 'POST', url: `/api/adoptions/${id}/evidence`, headers: { cookie: reporter, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body(name, bytes) });
    const fake = await upload('报样.pdf', Buffer.from('not a pdf at all'));
    expect(fake.statusCode).toBe(415);
    const pdf = await upload('报样.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.json().evidence).toMatchObject({ name: '报样.pdf', mime: 'application/pdf' });
    const got = await req('GET', `/api/adoptions/${id}/evidence`, editor);
    expect(got.statusCode).toBe(200);
    expect(got.body.startsWith('%PDF-')).toBe(true);
  });

  it('every step is in the audit log', async () => {
    const auditor = (await asUser(t, trees.a, 'auditor')).cookie;
    const verify = (await req('GET', '/api/audit-logs?action=adoption.verify', auditor)).json().items;
    expect(verify.length).toBe(1);
    expect(verify[0].actorId).not.toBe(editorUser.id);
    expect((await req('GET', '/api/audit-logs?action=adoption.create', auditor)).json().items.length).toBeGreaterThanOrEqual(4);
  });
});
