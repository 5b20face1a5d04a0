import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';
import { waitFor } from '../../../../test/wait.ts';
import { chinaDate, chineseDate } from '../../../core/china-time/index.ts';
import { registerWorkers } from '../../../workers.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { scheduleBriefs } from '../index.ts';

let t: TestApp;
let org: OrgRow;
let cookie: string;
const dir = mkdtempSync(join(tmpdir(), 'xl-brief-'));

async function api<T = unknown>(method: 'GET' | 'POST', url: string, payload?: object): Promise<{ status: number; body: T; raw: Buffer; headers: Record<string, unknown> }> {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const isJson = String(res.headers['content-type'] ?? '').includes('json');
  return { status: res.statusCode, body: (isJson ? res.json() : undefined) as T, raw: res.rawPayload, headers: res.headers };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t, { name: '市委宣传部', kind: 'party' });
  cookie = (await asUser(t, org, 'monitor')).cookie;
  const manual = await api<{ id: string }>('POST', '/api/sources', { orgId: org.id, name: '人工录入', kind: 'manual' });
  const topic = await api<{ id: string }>('POST', '/api/topics', { orgId: org.id, name: '教育+收费', rule: '教育 & 收费' });
  await api('POST', '/api/alerts/rules', { topicId: topic.body.id, kind: 'title_keyword', keywords: ['乱收费'] });
  const entries = [
    { title: '家长投诉学校乱收费', content: '有家长投诉某校教育收费不规范，强制订购教辅，非常不满。' },
    { title: '转载：家长投诉学校乱收费', content: '有家长投诉某校教育收费不规范，强制订购教辅，非常不满。（来源：江城论坛）' },
    { title: '市教育局公开收费标准', content: '市教育局公开各校收费标准，家长点赞，表示满意。' },
    { title: '河湾村新建文化广场', content: '河湾村新建文化广场投入使用。' },
  ];
  for (const e of entries) await api('POST', `/api/sources/${manual.body.id}/entries`, e);
  await api('POST', '/api/incidents', { orgId: org.id, title: '学校乱收费投诉', grade: 'serious' });
  await t.services.jobs.start();
  await registerWorkers(t.services);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('[舆情] briefs: figures as JSON and a daily .docx', () => {
  const today = chinaDate(new Date());

  it('figures: counts, sentiment split, top clusters, open incidents', async () => {
    const from = new Date(`${today}T00:00:00+08:00`).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await api<{
      total: number;
      sentiment: Record<string, number>;
      topClusters: Array<{ count: number; title: string }>;
      openIncidents: Array<{ stage: string }>;
      alerts: number;
      byTopic: Array<{ name: string; count: number }>;
    }>('GET', `/api/briefs/figures?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.sentiment.negative).toBe(2);
    expect(res.body.topClusters[0]).toMatchObject({ count: 2, title: '家长投诉学校乱收费' });
    expect(res.body.openIncidents).toEqual([expect.objectContaining({ stage: 'discovered' })]);
    expect(res.body.alerts).toBe(1);
    expect(res.body.byTopic).toEqual([expect.objectContaining({ name: '教育+收费', count: 3 })]);
  });

  it('POST /api/briefs → job → a .docx that opens, with the counts and 仿宋 in document.xml', async () => {
    const created = await api<{ id: string; status: string; title: string }>('POST', '/api/briefs', { orgId: org.id, kind: 'daily', date: today });
    expect(created.status).toBe(202);
    expect(created.body.title).toBe(`市委宣传部舆情日报（${chineseDate(today)}）`);
    await waitFor(async () => (await api<{ status: string }>('GET', `/api/briefs/${created.body.id}`)).body.status === 'ready', { what: 'brief to be ready', timeoutMs: 20_000 });
    const file = await api('GET', `/api/briefs/${created.body.id}/docx`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('舆情日报'));
    const path = join(dir, 'brief.docx');
    writeFileSync(path, file.raw);
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml']).toString('utf8');
    const text = (await mammoth.extractRawText({ buffer: file.raw })).value;
    // 简报 版头: the name in red, 期号 from the day of the year, 编印单位 and date.
    const head = xml.slice(0, xml.indexOf('舆情日报') + 4);
    expect(head.slice(head.lastIndexOf('<w:rPr>'))).toContain('<w:color w:val="FF0000"/>');
    const dayOfYear = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${today.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000) + 1;
    expect(text).toContain(`第${dayOfYear}期`);
    expect(text).toContain(`${org.name}编`);
    // The overview from the figures, with its 研判; the incident begun today is counted and named.
    expect(text).toContain(`${chineseDate(today)}，共监测到舆情信息4条，其中负面2条（50%）`);
    expect(text).toContain('新发舆情事件1件');
    expect(text).toMatch(/研判：负面信息占比50%，触发预警1次，舆情风险上升/);
    expect(text).toContain('本期新发舆情事件1件');
    expect(text).toContain('学校乱收费投诉');
    // Each top story with its own 研判 and 处置建议.
    const story = text.slice(text.indexOf('（一）家长投诉学校乱收费'));
    expect(story).toMatch(/^（一）家长投诉学校乱收费\s+[\s\S]*?本期相关信息2条，其中负面2条。\s+研判：负面信息，目前相关信息2条，尚未形成热点。\s+处置建议：建议相关单位核实情况/);
    // A native chart of the sentiment split, and table columns sized to their content.
    const chart = execFileSync('unzip', ['-p', path, 'word/charts/chart1.xml']).toString('utf8');
    expect(chart).toContain('<c:pieChart>');
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(new Set(cols).size).toBeGreaterThan(1);
    const styles = execFileSync('unzip', ['-p', path, 'word/styles.xml']).toString('utf8');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(text).toContain('舆情事件处置情况');
  });

  it('the schedule writes one brief per unit with topics and never twice for a period', async () => {
    const first = await scheduleBriefs(t.services, 'weekly');
    expect(first).toBe(1);
    expect(await scheduleBriefs(t.services, 'weekly')).toBe(0);
    const list = await api<{ items: Array<{ kind: string }> }>('GET', '/api/briefs?kind=weekly');
    expect(list.body.items).toHaveLength(1);
  });
});
