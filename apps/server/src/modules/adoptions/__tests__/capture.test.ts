import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { ensureStandardOutlets } from '../../outlets/index.ts';
import { capturePage } from '../capture.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
let reporter: string;
let reporterUser: BuiltUser;
let site: Server;
let base = '';
const outlet: Record<string, string> = {};
const ARTICLE = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>东门社区四点半课堂</title></head><body><h1>东门社区“四点半课堂”为双职工家庭解难题</h1><script>alert(1)</script></body></html>';

const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Enters an adoption with a link, the way the 用稿登记 form does. */
async function enter(url: string, outletName: string) {
  const m = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporterUser.id, status: 'approved' });
  const res = await req('POST', '/api/adoptions', reporter, { manuscriptId: m, outletId: outlet[outletName], adoptedOn: '2026-03-10', url });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  // A news site on loopback: the article, a moved page, a JSON API and a missing page.
  site = createServer((rq, rs) => {
    if (rq.url === '/news/sidianban.html') return rs.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (rq.url === '/old') return rs.writeHead(301, { location: '/news/sidianban.html' }).end();
    if (rq.url === '/api.json') return rs.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    rs.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  t = await createTestApp();
  await t.services.jobs.start();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  const r = await asUser(t, trees.a1, 'reporter');
  reporter = r.cookie;
  reporterUser = r.user;
  await ensureStandardOutlets(t.services.db);
  for (const o of (await req('GET', '/api/outlets', reporter)).json().items as Array<{ id: string; name: string }>) outlet[o.name] = o.id;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => site.close(resolve));
});

describe('[用稿] the page behind the link is saved as evidence', () => {
  it('refuses a loopback address until the security admin allow-lists it, and says why in 中文', async () => {
    const id = await enter(`${base}/news/sidianban.html`, '人民日报');
    expect(await capturePage(t.services, id)).toBe('failed');
    const a = (await req('GET', `/api/adoptions/${id}`, editor)).json();
    expect(a.evidence).toBeNull();
    expect(a.evidenceNote).toMatch(/^链接页面未能自动保存：.*拒绝访问/);
    expect(a.evidenceNote).toContain('请上传报样照片或截图');
  });

  it('saves the page (after a redirect) once; the editor opens it sandboxed; a hand upload replaces it', async () => {
    const sec = (await asUser(t, trees.a, 'secadmin')).cookie;
    expect((await req('PUT', '/api/sources/fetch-policy', sec, { allowCidrs: ['127.0.0.1/32'] })).statusCode).toBe(200);
    const id = await enter(`${base}/old`, '新华社');
    expect(await capturePage(t.services, id)).toBe('saved');
    const a = (await req('GET', `/api/adoptions/${id}`, editor)).json();
    expect(a.evidence).toMatchObject({ mime: 'text/html' });
    expect(a.evidence.name).toMatch(/^用稿网页存档-\d{4}-\d{2}-\d{2}\.html$/);
    expect(a.evidenceNote).toMatch(/^已自动保存链接页面（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/);
    const page = await req('GET', `/api/adoptions/${id}/evidence`, editor);
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(ARTICLE);
    // Its scripts never run in our origin.
    expect(page.headers['content-security-policy']).toBe('sandbox');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Saved once: a second run (a retried job) changes nothing.
    expect(await capturePage(t.services, id)).toBe('skipped');
    const auditor = (await asUser(t, trees.a, 'auditor')).cookie;
    const audits = (await req('GET', '/api/audit-logs?action=adoption.evidence', auditor)).json().items as Array<{ targetId: string }>;
    expect(audits.filter((x) => x.targetId === id)).toHaveLength(1);

    // A photo of the clipping uploaded by hand takes its place and the note goes.
    const boundary = 'xlb';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="报样.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({ method: 'POST', url: `/api/adoptions/${id}/evidence`, headers: { cookie: reporter, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ evidence: { name: '报样.pdf', mime: 'application/pdf' }, evidenceNote: null });
  });

  it('a missing page or something that is not a page is not kept, and the note says so', async () => {
    const missing = await enter(`${base}/gone.html`, '光明日报');
    expect(await capturePage(t.services, missing)).toBe('failed');
    expect((await req('GET', `/api/adoptions/${missing}`, editor)).json()).toMatchObject({ evidence: null, evidenceNote: expect.stringContaining('404') });
    const json = await enter(`${base}/api.json`, '人民网');
    expect(await capturePage(t.services, json)).toBe('failed');
    expect((await req('GET', `/api/adoptions/${json}`, editor)).json()).toMatchObject({ evidence: null, evidenceNote: expect.stringContaining('不支持的文件类型') });
  });

  it('entering an adoption with a link queues the capture; the worker saves it without anyone waiting', async () => {
    const { registerWorkers } = await import('../../../workers.ts');
    await registerWorkers(t.services);
    const id = await enter(`${base}/news/sidianban.html`, '学习强国');
    await expect.poll(async () => (await req('GET', `/api/adoptions/${id}`, editor)).json().evidence?.mime, { timeout: 20_000, interval: 250 }).toBe('text/html');
  });
});
