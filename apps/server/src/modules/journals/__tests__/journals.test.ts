import { auditLogs, manuscripts } from '@xuanlian/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, docxText, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import { inspectZip, readEntry } from '../../../core/files/archive.ts';
import { journalInclusionsFor } from '../index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: { user: BuiltUser; cookie: string };
let reporter: { user: BuiltUser; cookie: string };
let journalId = '';

const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, cookie = editor.cookie) => t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });

async function approved(org = trees.a1, title = '甲一社区开展邻里互助活动', body = '<p>正文原文。</p>', status = 'approved'): Promise<string> {
  const id = await insertManuscriptRow(t, { org, reporterId: reporter.user.id, status });
  await t.services.db.update(manuscripts).set({ title, bodyHtml: body }).where(eq(manuscripts.id, id));
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  editor = await asUser(t, trees.a, 'editor');
  reporter = await asUser(t, trees.a1, 'reporter');
  const res = await call('POST', '/api/journals', { orgId: trees.a.id, name: '《政务信息》', publisher: '甲单位办公室' });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().name).toBe('政务信息');
  journalId = res.json().id;
});
afterAll(async () => t.close());

describe('[刊物] journals and numbered issues', () => {
  it('numbers issues per journal per year, consecutively even when created at once', async () => {
    const made = await Promise.all(Array.from({ length: 5 }, () => call('POST', `/api/journals/${journalId}/issues`, { issueDate: '2025-06-01' })));
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(made.map((r) => r.json().number).sort()).toEqual([1, 2, 3, 4, 5]);
    const next = (await call('POST', `/api/journals/${journalId}/issues`, { issueDate: '2026-01-05' })).json();
    expect(next).toMatchObject({ year: 2026, number: 1, label: '2026年第1期', status: 'draft' });
    const other = (await call('POST', '/api/journals', { orgId: trees.a.id, name: '要情快报', publisher: '甲单位办公室' })).json();
    expect((await call('POST', `/api/journals/${other.id}/issues`, { issueDate: '2026-01-06' })).json().number).toBe(1);
    expect((await call('POST', '/api/journals', { orgId: trees.a.id, name: '要情快报', publisher: '甲单位办公室' })).statusCode).toBe(409);
  });

  it('composes, edits the journal copy without touching the manuscript, publishes and exports the printed layout', async () => {
    const first = await approved(trees.a1, '甲一社区开展邻里互助活动', '<p>原稿第一段。</p>');
    const second = await approved(trees.a2, '甲二社区举办<科普>讲座', '<p>讲座正文 & 说明。</p><h2>一、主要做法</h2><p><strong>加强</strong>组织。</p>');
    const issue = (await call('POST', `/api/journals/${journalId}/issues`, { issueDate: '2026-03-24' })).json();

    const saved = await call('PUT', `/api/journals/issues/${issue.id}`, {
      version: issue.version,
      items: [{ manuscriptId: second }, { manuscriptId: first, title: '邻里互助暖人心', bodyHtml: '<p>刊物改写后的正文。</p><script>alert(1)</script>' }],
      distribution: { report: ['市委办公室', '市政府办公室'], send: ['市人大常委会各委室'], issue: ['各街道'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json();
    expect(body.items.map((i: { title: string }) => i.title)).toEqual(['甲二社区举办<科普>讲座', '邻里互助暖人心']);
    expect(body.items[1].bodyHtml).toBe('<p>刊物改写后的正文。</p>');
    expect(body.items[0].manuscriptOrgName).toBe('甲二社区');
    const original = await t.services.db.select().from(manuscripts).where(eq(manuscripts.id, first));
    expect(original[0]?.title).toBe('甲一社区开展邻里互助活动');
    expect(original[0]?.bodyHtml).toBe('<p>原稿第一段。</p>');

    // Reorder: the edited copy is kept when only the order changes.
    const reordered = (await call('PUT', `/api/journals/issues/${issue.id}`, { version: body.version, items: [{ manuscriptId: first }, { manuscriptId: second }] })).json();
    expect(reordered.items.map((i: { manuscriptId: string; title: string }) => i.title)).toEqual(['邻里互助暖人心', '甲二社区举办<科普>讲座']);
    expect(reordered.items[0].bodyHtml).toBe('<p>刊物改写后的正文。</p>');
    // A stale version loses, and nothing is overwritten.
    const stale = await call('PUT', `/api/journals/issues/${issue.id}`, { version: body.version, items: [] });
    expect(stale.statusCode).toBe(409);

    const pub = await call('POST', `/api/journals/issues/${issue.id}/publish`, { version: reordered.version });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', label: '2026年第2期' });
    expect((await call('PUT', `/api/journals/issues/${issue.id}`, { version: pub.json().version, items: [] })).statusCode).toBe(409);
    const audit = await t.services.db.select().from(auditLogs).where(eq(auditLogs.targetId, issue.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['journal_issue.create', 'journal_issue.save', 'journal_issue.publish']));

    const docx = await call('GET', `/api/journals/issues/${issue.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('《政务信息》2026年第2期.docx'));
    const text = await docxText(docx.rawPayload);
    const order = [
      '政务信息',
      '2026年第2期',
      '甲单位办公室编',
      '2026年3月24日',
      '邻里互助暖人心',
      '刊物改写后的正文。',
      '甲二社区举办&lt;科普&gt;讲座',
      '讲座正文 &amp; 说明。',
      '一、主要做法',
      '报：市委办公室，市政府办公室。',
      '送：市人大常委会各委室。',
      '发：各街道。',
    ];
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
    const entry = inspectZip(docx.rawPayload).find((e) => e.name === 'word/document.xml');
    const xml = entry ? readEntry(docx.rawPayload, entry).toString('utf8') : '';
    // Red masthead, red rule, 公文 page and grid.
    expect(xml).toMatch(/<w:color w:val="E00000"\/>[\s\S]*?<w:t[^>]*>政务信息<\/w:t>/);
    expect(xml).toMatch(/<w:bottom w:val="thick" w:color="E00000"/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');

    const inclusions = await journalInclusionsFor(t.services.db, { from: '2026-01-01', to: '2027-01-01' });
    expect(inclusions.map((i) => [i.manuscriptId, i.unitId, i.journalOrgId, i.issueDate, i.number])).toEqual([
      [first, trees.a1.id, trees.a.id, '2026-03-24', 2],
      [second, trees.a2.id, trees.a.id, '2026-03-24', 2],
    ]);
    expect(await journalInclusionsFor(t.services.db, { from: '2026-03-25', to: '2027-01-01' })).toEqual([]);
    expect((await journalInclusionsFor(t.services.db, { from: '2026-01-01', to: '2027-01-01', subtreePath: trees.a2.path })).map((i) => i.manuscriptId)).toEqual([second]);
    // The annual summary counts the published issue for the journal's owner, not for other years.
    const figures = async (year: number) =>
      Object.fromEntries((await call('GET', `/api/annual-summaries?orgId=${trees.a.id}&year=${year}`)).json().figures.map((f: { key: string; value: number }) => [f.key, f.value]));
    expect((await figures(2026)).journal_issues).toBe(1);
    expect((await figures(2025)).journal_issues).toBe(0);
  });

  it('refuses unapproved, foreign and duplicated manuscripts, foreign images and empty issues, in 中文', async () => {
    const issue = (await call('POST', `/api/journals/${journalId}/issues`, { issueDate: '2026-04-01' })).json();
    const inReview = await approved(trees.a1, '审核中的稿件', '<p>x</p>', 'in_review');
    const r1 = await call('PUT', `/api/journals/issues/${issue.id}`, { version: issue.version, items: [{ manuscriptId: inReview }] });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.message).toBe('稿件“审核中的稿件”尚未审核通过，不能编入刊物');
    const otherReporter = await asUser(t, trees.b1, 'reporter');
    const foreign = await insertManuscriptRow(t, { org: trees.b1, reporterId: otherReporter.user.id, status: 'approved' });
    const r2 = await call('PUT', `/api/journals/issues/${issue.id}`, { version: issue.version, items: [{ manuscriptId: foreign }] });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0]).toEqual({ path: 'items.0.manuscriptId', message: '稿件不存在或不在本刊编排范围内' });
    const ok = await approved();
    expect((await call('PUT', `/api/journals/issues/${issue.id}`, { version: issue.version, items: [{ manuscriptId: ok }, { manuscriptId: ok }] })).statusCode).toBe(400);
    const img = `<p>x</p><figure><img src="/api/files/${'a'.repeat(64)}"><figcaption>别处的图</figcaption></figure>`;
    const r3 = await call('PUT', `/api/journals/issues/${issue.id}`, { version: issue.version, items: [{ manuscriptId: ok, bodyHtml: img }] });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.message).toBe('刊物稿只能使用原稿件中的图片');
    const r4 = await call('PUT', `/api/journals/issues/${issue.id}`, { version: issue.version, issueDate: '2027-01-01' });
    expect(r4.json().error.message).toBe('出刊日期须在2026年内（期号按年度编排）');
    const empty = await call('POST', `/api/journals/issues/${issue.id}/publish`, { version: issue.version });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.message).toBe('本期还没有编入稿件，不能出刊');
    // Drafts never count.
    expect((await journalInclusionsFor(t.services.db, { from: '2026-04-01', to: '2026-04-02' })).length).toBe(0);
  });

  it('keeps journals inside the subtree and away from other roles', async () => {
    const outsider = await asUser(t, trees.b, 'editor');
    expect((await call('GET', '/api/journals', undefined, outsider.cookie)).json().items).toEqual([]);
    expect((await call('POST', `/api/journals/${journalId}/issues`, { issueDate: '2026-05-01' }, outsider.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/journals', undefined, reporter.cookie)).statusCode).toBe(403);
    const list = (await call('GET', `/api/journals/issues?journalId=${journalId}&year=2026`)).json().items;
    expect(list.map((i: { label: string }) => i.label)).toEqual(['2026年第3期', '2026年第2期', '2026年第1期']);
  });
});

describe('[刊物] inclusions score as own-level adoptions', () => {
  it('publishing an issue adds an explained 自有 score line with the journal as its source', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const month = today.slice(0, 7);
    const m = await approved(trees.a2, '甲二社区刊物计分样稿');
    const issue = (await call('POST', `/api/journals/${journalId}/issues`, { issueDate: today })).json();
    const saved = await call('PUT', `/api/journals/issues/${issue.id}`, { version: issue.version, items: [{ manuscriptId: m }] });
    expect(saved.statusCode, saved.body).toBe(200);
    const lines = async () =>
      (await call('GET', `/api/scoring-rules/explain?orgId=${trees.a2.id}&from=${month}&to=${month}`)).json().lines.filter((l: { manuscriptId: string | null }) => l.manuscriptId === m);
    expect(await lines()).toEqual([]);
    const published = await call('POST', `/api/journals/issues/${issue.id}/publish`, { version: saved.json().version });
    expect(published.statusCode, published.body).toBe(200);
    const after = await lines();
    expect(after.length).toBe(1);
    expect(after[0]).toMatchObject({ sourceType: 'journal', subjectType: 'org', period: month });
    expect(after[0].sourceId).toContain(issue.id);
    expect(after[0].explanation).toContain('《政务信息》');
    expect(after[0].explanation).toContain('自有');
    expect(after[0].points).toBeGreaterThan(0);
  });
});
