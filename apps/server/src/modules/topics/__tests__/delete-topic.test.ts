import { auditLogs, opinionAlertRules } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app.ts';
import { buildAlert, buildTopic, monitorDesk } from '../../../../test/opinion.ts';
import { createAlertRule } from '../../alerts/verbs/rules.ts';
import type { OrgRow } from '../../orgs/index.ts';

let t: TestApp;
let org: OrgRow;
let call: Awaited<ReturnType<typeof monitorDesk>>['call'];

beforeAll(async () => {
  ({ t, org, call } = await monitorDesk());
});
afterAll(async () => t.close());

describe('[舆情] deleting a topic', () => {
  it('a topic that has matched nothing is deleted with its alert rules, and the delete is audited', async () => {
    const topic = await buildTopic(t, org, '误建 & 专题');
    expect(await createAlertRule({ ctx: t.system, input: { topicId: topic.id, kind: 'title_keyword', keywords: ['误建'], sourceIds: [], severity: 'general', enabled: true } })).toMatchObject({
      topicId: topic.id,
    });
    const res = await call('DELETE', `/api/topics/${topic.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ deleted: true });
    expect((await call('GET', `/api/topics/${topic.id}`)).statusCode).toBe(404);
    expect(await t.services.db.select().from(opinionAlertRules).where(eq(opinionAlertRules.topicId, topic.id))).toEqual([]);
    const audit = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'topic.delete'), eq(auditLogs.targetId, topic.id)));
    expect(audit).toHaveLength(1);
    expect((await call('DELETE', `/api/topics/${topic.id}`)).statusCode).toBe(404);
  });

  it('a topic with matched mentions and alerts is refused in 中文 and kept, with its alert history', async () => {
    const { topic, alert } = await buildAlert(t, org);
    const res = await call('DELETE', `/api/topics/${topic.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('该专题已有命中舆情 1 条、预警 1 条，不能删除；如不再监测，请将其停用');
    expect((await call('GET', `/api/topics/${topic.id}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/alerts/${alert.id}`)).statusCode).toBe(200);
  });
});
