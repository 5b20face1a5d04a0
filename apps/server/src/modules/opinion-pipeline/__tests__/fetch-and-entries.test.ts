import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';
import { encodeGbk, GBK_ARTICLES, startFeedServer, type FixtureServer } from '../../../../test/feed-server.ts';
import { allowFixtureServer, buildSource, connectFence, testFetchSettings } from '../../../../test/opinion.ts';
import { queryRows } from '../../../core/sql.ts';
import { releaseHeldAlerts } from '../../alerts/index.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { decodeBody } from '../fetch/decode.ts';
import { enqueueDueSources, runSourceFetch } from '../jobs.ts';

let t: TestApp;
let server: FixtureServer;
let org: OrgRow;
let cookie: string;
const fence = connectFence();

async function api<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, as = cookie): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method, url, headers: { cookie: as }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? (res.json() as T) : (undefined as T) };
}

beforeAll(async () => {
  t = await createTestApp();
  server = await startFeedServer();
  org = await buildOrg(t, { name: '市委宣传部', kind: 'party' });
  cookie = (await asUser(t, org, 'monitor')).cookie;
  await allowFixtureServer(t);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('[舆情] fetching and entries: feeds, GBK web pages, manual entry, CSV import', () => {
  it('reads a GBK list page and its GBK articles with CSS selectors, keeping the Chinese intact', async () => {
    const source = await buildSource(t, org, { kind: 'web', url: `${server.base}/gbk/list.html`, selectors: { list: 'ul.news li', title: 'h1.art-title', content: '.art-body' } });
    const run = await runSourceFetch(t.services, source.id, testFetchSettings(fence));
    expect(run).toMatchObject({ ok: true });
    const rows = await queryRows<{ title: string; content: string; url: string }>(t.services.db, sql`select title, content, url from opinion_mentions where source_id = ${source.id} order by title`);
    expect(rows.map((r) => r.title).sort()).toEqual(GBK_ARTICLES.map((a) => a.title).sort());
    const demolition = rows.find((r) => r.title.includes('拆迁'));
    expect(demolition?.content).toContain('依法依规、公开透明');
    expect(demolition?.content).not.toContain('首页');
    // The robots.txt was asked for, and known articles are not fetched again on the next run.
    expect(server.log.some((r) => r.path === '/robots.txt')).toBe(true);
    const articleHits = server.log.filter((r) => r.path === '/gbk/a1.html').length;
    await runSourceFetch(t.services, source.id, testFetchSettings(fence));
    expect(server.log.filter((r) => r.path === '/gbk/a1.html').length).toBe(articleHits);
  });

  it('falls back to readability when the source gives no article selectors', async () => {
    await t.services.db.execute(sql`delete from opinion_mentions`);
    const source = await buildSource(t, org, { kind: 'web', url: `${server.base}/gbk/list.html`, selectors: { list: 'ul.news a' } });
    const run = await runSourceFetch(t.services, source.id, testFetchSettings(fence));
    expect(run?.ok && run.ingest?.stored).toBe(2);
    const rows = await queryRows<{ content: string }>(t.services.db, sql`select content from opinion_mentions where source_id = ${source.id}`);
    expect(rows.some((r) => r.content.includes('垃圾分类'))).toBe(true);
  });

  it('reads JSON Feed and Atom', async () => {
    for (const path of ['/feed.json', '/atom.xml']) {
      const source = await buildSource(t, org, { url: `${server.base}${path}` });
      const run = await runSourceFetch(t.services, source.id, testFetchSettings(fence));
      expect(run?.ok && run.ingest?.stored, path).toBe(2);
    }
    const edu = await queryRows<{ title: string }>(t.services.db, sql`select title from opinion_mentions where title like '%收费公示%'`);
    expect(edu).toHaveLength(1);
  });

  it('decodes GBK, GB2312 and Big5 from the header, a BOM or a meta tag', () => {
    const gb = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK
    expect(decodeBody(gb, 'text/html; charset=GB2312').text).toBe('中文');
    expect(decodeBody(Buffer.concat([Buffer.from('<meta charset="gbk">'), gb]), 'text/html').text).toContain('中文');
    expect(decodeBody(Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]), 'text/plain; charset=big5').text).toBe('中文');
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('中文')]), 'text/html; charset=gbk').text).toBe('中文');
  });

  it('manual entry: a link and text become a mention; the same link again is a duplicate', async () => {
    const manual = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '网友爆料（人工录入）', kind: 'manual' });
    expect(manual.status).toBe(201);
    const entry = { url: 'https://bbs.example.cn/thread/1?from=timeline', title: '城关街道拆迁户反映补偿标准不公', content: '有网友在论坛发帖质疑拆迁补偿标准不公开。' };
    const first = await api<{ stored: number; mentionIds: string[] }>('POST', `/api/sources/${manual.body.id}/entries`, entry);
    expect(first.status).toBe(201);
    expect(first.body.stored).toBe(1);
    const again = await api<{ stored: number; duplicates: number }>('POST', `/api/sources/${manual.body.id}/entries`, { ...entry, url: 'https://bbs.example.cn/thread/1' });
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
    const audit = await queryRows<{ n: number }>(t.services.db, sql`select count(*)::int as n from audit_logs where action = 'mention.create'`);
    expect(audit[0]?.n).toBe(2);
  });

  it('CSV import in the GBK that Excel writes, with per-row errors', async () => {
    const manual = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '外部系统导出', kind: 'manual' });
    const csv =
      '标题,链接,正文,发布时间\r\n"教育局回应""乱收费""质疑",https://news.example.cn/1,市教育局回应网友关于乱收费的质疑，已责成学校退还,2025-03-24 10:30\r\n,https://news.example.cn/2,没有标题,2025-03-24\r\n学校食堂饭菜质量引热议,https://news.example.cn/3,"家长反映食堂饭菜质量差，\r\n要求整改",不是日期\r\n河湾村新建文化广场,,村民有了休闲好去处,2025年3月20日\r\n';
    const bytes = encodeGbk(csv);
    const boundary = 'xlboundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/sources/${manual.body.id}/import`, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as { received: number; stored: number; errors: Array<{ row: number; message: string }> };
    expect(out.received).toBe(4);
    expect(out.stored).toBe(2);
    expect(out.errors).toEqual([
      { row: 3, message: '标题为空' },
      { row: 4, message: expect.stringContaining('无法识别') },
    ]);
    const row = await queryRows<{ title: string; published_at: Date }>(t.services.db, sql`select title, published_at from opinion_mentions where title like '%教育局回应%'`);
    expect(row[0]?.title).toBe('教育局回应"乱收费"质疑');
    expect(new Date(row[0]?.published_at ?? 0).toISOString()).toBe('2025-03-24T02:30:00.000Z');
  });

  it('quiet hours hold an alert until they end, except for 重大 and above', async () => {
    const recipient = await asUser(t, org, 'monitor');
    const manual = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '夜间录入', kind: 'manual' });
    // A window that always contains now: from the current China minute to one minute before it.
    const m = (Math.floor(Date.now() / 60_000) + 8 * 60) % 1440;
    const hhmm = (x: number) => `${String(Math.floor(((x + 1440) % 1440) / 60)).padStart(2, '0')}:${String((x + 1440) % 60).padStart(2, '0')}`;
    const topic = await api<{ id: string }>('POST', '/api/topics', {
      orgId: org.id,
      name: '食品安全',
      rule: '食堂 | 食品',
      recipientIds: [recipient.user.id],
      quietHours: { start: hhmm(m), end: hhmm(m - 1) },
    });
    expect(topic.status, JSON.stringify(topic.body)).toBe(201);
    await api('POST', '/api/alerts/rules', { topicId: topic.body.id, kind: 'title_keyword', keywords: ['食堂'], severity: 'general' });
    await api('POST', '/api/alerts/rules', { topicId: topic.body.id, kind: 'title_keyword', keywords: ['中毒'], severity: 'major' });
    await api('POST', `/api/sources/${manual.body.id}/entries`, { title: '某校食堂饭菜变质', content: '家长反映食堂饭菜变质。' });
    await api('POST', `/api/sources/${manual.body.id}/entries`, { title: '某校学生疑似食物中毒', content: '多名学生在食堂就餐后出现不适。' });
    const inbox = await api<{ items: Array<{ alert: { severity: string; title: string } }> }>('GET', '/api/alerts/inbox', undefined, recipient.cookie);
    expect(inbox.body.items.map((d) => d.alert.severity)).toEqual(['major']);
    expect(await releaseHeldAlerts(t.services, new Date(Date.now() + 1441 * 60_000))).toBe(1);
    const later = await api<{ items: unknown[]; unread: number }>('GET', '/api/alerts/inbox', undefined, recipient.cookie);
    expect(later.body.items).toHaveLength(2);
    expect(later.body.unread).toBe(2);
  });

  it('the scheduler queues each due source once, keyed by the source, and moves it an interval ahead', async () => {
    await t.services.jobs.start();
    await t.services.db.execute(sql`update opinion_sources set enabled = false`);
    const due = await buildSource(t, org, { url: `${server.base}/rss.xml` });
    const first = await enqueueDueSources(t.services);
    expect(first).toBe(1);
    expect(await enqueueDueSources(t.services)).toBe(0);
    const jobs = await queryRows<{ n: number }>(t.services.db, sql`select count(*)::int as n from pgboss.job where name = 'opinion.fetch-source' and singleton_key = ${due.id}`);
    expect(jobs[0]?.n).toBe(1);
    const next = (await api<{ health: { nextFetchAt: string } }>('GET', `/api/sources/${due.id}`)).body.health.nextFetchAt;
    expect(new Date(next).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it('the OpenAPI document lists every opinion resource', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, unknown> };
    for (const path of [
      '/api/sources',
      '/api/sources/{id}/import',
      '/api/topics/try',
      '/api/mentions/clusters/{id}',
      '/api/alerts/inbox',
      '/api/incidents/{id}/transitions',
      '/api/briefs/{id}/docx',
      '/api/briefs/figures',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
