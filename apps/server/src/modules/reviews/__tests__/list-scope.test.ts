/**
 * The routes the scope matrix cannot ask "inside or outside?" because they take no target: the
 * actor's own lists (待我审核 and its badge, 约稿, 突发事件, 审核策略) and bulk approval. Each is
 * asked here with rows planted in a second tree, which must never show up or be touched.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildTwoTrees, buildUser, insertManuscriptRow, insertPendingStep, sessionCookie } from '../../../../test/factories.ts';
import { queryRows } from '../../../core/sql.ts';
import type { OrgRow } from '../../orgs/index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
const planted = { a: {} as Planted, b: {} as Planted };
let reviewerA = '';
let editorA = '';

interface Planted {
  manuscriptId: string;
  stepId: string;
  urgentId: string;
  commissionId: string;
  policyId: string;
}

async function one(query: ReturnType<typeof sql>): Promise<string> {
  return (await queryRows<{ id: string }>(t.services.db, query))[0]?.id ?? '';
}

/** A submitted manuscript with a pending step for `reviewerId`, a 首报, a 约稿 and a policy at `unit`. */
async function plant(root: OrgRow, unit: OrgRow, reviewerId: string): Promise<Planted> {
  const reporter = await buildUser(t, { org: unit, roles: [{ role: 'reporter' }] });
  const manuscriptId = await insertManuscriptRow(t, { org: unit, reporterId: reporter.id });
  const stepId = await insertPendingStep(t, manuscriptId, [reviewerId]);
  const urgentId = await insertManuscriptRow(t, { org: unit, reporterId: reporter.id });
  await t.services.db.execute(sql`update manuscripts set report_kind = 'first', chain_id = id, chain_seq = 1, event_at = now() where id = ${urgentId}`);
  const commissionId = await one(sql`
    with c as (insert into commissions (org_id, topic, due_at, created_by_name) values (${root.id}, '列表约稿', now() + interval '1 day', '测试') returning id)
    insert into commission_targets (commission_id, org_id) select id, ${unit.id} from c returning commission_id as id`);
  const policyId = await one(sql`insert into review_policies (org_id, name, steps) values (${root.id}, ${`列表策略${root.name}`}, '[]') returning id`);
  return { manuscriptId, stepId, urgentId, commissionId, policyId };
}

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  const ra = await buildUser(t, { org: trees.a, roles: [{ role: 'reviewer' }] });
  const rb = await buildUser(t, { org: trees.b, roles: [{ role: 'reviewer' }] });
  reviewerA = await sessionCookie(t, ra);
  editorA = await sessionCookie(t, await buildUser(t, { org: trees.a, roles: [{ role: 'editor' }] }));
  planted.a = await plant(trees.a, trees.a1, ra.id);
  planted.b = await plant(trees.b, trees.b1, rb.id);
});
afterAll(async () => t.close());

const get = async (url: string, cookie: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, url).toBe(200);
  return res.body;
};

describe('[范围] lists without a target', () => {
  it('待我审核 and its badge show only the actor own steps, never another tree', async () => {
    const body = await get('/api/reviews/pending', reviewerA);
    expect(body).toContain(planted.a.manuscriptId);
    expect(body).not.toContain(planted.b.manuscriptId);
    expect(JSON.parse(await get('/api/reviews/pending/count', reviewerA))).toMatchObject({ count: 1 });
  });

  it('bulk approval of another tree step fails for that step and leaves it pending', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/reviews/bulk-approve', headers: { cookie: reviewerA }, payload: { stepIds: [planted.b.stepId] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 0, failed: 1 });
    expect(res.body).not.toContain(planted.b.manuscriptId);
    const status = (await queryRows<{ status: string }>(t.services.db, sql`select status from review_steps where id = ${planted.b.stepId}`))[0]?.status;
    expect(status).toBe('pending');
  });

  it('约稿, 突发事件 and 审核策略 lists of an editor stop at the edge of the subtree', async () => {
    const commissions = await get('/api/commissions', editorA);
    expect(commissions).toContain(planted.a.commissionId);
    expect(commissions).not.toContain(planted.b.commissionId);
    const urgent = await get('/api/manuscripts/urgent?open=false', editorA);
    expect(urgent).toContain(planted.a.urgentId);
    expect(urgent).not.toContain(planted.b.urgentId);
    const policies = await get('/api/reviews/policies', editorA);
    expect(policies).toContain(planted.a.policyId);
    expect(policies).not.toContain(planted.b.policyId);
  });
});
