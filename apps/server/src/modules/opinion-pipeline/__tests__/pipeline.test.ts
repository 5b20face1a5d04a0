import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';
import { startFeedServer, type FixtureServer } from '../../../../test/feed-server.ts';
import { allowFixtureServer, connectFence, testFetchSettings } from '../../../../test/opinion.ts';
import { otherNews, storyReposts, STORY_TITLE } from '../../../../test/opinion-data.ts';
import { waitFor } from '../../../../test/wait.ts';
import { queryRows } from '../../../core/sql.ts';
import { registerWorkers } from '../../../workers.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { ingestItems, runSourceFetch } from '../index.ts';

let t: TestApp;
let server: FixtureServer;
let org: OrgRow;
let cookie: string;
let userId: string;
const fence = connectFence();
const settings = () => testFetchSettings(fence);

async function api<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<{ status: number; body: T }> {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? (res.json() as T) : (undefined as T) };
}

const count = async (table: string): Promise<number> => Number((await queryRows<{ n: number }>(t.services.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n ?? 0);

let sourceId = '';
let topicId = '';

beforeAll(async () => {
  t = await createTestApp();
  server = await startFeedServer();
  org = await buildOrg(t, { name: '城关街道', kind: 'street' });
  const monitor = await asUser(t, org, 'monitor');
  cookie = monitor.cookie;
  userId = monitor.user.id;
  await allowFixtureServer(t);
  const source = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '江城论坛', kind: 'feed', url: `${server.base}/rss.xml`, region: '城关街道' });
  expect(source.status).toBe(201);
  sourceId = source.body.id;
  const topic = await api<{ id: string }>('POST', '/api/topics', { orgId: org.id, name: '人大代表+投诉', rule: '(人大代表 | 代表) & (投诉 | 质疑)', recipientIds: [userId] });
  expect(topic.status, JSON.stringify(topic.body)).toBe(201);
  topicId = topic.body.id;
  const rule = await api('POST', '/api/alerts/rules', { topicId, kind: 'negative_spike', threshold: 3, windowMinutes: 60, severity: 'serious' });
  expect(rule.status, JSON.stringify(rule.body)).toBe(201);
  const watched = await api('POST', '/api/alerts/rules', { topicId, kind: 'watched_source', sourceIds: [sourceId] });
  expect(watched.status).toBe(201);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('[舆情] feed → mentions → clusters → topics → one alert', () => {
  it('mentions arrive from a feed; reposts cluster; topics match with highlight positions', async () => {
    server.setRss([...storyReposts(server.base), ...otherNews(server.base)]);
    const run = await runSourceFetch(t.services, sourceId, settings());
    expect(run).toMatchObject({ ok: true, notModified: false });
    expect(run?.ok && run.ingest?.stored).toBe(6);

    const list = await api<{
      items: Array<{
        title: string;
        clusterId: string;
        clusterSize: number;
        sentiment: string;
        topics: Array<{ id: string; highlights: Array<{ field: string; start: number; end: number; term: string }> }>;
      }>;
      total: number;
    }>('GET', '/api/mentions?pageSize=50');
    expect(list.body.total).toBe(6);
    const story = list.body.items.filter((m) => m.title.includes('拆迁补偿款'));
    expect(story).toHaveLength(4);
    expect(new Set(story.map((m) => m.clusterId)).size).toBe(1);
    expect(story.every((m) => m.clusterSize === 4 && m.sentiment === 'negative')).toBe(true);
    const first = story.find((m) => m.title === STORY_TITLE);
    const hit = first?.topics.find((x) => x.id === topicId);
    expect(hit).toBeDefined();
    for (const h of hit?.highlights ?? []) {
      const text = h.field === 'title' ? (first?.title ?? '') : '';
      if (h.field === 'title') expect(text.slice(h.start, h.end)).toBe(h.term);
    }
    expect(hit?.highlights.map((h) => h.term)).toEqual(expect.arrayContaining(['人大代表', '投诉']));
    // The other news matched no topic and started clusters of their own.
    expect(list.body.items.filter((m) => m.topics.length === 0)).toHaveLength(2);
    // Tracking parameters are gone from the stored URL.
    expect((await queryRows<{ url: string }>(t.services.db, sql`select url from opinion_mentions where url like '%/m/a/77%'`))[0]?.url).not.toContain('utm_source');
  });

  it('the negative cluster raised exactly one spike alert and one watched-source alert, delivered to the topic’s person', async () => {
    const alerts = await api<{ items: Array<{ kind: string; count: number; clusterId: string | null; title: string }> }>('GET', `/api/alerts?topicId=${topicId}`);
    expect(alerts.body.items.map((a) => a.kind).sort()).toEqual(['negative_spike', 'watched_source']);
    const spike = alerts.body.items.find((a) => a.kind === 'negative_spike');
    expect(spike?.count).toBe(4);
    expect(spike?.title).toContain('4 条负面信息');
    const inbox = await api<{ items: unknown[]; unread: number }>('GET', '/api/alerts/inbox');
    expect(inbox.body.items).toHaveLength(2);
    expect(inbox.body.unread).toBe(2);
  });

  it('a second fetch is conditional (304) and changes nothing', async () => {
    const before = await count('opinion_mentions');
    const run = await runSourceFetch(t.services, sourceId, settings());
    expect(run).toMatchObject({ ok: true, notModified: true });
    const last = server.log.filter((r) => r.path === '/rss.xml').at(-1);
    expect(last?.headers['if-none-match']).toBe('"v2"');
    expect(await count('opinion_mentions')).toBe(before);
  });

  it('re-running the ingest stage with the same items stores nothing and alerts nobody again', async () => {
    const items = storyReposts(server.base).map((i) => ({ url: i.link, title: i.title, content: i.description, author: null, publishedAt: i.pubDate ?? null }));
    const [m, mt, a, d] = [await count('opinion_mentions'), await count('opinion_mention_topics'), await count('opinion_alerts'), await count('alert_deliveries')];
    const again = await ingestItems(t.system, { id: sourceId, orgId: org.id, orgPath: org.path, shared: true, region: '城关街道' }, items);
    expect(again).toMatchObject({ stored: 0, duplicates: 4, alertsRaised: 0 });
    expect([await count('opinion_mentions'), await count('opinion_mention_topics'), await count('opinion_alerts'), await count('alert_deliveries')]).toEqual([m, mt, a, d]);
  });

  it('a later repost joins the cluster and grows the same alert instead of raising a new one', async () => {
    const more = { title: `原标题：${STORY_TITLE}`, link: `${server.base}/weibo/9`, description: `${storyReposts(server.base)[0]?.description ?? ''}（转自：某公众号）` };
    server.setRss([...storyReposts(server.base), ...otherNews(server.base), more]);
    const run = await runSourceFetch(t.services, sourceId, settings());
    expect(run?.ok && run.ingest?.stored).toBe(1);
    const alerts = await api<{ items: Array<{ kind: string; count: number }> }>('GET', `/api/alerts?topicId=${topicId}`);
    expect(alerts.body.items).toHaveLength(2);
    expect(alerts.body.items.find((a) => a.kind === 'negative_spike')?.count).toBe(5);
    const cluster = await api<{ size: number; sources: unknown[]; spread: Array<{ count: number }>; first: { title: string } }>(
      'GET',
      `/api/mentions/clusters/${(await api<{ items: Array<{ id: string; clusterId: string; title: string }> }>('GET', '/api/mentions?q=拆迁补偿')).body.items[0]?.clusterId}`,
    );
    expect(cluster.status).toBe(200);
    expect(cluster.body.size).toBe(5);
    expect(cluster.body.first.title).toBe(STORY_TITLE);
    expect(cluster.body.spread.reduce((s, b) => s + b.count, 0)).toBe(5);
  });

  it('Chinese full-text search finds words inside longer ones and ignores other stories', async () => {
    const found = await api<{ items: Array<{ title: string }>; total: number }>('GET', `/api/mentions?q=${encodeURIComponent('补偿款')}`);
    expect(found.body.total).toBe(5);
    const edu = await api<{ items: Array<{ title: string }> }>('GET', `/api/mentions?q=${encodeURIComponent('收费公示')}`);
    expect(edu.body.items.map((m) => m.title)).toEqual(['市教育局发布秋季学期收费公示']);
  });

  it('filters: topic, sentiment, source, read state; marks are kept per person and audited', async () => {
    const neg = await api<{ total: number; items: Array<{ id: string }> }>('GET', `/api/mentions?topicId=${topicId}&sentiment=negative`);
    expect(neg.body.total).toBe(5);
    const one = neg.body.items[0]?.id ?? '';
    expect((await api('PATCH', `/api/mentions/${one}`, { read: true, important: true })).status).toBe(200);
    expect((await api<{ total: number }>('GET', `/api/mentions?topicId=${topicId}&read=false`)).body.total).toBe(4);
    expect((await api<{ total: number }>('GET', '/api/mentions?important=true')).body.total).toBe(1);
    expect((await api('PATCH', `/api/mentions/${one}`, { irrelevant: true })).status).toBe(200);
    expect((await api<{ total: number }>('GET', `/api/mentions?topicId=${topicId}`)).body.total).toBe(4);
    expect((await api<{ total: number }>('GET', '/api/mentions?irrelevant=true')).body.total).toBe(1);
    expect((await api<{ total: number }>('GET', `/api/mentions?sourceId=${sourceId}&sentiment=positive`)).body.total).toBeGreaterThanOrEqual(0);
    const audit = await queryRows<{ n: number }>(t.services.db, sql`select count(*)::int as n from audit_logs where action = 'mention.mark'`);
    expect(audit[0]?.n).toBe(2);
  });

  it('“try this rule” reports parse errors per field with the column, and counts hits before saving', async () => {
    const bad = await api<{ error: { code: string; details: Array<{ path: string; column: number; message: string }> } }>('POST', '/api/topics/try', { rule: '(拆迁 | 补偿' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'rule', column: expect.any(Number) });
    expect(bad.body.error.details[0]?.message).toMatch(/第 \d+ 列/);
    const good = await api<{ scanned: number; matched: number; items: Array<{ highlights: unknown[] }> }>('POST', '/api/topics/try', { rule: '拆迁 & !教育' });
    expect(good.status).toBe(200);
    expect(good.body.scanned).toBe(6); // 7 stored, the irrelevant one is left out
    expect(good.body.matched).toBe(4);
    const saveBad = await api<{ error: { details: Array<{ path: string }> } }>('POST', '/api/topics', { orgId: org.id, name: '坏规则', rule: '人大 &' });
    expect(saveBad.status).toBe(400);
    expect(saveBad.body.error.details[0]?.path).toBe('rule');
  });

  it('a large batch (analysis overlapping the INSERTs on PostgreSQL) stores every item once and clusters across chunks', async () => {
    const big = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '大批量', kind: 'feed', url: `${server.base}/rss.xml` });
    const base = Date.now() - 3_600_000;
    const items = Array.from({ length: 300 }, (_, i) => ({
      url: `https://bulk.example/${i}`,
      title: i % 100 === 99 ? `转载：第${i - 99}号通报：河湾村第${i - 99}批道路硬化工程验收合格` : `第${i}号通报：河湾村第${i}批道路硬化工程验收合格`,
      content: `河湾村第${i % 100 === 99 ? i - 99 : i}批道路硬化工程今日通过验收，全长${i % 100 === 99 ? i - 99 : i}百米，惠及村民出行，村民表示满意。`,
      author: null,
      publishedAt: new Date(base + i * 1000),
    }));
    const out = await ingestItems(t.system, { id: big.body.id, orgId: org.id, orgPath: org.path, shared: true, region: null }, items);
    expect(out).toMatchObject({ received: 300, stored: 300, duplicates: 0 });
    const clusters = await queryRows<{ n: number }>(t.services.db, sql`select count(distinct cluster_id)::int as n from opinion_mentions where source_id = ${big.body.id}`);
    expect(clusters[0]?.n).toBe(297); // the three reposts (items 99, 199, 299) joined items 0, 100, 200
    const again = await ingestItems(t.system, { id: big.body.id, orgId: org.id, orgPath: org.path, shared: true, region: null }, items);
    expect(again.stored).toBe(0);
  });

  it('the jobs runtime runs the same pipeline: fetch-now queues one job per source and a failing source does not stop another', async () => {
    const broken = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '坏信源', kind: 'feed', url: `${server.base}/h/500` });
    const atom = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '江城论坛 Atom', kind: 'feed', url: `${server.base}/atom.xml` });
    await t.services.jobs.start();
    await registerWorkers(t.services, { fetch: settings() });
    expect((await api<{ queued: boolean }>('POST', `/api/sources/${broken.body.id}/fetch`)).status).toBe(202);
    const queued = await api<{ queued: boolean }>('POST', `/api/sources/${atom.body.id}/fetch`);
    expect(queued.body.queued).toBe(true);
    await waitFor(async () => (await api<{ total: number }>('GET', `/api/mentions?sourceId=${atom.body.id}`)).body.total === 2, { what: 'atom mentions' });
    await waitFor(async () => (await api<{ health: { lastError: string | null } }>('GET', `/api/sources/${broken.body.id}`)).body.health.lastError?.includes('HTTP 500'), {
      what: 'broken source health',
    });
    const health = (await api<{ health: { itemsLastDay: number; lastSuccessAt: string | null; errorStreak: number } }>('GET', `/api/sources/${atom.body.id}`)).body.health;
    expect(health).toMatchObject({ itemsLastDay: 2, errorStreak: 0 });
    expect(health.lastSuccessAt).not.toBeNull();
  });
});
