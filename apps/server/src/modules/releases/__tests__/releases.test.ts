import { auditLogs, manuscripts, reviewPolicies } from '@xuanlian/db';
import { DEFAULT_RELEASE_CHAIN } from '@xuanlian/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart, docxTable, docxText } from '../../../../../../test-support/docx-text.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, buildUser, insertManuscriptRow, linkTestImage, loginAs, type BuiltUser } from '../../../../test/factories.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: { user: BuiltUser; cookie: string };
let reporter: { user: BuiltUser; cookie: string };
let website = '';

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie = editor.cookie) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

async function approved(org = trees.a1, title?: string): Promise<string> {
  const id = await insertManuscriptRow(t, { org, reporterId: reporter.user.id, status: 'approved' });
  if (title) await t.services.db.update(manuscripts).set({ title }).where(eq(manuscripts.id, id));
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  editor = await asUser(t, trees.a, 'editor');
  reporter = await asUser(t, trees.a1, 'reporter');
  const res = await inject('POST', '/api/releases/channels', { orgId: trees.a.id, name: '甲单位门户网站', kind: 'website', homeUrl: 'https://www.jia.gov.cn' });
  expect(res.statusCode, res.body).toBe(201);
  website = res.json().id;
});
afterAll(async () => t.close());

describe('[发布] releases to own channels', () => {
  it('releases an approved manuscript; the portal and its feed show it, escaped', async () => {
    const id = await approved(trees.a1, '甲一社区<script>alert(1)</script>“邻里节”');
    const sha = await linkTestImage(t, id);
    await t.services.db
      .update(manuscripts)
      .set({ bodyHtml: `<p>正文第一段 & 说明</p><figure><img src="/api/files/${sha}"><figcaption>活动现场</figcaption></figure><p><img src="https://evil.example/x.png" onerror="alert(1)"></p>` })
      .where(eq(manuscripts.id, id));
    const res = await inject('POST', '/api/releases', { manuscriptId: id, channelId: website, url: 'https://www.jia.gov.cn/a/1.html', reach: 1200 });
    expect(res.statusCode, res.body).toBe(201);
    const release = res.json();
    expect(release).toMatchObject({ status: 'released', channelName: '甲单位门户网站', reach: 1200, orgId: trees.a1.id });

    const portal = await t.app.inject({ method: 'GET', url: '/portal' });
    expect(portal.statusCode).toBe(200);
    expect(portal.headers['content-type']).toContain('text/html');
    expect(portal.body).toContain('甲一社区&lt;script&gt;alert(1)&lt;/script&gt;“邻里节”');
    expect(portal.body).not.toContain('<script>alert(1)');
    expect(portal.body).not.toContain('evil.example');
    expect(portal.body).not.toContain('onerror');
    expect(portal.body).toContain(`/portal/files/${sha}`);
    expect(portal.body).toContain('活动现场');

    const img = await t.app.inject({ method: 'GET', url: `/portal/files/${sha}` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');

    const rss = await t.app.inject({ method: 'GET', url: '/portal/rss.xml' });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<rss version="2.0"><channel>/);
    expect(rss.body).toContain('<title>甲一社区&lt;script&gt;alert(1)&lt;/script&gt;“邻里节”</title>');
    expect(rss.body).toContain(`/portal/releases/${release.id}</link>`);
    expect(rss.body).toContain('正文第一段 &amp; 说明');
    // Well-formed: every element opened is closed, in order.
    const stack: string[] = [];
    for (const m of rss.body.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2] as string);
    }
    expect(stack).toEqual([]);

    // Behind a gateway the feed links to the configured 系统访问地址, not to the internal host.
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/settings',
      headers: { cookie: editor.cookie },
      payload: { submissionReminderDay: 20, taskDueDays: 3, siteUrl: 'https://xc.jiangcheng.gov.cn/', statisticsDeadlineDay: 24 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const behind = await t.app.inject({ method: 'GET', url: '/portal/rss.xml' });
    expect(behind.body).toContain(`<link>https://xc.jiangcheng.gov.cn/portal/releases/${release.id}</link>`);

    // Released on a second channel, the piece still appears once on the portal.
    const wechat = (await inject('POST', '/api/releases/channels', { orgId: trees.a.id, name: '甲单位公众号', kind: 'wechat' })).json().id;
    expect((await inject('POST', '/api/releases', { manuscriptId: id, channelId: wechat })).statusCode).toBe(201);
    const twice = (await t.app.inject({ method: 'GET', url: '/portal' })).body;
    expect(twice.split('“邻里节”</a></h2>').length - 1).toBe(1);
    expect(twice).toContain('甲单位公众号');

    // The annual summary counts every live release of the subtree and its reach.
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const summary = await inject('GET', `/api/annual-summaries?orgId=${trees.a1.id}&year=${year}`);
    const f = Object.fromEntries(summary.json().figures.map((x: { key: string; value: number }) => [x.key, x.value]));
    expect(f).toMatchObject({ releases: 2, release_reach: 1200 });

    const item = await t.app.inject({ method: 'GET', url: `/portal/releases/${release.id}` });
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain('正文第一段 &amp; 说明');
  });

  it('refuses manuscripts that are not approved, repeats, foreign channels and the reporter', async () => {
    const pending = await insertManuscriptRow(t, { org: trees.a1, reporterId: reporter.user.id, status: 'in_review' });
    const r1 = await inject('POST', '/api/releases', { manuscriptId: pending, channelId: website });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.message).toBe('只有审核通过的稿件才能发布');

    const id = await approved();
    expect((await inject('POST', '/api/releases', { manuscriptId: id, channelId: website })).statusCode).toBe(201);
    const again = await inject('POST', '/api/releases', { manuscriptId: id, channelId: website });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复发布');

    // A channel of the sibling community is not one the manuscript's unit may use.
    const sibling = (await inject('POST', '/api/releases/channels', { orgId: trees.a2.id, name: '甲二社区宣传栏', kind: 'board' })).json().id;
    expect((await inject('POST', '/api/releases', { manuscriptId: await approved(), channelId: sibling })).statusCode).toBe(404);

    const bad = await inject('POST', '/api/releases', { manuscriptId: id, channelId: website, url: 'javascript:alert(1)', reach: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual(expect.arrayContaining(['链接须以 http:// 或 https:// 开头', '阅读量不能为负数']));

    expect((await inject('POST', '/api/releases', { manuscriptId: await approved(), channelId: website }, reporter.cookie)).statusCode).toBe(403);
    // Outside the editor's subtree the manuscript does not exist.
    const other = await asUser(t, trees.b1, 'reporter');
    const foreign = await insertManuscriptRow(t, { org: trees.b1, reporterId: other.user.id, status: 'approved' });
    expect((await inject('POST', '/api/releases', { manuscriptId: foreign, channelId: website })).statusCode).toBe(404);
  });

  it('withdraws with a reason (audited), and the portal, feed and images stop showing it', async () => {
    const id = await approved(trees.a1, '即将撤下的信息标题');
    const sha = await linkTestImage(t, id);
    await t.services.db
      .update(manuscripts)
      .set({ bodyHtml: `<p>将撤下</p><figure><img src="/api/files/${sha}"><figcaption>图</figcaption></figure>` })
      .where(eq(manuscripts.id, id));
    const release = (await inject('POST', '/api/releases', { manuscriptId: id, channelId: website })).json();
    expect((await t.app.inject({ method: 'GET', url: '/portal' })).body).toContain('即将撤下的信息标题');

    const noReason = await inject('POST', `/api/releases/${release.id}/withdraw`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await inject('POST', `/api/releases/${release.id}/withdraw`, { reason: '内容已过时效' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnReason: '内容已过时效' });
    expect((await inject('POST', `/api/releases/${release.id}/withdraw`, { reason: '再撤一次' })).statusCode).toBe(409);

    expect((await t.app.inject({ method: 'GET', url: '/portal' })).body).not.toContain('即将撤下的信息标题');
    expect((await t.app.inject({ method: 'GET', url: '/portal/rss.xml' })).body).not.toContain('即将撤下的信息标题');
    expect((await t.app.inject({ method: 'GET', url: `/portal/releases/${release.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/portal/files/${sha}` })).statusCode).toBe(404);

    const audit = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'release.withdraw'), eq(auditLogs.targetId, release.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ withdrawnReason: '内容已过时效' });
    // Once withdrawn it may be released again on the same channel.
    expect((await inject('POST', '/api/releases', { manuscriptId: id, channelId: website })).statusCode).toBe(201);
  });

  it('the sweep lists posts older than the age; confirming one resets its age', async () => {
    const old = await approved(trees.a2, '两百天前的旧信息');
    const oldRelease = (await inject('POST', '/api/releases', { manuscriptId: old, channelId: website, releasedAt: new Date(Date.now() - 200 * 86_400_000).toISOString() })).json();
    const fresh = await approved(trees.a2, '十天前的新信息');
    await inject('POST', '/api/releases', { manuscriptId: fresh, channelId: website, releasedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });

    const sweep = (await inject('GET', `/api/releases/sweep?days=180&orgId=${trees.a2.id}`)).json();
    expect(sweep.items.map((r: { title: string }) => r.title)).toEqual(['两百天前的旧信息']);
    expect(sweep.items[0].ageDays).toBe(200);
    expect((await inject('GET', `/api/releases/sweep?days=5&orgId=${trees.a2.id}`)).json().total).toBe(2);
    expect((await inject('GET', '/api/releases/sweep?days=0')).statusCode).toBe(400);

    const kept = await inject('POST', `/api/releases/${oldRelease.id}/keep`);
    expect(kept.statusCode).toBe(200);
    expect(kept.json().ageDays).toBe(0);
    expect((await inject('GET', `/api/releases/sweep?days=180&orgId=${trees.a2.id}`)).json().total).toBe(0);
    expect((await inject('GET', `/api/releases/sweep?days=5&orgId=${trees.a2.id}`)).json().items.map((r: { title: string }) => r.title)).toEqual(['十天前的新信息']);

    const future = await inject('POST', '/api/releases', { manuscriptId: await approved(), channelId: website, releasedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.statusCode).toBe(400);
  });

  it('where a release policy applies, only a completed 初审 → 审核 → 审批 chain releases', async () => {
    await t.services.db.insert(reviewPolicies).values({ orgId: trees.a.id, name: '信息发布三审', purpose: 'release', steps: DEFAULT_RELEASE_CHAIN });
    const id = await approved();
    const readiness = (await inject('GET', `/api/releases/readiness?manuscriptId=${id}`)).json();
    expect(readiness).toMatchObject({ ready: false, policyName: '信息发布三审' });
    expect(readiness.chain.map((s: { name: string }) => s.name)).toEqual(['初审', '审核', '审批']);
    const refused = await inject('POST', '/api/releases', { manuscriptId: id, channelId: website });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('初审 → 审核 → 审批');

    // 初审 by the unit's reviewer, 审核 by the 分管 leader above, 审批 by the 书记 above.
    const first = await buildUser(t, { org: trees.a1, roles: [{ role: 'reviewer' }], title: '社区主任', name: '王初审' });
    const second = await buildUser(t, { org: trees.a, roles: [{ role: 'reviewer' }], title: '分管宣传副主任', name: '李审核' });
    const third = await buildUser(t, { org: trees.a, roles: [{ role: 'reviewer' }], title: '党工委书记', name: '张审批' });
    const started = await inject('POST', '/api/releases/review-requests', { manuscriptId: id });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().chain.map((s: { status: string }) => s.status)).toEqual(['pending', 'waiting', 'waiting']);
    expect((await inject('POST', '/api/releases/review-requests', { manuscriptId: id })).statusCode).toBe(409);

    const decideAs = async (user: BuiltUser, decision: 'approve' | 'return', comment = '') => {
      const cookie = await loginAs(t, user);
      const pending = (await inject('GET', '/api/reviews/pending', undefined, cookie)).json().items.find((p: { manuscriptId: string }) => p.manuscriptId === id);
      expect(pending, user.username).toBeDefined();
      expect(pending.purpose).toBe('release');
      const res = await inject('POST', `/api/reviews/steps/${pending.stepId}/decisions`, { decision, comment }, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await decideAs(first, 'approve');
    const returned = await decideAs(second, 'return', '数据需核实');
    // The release chain never changes the manuscript's own status.
    expect(returned.status).toBe('approved');
    expect((await inject('GET', `/api/releases/readiness?manuscriptId=${id}`)).json().ready).toBe(false);
    // Restarted, it resumes at the step that returned it.
    const again = (await inject('POST', '/api/releases/review-requests', { manuscriptId: id })).json();
    expect(again.chain.map((s: { status: string }) => s.status)).toEqual(['approved', 'pending', 'waiting']);
    await decideAs(second, 'approve');
    expect((await inject('POST', '/api/releases', { manuscriptId: id, channelId: website })).statusCode).toBe(409);
    await decideAs(third, 'approve');
    const ready = (await inject('GET', `/api/releases/readiness?manuscriptId=${id}`)).json();
    expect(ready).toMatchObject({ ready: true, reason: null });
    expect((await inject('POST', '/api/releases', { manuscriptId: id, channelId: website })).statusCode).toBe(201);

    // The 审签单 of the released article carries the release chain, each opinion as written
    // (blank where the reviewer wrote none, never a supplied 同意), and an empty 签名 cell per row.
    const sheet = await inject('GET', `/api/manuscripts/${id}/signoff.docx`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const rows = docxTable(docxPart(sheet.rawPayload, 'word/document.xml'));
    const at = rows.findIndex((r) => r[0] === '发布审核（三审）');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toEqual(['审核环节', '审核人', '结果', '审核意见', '时间', '签名']);
    const release = rows.slice(at + 2).map((r) => [r[0], r[1], r[2], r[3], r[5]]);
    expect(release).toEqual([
      ['初审', '王初审（社区主任）', '通过', '', ''],
      ['审核', '李审核（分管宣传副主任）', '退回', '数据需核实', ''],
      ['审核', '李审核（分管宣传副主任）', '通过', '', ''],
      ['审批', '张审批（党工委书记）', '通过', '', ''],
    ]);
    expect(rows.slice(at + 2).every((r) => /^\d{4}年\d{1,2}月\d{1,2}日/.test(r[4] ?? ''))).toBe(true);
    expect(docxText(sheet.rawPayload)).not.toContain('同意');
    await t.services.db.delete(reviewPolicies).where(eq(reviewPolicies.orgId, trees.a.id));
  });

  it('lists releases by channel within scope; the channel dictionary is editable', async () => {
    const list = (await inject('GET', `/api/releases?channelId=${website}`)).json();
    expect(list.total).toBeGreaterThan(3);
    expect(list.items.every((r: { channelId: string }) => r.channelId === website)).toBe(true);
    const outsider = await asUser(t, trees.b, 'editor');
    expect((await inject('GET', '/api/releases', undefined, outsider.cookie)).json().total).toBe(0);
    expect((await inject('PATCH', `/api/releases/channels/${website}`, { name: '改名' }, outsider.cookie)).statusCode).toBe(404);

    const renamed = await inject('PATCH', `/api/releases/channels/${website}`, { name: '甲单位政府网站', sortOrder: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('甲单位政府网站');
    const dup = await inject('POST', '/api/releases/channels', { orgId: trees.a.id, name: '甲单位政府网站', kind: 'website' });
    expect(dup.statusCode).toBe(409);
    // A community's editor picks from its own channels and the street's.
    const forA1 = (await inject('GET', `/api/releases/channels?orgId=${trees.a1.id}`)).json().items.map((c: { name: string }) => c.name);
    expect(forA1).toContain('甲单位政府网站');
    expect(forA1).not.toContain('甲二社区宣传栏');
  });
});

describe('[发布] statistics count releases', () => {
  it('the statistics 发布 column counts live releases of the unit and of the reporter this month', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const q = (by: 'org' | 'user') => inject('GET', `/api/statistics?grain=month&period=${month}&by=${by}&orgId=${trees.a2.id}`);
    const before = (await q('org')).json().rows.find((r: { orgId: string }) => r.orgId === trees.a2.id).released;
    const id = await approved(trees.a2);
    const channel = (await inject('POST', '/api/releases/channels', { orgId: trees.a2.id, name: '甲二统计专栏', kind: 'website' })).json().id;
    const res = await inject('POST', '/api/releases', { manuscriptId: id, channelId: channel });
    expect(res.statusCode, res.body).toBe(201);
    const stats = await q('org');
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().rows.find((r: { orgId: string }) => r.orgId === trees.a2.id).released).toBe(before + 1);
    // Withdrawn releases no longer count.
    const w = await inject('POST', `/api/releases/${res.json().id}/withdraw`, { reason: '内容过时' });
    expect(w.statusCode, w.body).toBe(200);
    expect((await q('org')).json().rows.find((r: { orgId: string }) => r.orgId === trees.a2.id).released).toBe(before);
  });
});
