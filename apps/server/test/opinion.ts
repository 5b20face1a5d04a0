import { listAlerts } from '../src/modules/alerts/verbs/alerts.ts';
import { createAlertRule } from '../src/modules/alerts/verbs/rules.ts';
import { createIncident } from '../src/modules/incidents/index.ts';
import type { OrgRow } from '../src/modules/orgs/index.ts';
import { createTopic } from '../src/modules/topics/index.ts';
import { addManualEntry, DEFAULT_FETCH_LIMITS, type FetchSettings } from '../src/modules/opinion-pipeline/index.ts';
import { createSource } from '../src/modules/sources/index.ts';
import { updateFetchPolicy } from '../src/modules/sources/verbs/manage-sources.ts';
import { createTestApp, type TestApp } from './app.ts';
import { asUser, buildOrg } from './factories.ts';
import { stubResolver } from './feed-server.ts';

/** Every address the fetcher tried to connect to; anything but loopback is refused on the spot. */
export interface ConnectFence {
  attempts: string[];
  check: (address: string, port: number) => void;
}

export function connectFence(): ConnectFence {
  const attempts: string[] = [];
  return {
    attempts,
    check(address) {
      attempts.push(address);
      if (address !== '127.0.0.1') throw new Error(`test fence: refused to connect to ${address}`);
    },
  };
}

export function testFetchSettings(fence: ConnectFence, overrides: Partial<FetchSettings> = {}): FetchSettings {
  return {
    resolver: stubResolver,
    // Short enough to keep the slow-body cases quick, long enough for a busy 2-core machine.
    limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 2500, maxBytes: 1024 * 1024 },
    maxArticles: 10,
    politeDelayMs: 0,
    beforeConnect: fence.check,
    ...overrides,
  };
}

/** The fixture server is on 127.0.0.1: the security admin's allow-list lets exactly that in. */
export async function allowFixtureServer(t: TestApp): Promise<void> {
  await updateFetchPolicy({ ctx: t.system, input: { allowCidrs: ['127.0.0.1/32'] } });
}

export async function buildSource(
  t: TestApp,
  org: OrgRow,
  input: { kind?: 'feed' | 'web' | 'manual'; url?: string | null; name?: string; region?: string | null; selectors?: { list: string; title?: string; content?: string } },
) {
  return createSource({
    ctx: t.system,
    input: {
      orgId: org.id,
      name: input.name ?? '测试信源',
      kind: input.kind ?? 'feed',
      url: input.url ?? null,
      selectors: input.selectors ?? null,
      region: input.region ?? null,
      intervalMinutes: 30,
      enabled: true,
    },
  });
}

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

export async function buildTopic(t: TestApp, org: OrgRow, rule = '投诉 | 质疑') {
  return createTopic({ ctx: t.system, input: { orgId: org.id, name: `专题${next()}`, rule, sourceIds: [], regions: [], enabled: true, recipientIds: [], quietHours: null } });
}

/** A mention collected through a manual source of the unit; returns its id. */
export async function buildMention(t: TestApp, org: OrgRow, title = `群众投诉${next()}`): Promise<string> {
  const source = await buildSource(t, org, { kind: 'manual' });
  const out = await addManualEntry({ ctx: t.system, sourceId: source.id, input: { title, content: `${title}，群众质疑处理太慢。` } });
  const id = out.mentionIds[0];
  if (!id) throw new Error('mention was not stored');
  return id;
}

export async function buildIncident(t: TestApp, org: OrgRow) {
  return createIncident({ ctx: t.system, input: { orgId: org.id, title: `舆情事件${next()}`, grade: 'general' } });
}

/** A topic with a title-keyword rule and a mention that trips it: one alert in the unit. */
export async function buildAlert(t: TestApp, org: OrgRow) {
  const topic = await buildTopic(t, org, '预警词');
  const rule = await createAlertRule({ ctx: t.system, input: { topicId: topic.id, kind: 'title_keyword', keywords: ['预警词'], sourceIds: [], severity: 'general', enabled: true } });
  await buildMention(t, org, `预警词出现${next()}`);
  const list = await listAlerts({ ctx: t.system, input: { topicId: topic.id, page: 1, pageSize: 1 } });
  const alert = list.items[0];
  if (!alert) throw new Error('no alert raised');
  return { topic, rule, alert };
}

/** A fresh app with one 市委宣传部 and its signed-in 舆情监测员, and a request helper as them. */
export async function monitorDesk() {
  const t = await createTestApp();
  const org = await buildOrg(t, { name: '市委宣传部', kind: 'party' });
  const { cookie } = await asUser(t, org, 'monitor');
  const call = (method: 'GET' | 'DELETE', url: string) => t.app.inject({ method, url, headers: { cookie } });
  return { t, org, call };
}
