import { auditLogs } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app.ts';
import { asUser } from '../../../../test/factories.ts';
import { buildSource, monitorDesk } from '../../../../test/opinion.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { createTopic, updateTopic } from '../../topics/index.ts';
import { addManualEntry } from '../../opinion-pipeline/index.ts';

let t: TestApp;
let org: OrgRow;
let call: Awaited<ReturnType<typeof monitorDesk>>['call'];

beforeAll(async () => {
  ({ t, org, call } = await monitorDesk());
});
afterAll(async () => t.close());

describe('[舆情] deleting a source', () => {
  it('a source that has brought in nothing is deleted, audited, and gone', async () => {
    const source = await buildSource(t, org, { kind: 'feed', url: 'https://feeds.example.cn/wrong.xml', name: '填错的订阅源' });
    const res = await call('DELETE', `/api/sources/${source.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await call('GET', `/api/sources/${source.id}`)).statusCode).toBe(404);
    const audit = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'source.delete'), eq(auditLogs.targetId, source.id)));
    expect(audit).toHaveLength(1);
  });

  it('a source with mentions is refused in 中文 (停用 instead) and its mentions stay', async () => {
    const source = await buildSource(t, org, { kind: 'manual', name: '人工录入' });
    const entry = await addManualEntry({ ctx: t.system, sourceId: source.id, input: { title: '网民反映路灯不亮', content: '网民反映某路段路灯长期不亮。' } });
    const res = await call('DELETE', `/api/sources/${source.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('该信源已收录 1 条舆情信息，不能删除；如不再抓取，请将其停用');
    expect((await call('GET', `/api/sources/${source.id}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/mentions/${entry.mentionIds[0]}`)).statusCode).toBe(200);
  });

  it('a source a topic filters by is refused, naming the topic, until the topic lets go of it', async () => {
    const source = await buildSource(t, org, { kind: 'feed', url: 'https://feeds.example.cn/edu.xml', name: '教育订阅' });
    const topic = await createTopic({
      ctx: t.system,
      input: { orgId: org.id, name: '教育收费', rule: '教育 & 收费', sourceIds: [source.id], regions: [], enabled: true, recipientIds: [], quietHours: null },
    });
    const refused = await call('DELETE', `/api/sources/${source.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('专题“教育收费”按该信源筛选，请先修改后再删除');
    await updateTopic({ ctx: t.system, id: topic.id, input: { sourceIds: [] } });
    expect((await call('DELETE', `/api/sources/${source.id}`)).statusCode).toBe(200);
  });
});

describe('[舆情] the fetch allow-list', () => {
  it('only the security admin edits it', async () => {
    expect((await call('GET', '/api/sources/fetch-policy')).statusCode).toBe(403);
    const sec = (await asUser(t, org, 'secadmin')).cookie;
    const put = (allowCidrs: string[]) => t.app.inject({ method: 'PUT', url: '/api/sources/fetch-policy', headers: { cookie: sec }, payload: { allowCidrs } });
    expect((await put(['127.0.0.1/32', '10.20.0.0/16'])).statusCode).toBe(200);
    expect((await put(['not a cidr'])).statusCode).toBe(400);
  });
});
