import { auditLogs } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildCategories, buildManuscript, buildOrg, buildUser, GOOD_BODY, loginAs } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { PNG_1PX } from './docx-samples.ts';

let t: TestApp;
let street: OrgRow;
let dm: OrgRow;
let xg: OrgRow;
let cats: Record<string, string>;
let reporter: string;
let other: string;
let head: string;
let editor: string;

beforeAll(async () => {
  t = await createTestApp();
  street = await buildOrg(t, { name: '城关街道', kind: 'street' });
  dm = await buildOrg(t, { parent: street, name: '东门社区', kind: 'community' });
  xg = await buildOrg(t, { parent: street, name: '西关社区', kind: 'community' });
  cats = await buildCategories(t, street);
  reporter = await loginAs(t, await buildUser(t, { org: dm, roles: [{ role: 'reporter' }] }));
  other = await loginAs(t, await buildUser(t, { org: xg, roles: [{ role: 'reporter' }] }));
  head = await loginAs(t, await buildUser(t, { org: dm, roles: [{ role: 'reviewer' }], title: '社区党委书记' }));
  await buildUser(t, { org: xg, roles: [{ role: 'reviewer' }], title: '社区党委书记' });
  editor = await loginAs(t, await buildUser(t, { org: street, roles: [{ role: 'editor' }] }));
});
afterAll(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const save = (id: string, cookie: string, body: object) => req('PUT', `/api/manuscripts/${id}/draft`, cookie, body);
const problemsOf = async (id: string, cookie = reporter) =>
  (await req('POST', `/api/manuscripts/${id}/check`, cookie)).json().problems as Array<{
    code: string;
    level: string;
    path: string;
    start: number | null;
    end: number | null;
    found: string | null;
    message: string;
  }>;

describe('[稿件] drafts and autosave', () => {
  it('names a new draft 单位-YYYY年M月D日工作信息', async () => {
    const res = await req('POST', '/api/manuscripts', reporter, {});
    expect(res.statusCode).toBe(201);
    expect(res.json().title).toMatch(/^东门社区-\d{4}年\d{1,2}月\d{1,2}日工作信息$/);
  });

  it('autosave is idempotent, cheap and refuses a stale revision', async () => {
    const m = await buildManuscript(t, reporter);
    const first = await save(m.id, reporter, { revision: m.revision, title: '东门社区开展消防安全培训进楼栋活动' });
    expect(first.json()).toMatchObject({ changed: true, revision: m.revision + 1 });
    // The same save retried (the answer was lost): nothing changes, no conflict.
    const retry = await save(m.id, reporter, { revision: m.revision, title: '东门社区开展消防安全培训进楼栋活动' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ changed: false, revision: m.revision + 1 });
    // Another window still on the old revision, with different content: a conflict, never an overwrite.
    const stale = await save(m.id, reporter, { revision: m.revision, title: '另一个窗口里的标题会覆盖吗' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('已在其他窗口或设备上修改');
    // Sanitised on the way in, and the editor is told what was stored.
    const xss = await save(m.id, reporter, { revision: first.json().revision, bodyHtml: `${GOOD_BODY}<img src=x onerror=alert(1)><a href="javascript:alert(1)">链接</a>` });
    expect(xss.json().bodyHtml).toBe(`${GOOD_BODY}<a>链接</a>`);
    const stored = (await req('GET', `/api/manuscripts/${m.id}`, reporter)).json();
    expect(stored.bodyHtml).not.toMatch(/onerror|javascript:/);
    // Only the reporter edits; a colleague cannot even see the draft.
    expect((await save(m.id, other, { revision: stored.revision, title: 'x' })).statusCode).toBe(404);
  });

  it('an image id typed in by hand is dropped, so linking never opens a file one could not read', async () => {
    const mine = await buildManuscript(t, reporter);
    const boundary = '----b';
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/manuscripts/${mine.id}/files?kind=image`,
      headers: { cookie: reporter, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`),
        PNG_1PX,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    const { url, sha256 } = up.json();
    const audited = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'manuscript.file_add'), eq(auditLogs.targetId, mine.id)));
    expect(audited.map((r) => r.after)).toEqual([expect.objectContaining({ sha256, kind: 'image', name: 'p.png' })]);
    expect((await req('GET', url, reporter)).statusCode).toBe(200);
    expect((await req('GET', url, other)).statusCode).toBe(404);
    const theirs = await buildManuscript(t, other);
    const stolen = await save(theirs.id, other, { revision: theirs.revision, bodyHtml: `<figure><img src="/api/files/${sha256}"><figcaption>偷来的</figcaption></figure>` });
    expect(stolen.json().bodyHtml).not.toContain(sha256);
    expect((await req('GET', url, other)).statusCode).toBe(404);
  });
});

describe('[稿件] the check before submission', () => {
  it('lists every problem at once, with positions', async () => {
    await req('POST', '/api/dictionaries/words', editor, { orgId: street.id, word: '内部资料', level: 'blocking', category: '涉密标识' });
    await req('POST', '/api/dictionaries/words', editor, { orgId: street.id, word: '国家级', level: 'warning', category: '极限用语' });
    await req('POST', '/api/dictionaries/leaders', editor, { orgId: street.id, name: '林海涛', titles: ['市委副书记', '市长'] });
    const body = '<p>本文为内部资料。林海涛书记出席活动并讲话，活动获评国家级示范。</p><figure><img src="/api/files/' + 'c'.repeat(64) + '"><figcaption></figcaption></figure>';
    const m = await buildManuscript(t, reporter, { title: '短标题', categoryId: null, bodyHtml: body });
    const problems = await problemsOf(m.id);
    const codes = problems.map((p) => `${p.code}:${p.level}`);
    expect(codes).toEqual(expect.arrayContaining(['required:blocking', 'title_length:blocking', 'sensitive_word:blocking', 'sensitive_word:warning', 'leader_title:blocking']));
    const banned = problems.find((p) => p.code === 'sensitive_word' && p.level === 'blocking');
    expect(banned).toMatchObject({ path: 'bodyHtml', found: '内部资料', start: 3, end: 7 });
    expect(problems.find((p) => p.code === 'leader_title')).toMatchObject({ found: '林海涛书记', message: expect.stringContaining('市委副书记、市长') });
    expect(problems.find((p) => p.code === 'title_length')?.message).toBe('标题应为 8–40 字，当前 3 字');
    const refused = await req('POST', `/api/manuscripts/${m.id}/submit`, reporter, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['sensitive_word', 'leader_title', 'title_length', 'required']));
  });

  it('applies the rules of the genre, which the editor can change', async () => {
    const photoNews = await buildManuscript(t, reporter, { categoryId: cats['工作动态'], genre: 'photo_news' });
    expect((await problemsOf(photoNews.id)).map((p) => p.code)).toContain('photos_missing');
    const rule = await req('PUT', '/api/manuscripts/rules/work_info', editor, {
      orgId: street.id,
      requiredFields: ['title', 'bodyHtml', 'categoryId', 'authors'],
      titleMin: 10,
      titleMax: 30,
      bodyMin: 500,
      bodyMax: 5000,
      minPhotos: 0,
      captionsRequired: true,
      wordingCheck: true,
    });
    expect(rule.statusCode, rule.body).toBe(200);
    expect(rule.json()).toMatchObject({ genre: 'work_info', orgId: street.id, bodyMin: 500 });
    const m = await buildManuscript(t, reporter, { categoryId: cats['工作动态'], authors: [] });
    const codes = (await problemsOf(m.id)).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['body_length', 'required']));
    const rules = (await req('GET', `/api/manuscripts/rules?orgId=${dm.id}`, reporter)).json().items;
    expect(rules.find((r: { genre: string }) => r.genre === 'work_info')).toMatchObject({ bodyMin: 500, orgId: street.id });
    expect(rules.find((r: { genre: string }) => r.genre === 'news')).toMatchObject({ titleMin: 8, titleMax: 40, orgId: null });
    await req('PUT', '/api/manuscripts/rules/work_info', editor, {
      orgId: street.id,
      requiredFields: ['title', 'bodyHtml', 'categoryId'],
      titleMin: 8,
      titleMax: 40,
      bodyMin: 50,
      bodyMax: 20000,
      minPhotos: 0,
      captionsRequired: true,
      wordingCheck: true,
    });
  });
});

describe('[稿件] lists and search', () => {
  it('finds a manuscript by a Chinese word, in 我的稿件 and in 全部稿件', async () => {
    const m = await buildManuscript(t, reporter, { categoryId: cats['工作动态'], title: '东门社区开展垃圾分类宣传进小区活动', bodyHtml: `${GOOD_BODY}<p>居民踊跃参与厨余垃圾分拣体验。</p>` });
    await buildManuscript(t, reporter, { title: '东门社区开展防汛应急演练活动' });
    const mine = (await req('GET', `/api/manuscripts?view=mine&q=${encodeURIComponent('垃圾分类')}`, reporter)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
    const byBody = (await req('GET', `/api/manuscripts?view=mine&q=${encodeURIComponent('厨余')}`, reporter)).json();
    expect(byBody.items.map((i: { id: string }) => i.id)).toEqual([m.id]);
    // Drafts are their reporter's: not in 全部稿件 until submitted.
    const all = () => req('GET', `/api/manuscripts?view=all&q=${encodeURIComponent('垃圾分类')}&orgId=${street.id}`, editor);
    expect((await all()).json().total).toBe(0);
    expect((await req('POST', `/api/manuscripts/${m.id}/submit`, reporter, {})).statusCode).toBe(200);
    const found = (await all()).json();
    expect(found.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[m.id, 'submitted']]);
    const filtered = (await req('GET', `/api/manuscripts?view=all&status=approved&q=${encodeURIComponent('垃圾分类')}`, editor)).json();
    expect(filtered.total).toBe(0);
    expect((await req('GET', '/api/manuscripts?view=all', reporter)).statusCode).toBe(403);
    const xlsx = await req('GET', `/api/manuscripts/export.xlsx?view=all&orgId=${street.id}`, editor);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getCell('A1').value).toBe('稿件一览表');
    expect(book.worksheets[0]?.getCell('A2').value).toBe('制表单位：城关街道');
  });
});

describe('[稿件] author candidates', () => {
  it('offers the people of the units the actor covers, found by name; another unit asked for by id is 404', async () => {
    const colleague = await buildUser(t, { org: dm, roles: [{ role: 'reporter' }], name: '欧阳晓春' });
    const stranger = await buildUser(t, { org: xg, roles: [{ role: 'reporter' }], name: '欧阳晓秋' });
    const disabled = await buildUser(t, { org: dm, roles: [{ role: 'reporter' }], name: '欧阳停用', status: 'disabled' });
    const ids = async (cookie: string, query: string) => {
      const res = await req('GET', `/api/manuscripts/author-candidates${query}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ userId: string; orgName: string }>).map((i) => i.userId);
    };
    const mine = await ids(reporter, '?q=欧阳');
    expect(mine).toContain(colleague.id);
    expect(mine).not.toContain(stranger.id);
    expect(mine).not.toContain(disabled.id);
    // The street's editor covers both communities.
    expect(await ids(editor, '?q=欧阳')).toEqual(expect.arrayContaining([colleague.id, stranger.id]));
    expect(await ids(editor, `?q=欧阳&orgId=${xg.id}`)).toEqual([stranger.id]);
    expect((await req('GET', `/api/manuscripts/author-candidates?orgId=${xg.id}`, reporter)).statusCode).toBe(404);
  });
});

describe('[稿件] urgent lane and commissioning', () => {
  it('突发事件: 首报 with a countdown, 续报 in order, 终报 closes; late chains are escalated once', async () => {
    const eventAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const first = await buildManuscript(t, reporter, { categoryId: cats['突发事件'], title: '东门社区一居民楼发生火情已扑灭', urgent: { kind: 'first', eventAt } });
    expect(first.urgent).toMatchObject({ kind: 'first', seq: 1, chainId: first.id });
    expect(new Date((first.urgent as { deadlineAt: string }).deadlineAt).getTime() - new Date(eventAt).getTime()).toBe(40 * 60_000);
    // Still a draft, the 首报 is already the office's to open and chase; an ordinary draft is not.
    const ordinary = await buildManuscript(t, reporter, { title: '东门社区普通工作信息草稿一则' });
    for (const who of [editor, head]) {
      expect((await req('GET', `/api/manuscripts/${first.id}`, who)).statusCode).toBe(200);
      expect((await req('GET', `/api/manuscripts/${ordinary.id}`, who)).statusCode).toBe(404);
    }
    // The neighbouring unit's reporter holds no scope over it: still invisible.
    expect((await req('GET', `/api/manuscripts/${first.id}`, other)).statusCode).toBe(404);
    let chains = (await req('GET', '/api/manuscripts/urgent', editor)).json().items;
    expect(chains.find((c: { chainId: string }) => c.chainId === first.id)).toMatchObject({ overdue: true, overdueReason: expect.stringContaining('首报超时') });
    const { escalateUrgentChains } = await import('../index.ts');
    expect(await escalateUrgentChains({ ctx: t.system })).toBeGreaterThanOrEqual(1);
    expect(await escalateUrgentChains({ ctx: t.system })).toBe(0);
    for (const who of [editor, head]) {
      const inbox = (await req('GET', '/api/notifications', who)).json().items;
      expect(inbox.filter((n: { kind: string; link: string }) => n.kind === 'urgent.overdue' && n.link.endsWith(first.id))).toHaveLength(1);
    }
    expect((await req('POST', `/api/manuscripts/${first.id}/submit`, reporter, {})).statusCode).toBe(200);
    const second = await buildManuscript(t, reporter, { title: '东门社区火情续报：受灾群众已妥善安置', urgent: { kind: 'follow_up', chainId: first.id } });
    const last = await buildManuscript(t, reporter, { title: '东门社区火情终报：原因查明整改到位', urgent: { kind: 'final', chainId: first.id } });
    expect([second.urgent, last.urgent].map((u) => (u as { seq: number }).seq)).toEqual([2, 3]);
    expect(second.categoryId).toBe(cats['突发事件']);
    await req('POST', `/api/manuscripts/${last.id}/submit`, reporter, {});
    chains = (await req('GET', '/api/manuscripts/urgent?open=false', editor)).json().items;
    const chain = chains.find((c: { chainId: string }) => c.chainId === first.id);
    expect(chain.closedAt).toBeTruthy();
    expect(chain.overdue).toBe(false);
    // The same chain on its own, for the urgent page; a unit outside the reader's scope: 404.
    const one = await req('GET', `/api/manuscripts/urgent/${first.id}`, head);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual(chain);
    // The 续报 is still its reporter's draft: the head does not see it.
    expect(one.json().reports.map((r: { kind: string; seq: number; status: string }) => [r.kind, r.seq, r.status])).toEqual([
      ['first', 1, 'submitted'],
      ['final', 3, 'submitted'],
    ]);
    expect((await req('GET', `/api/manuscripts/urgent/${first.id}`, other)).statusCode).toBe(404);
    expect((await req('GET', `/api/manuscripts/urgent/${second.id}`, editor)).statusCode).toBe(404);
    const late = await req('POST', '/api/manuscripts', reporter, { title: '再续报', urgent: { kind: 'follow_up', chainId: first.id } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('已终报');
  });

  it('约稿: units answer with linked manuscripts; the ones who missed the date are listed', async () => {
    const due = new Date(Date.now() + 60 * 60_000).toISOString();
    const c = await req('POST', '/api/commissions', editor, { orgId: street.id, topic: '学习贯彻全会精神', dueAt: due, targetOrgIds: [dm.id, xg.id] });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id as string;
    const inbox = (await req('GET', '/api/notifications', reporter)).json().items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'commission.issued')).toBe(true);
    const answer = await buildManuscript(t, reporter, { categoryId: cats['工作动态'], commissionId: id });
    expect((await req('POST', `/api/manuscripts/${answer.id}/submit`, reporter, {})).statusCode).toBe(200);
    // Time passes: the due date, just after that answer, is now behind us.
    await t.services.db.execute(
      `update commissions set due_at = (select max(first_submitted_at) from manuscripts where commission_id = '${id}') + interval '1 millisecond' where id = '${id}'` as never,
    );
    await new Promise((r) => setTimeout(r, 20));
    const missed = (await req('GET', `/api/commissions/missed?orgId=${street.id}`, editor)).json().items;
    expect(missed.filter((x: { commissionId: string }) => x.commissionId === id).map((x: { orgName: string }) => x.orgName)).toEqual(['西关社区']);
    const detail = (await req('GET', `/api/commissions/${id}`, reporter)).json();
    expect(detail.targets.map((x: { orgName: string; manuscriptCount: number; missed: boolean }) => [x.orgName, x.manuscriptCount, x.missed])).toEqual(
      expect.arrayContaining([
        ['东门社区', 1, false],
        ['西关社区', 0, true],
      ]),
    );
    // A unit not asked cannot answer.
    const stranger = await buildOrg(t, { parent: street, name: '河湾村', kind: 'community' });
    const sc = await loginAs(t, await buildUser(t, { org: stranger, roles: [{ role: 'reporter' }] }));
    expect((await req('POST', '/api/manuscripts', sc, { commissionId: id })).statusCode).toBe(400);
  });
});

describe('[通知] inbox', () => {
  it('counts unread, marks read, and never reaches another person’s notification', async () => {
    const list = (await req('GET', '/api/notifications', reporter)).json();
    expect(list.unread).toBeGreaterThan(0);
    const first = list.items[0];
    expect((await req('POST', `/api/notifications/${first.id}/read`, other)).statusCode).toBe(404);
    expect((await req('POST', `/api/notifications/${first.id}/read`, reporter)).statusCode).toBe(200);
    const count = (await req('GET', '/api/notifications/unread-count', reporter)).json().count;
    expect(count).toBe(list.unread - 1);
    await req('POST', '/api/notifications/read-all', reporter);
    expect((await req('GET', '/api/notifications/unread-count', reporter)).json().count).toBe(0);
  });
});
