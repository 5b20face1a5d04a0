import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildCategories, buildManuscript, buildOrg, buildUser, loginAs, sessionCookie } from '../../../../test/factories.ts';
import { queryRows } from '../../../core/sql.ts';

let t: TestApp;
let reporter: string;
let cats: Record<string, string>;
const reviewers: string[] = [];

const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.services.db, query))[0]?.n ?? 0);

beforeAll(async () => {
  t = await createTestApp();
  const street = await buildOrg(t, { name: '城关街道', kind: 'street' });
  const unit = await buildOrg(t, { parent: street, name: '东门社区', kind: 'community' });
  cats = await buildCategories(t, street);
  reporter = await loginAs(t, await buildUser(t, { org: unit, roles: [{ role: 'reporter' }] }));
  // Fifty heads of the unit: every one of them is an assignee of the first step.
  for (let i = 0; i < 50; i++) reviewers.push(await sessionCookie(t, await buildUser(t, { org: unit, roles: [{ role: 'reviewer' }] })));
});
afterAll(async () => t.close());

describe('[审核] concurrency', () => {
  it('50 concurrent approvals of one step: exactly 1 success and 49 conflicts', async () => {
    const m = await buildManuscript(t, reporter, { categoryId: cats['工作动态'] });
    expect((await t.app.inject({ method: 'POST', url: `/api/manuscripts/${m.id}/submit`, headers: { cookie: reporter }, payload: {} })).statusCode).toBe(200);
    const steps = (await t.app.inject({ method: 'GET', url: `/api/manuscripts/${m.id}/steps`, headers: { cookie: reporter } })).json().items;
    expect(steps[0].assignees).toHaveLength(50);
    const stepId = steps[0].id as string;

    const results = await Promise.all(
      reviewers.map((cookie) => t.app.inject({ method: 'POST', url: `/api/reviews/steps/${stepId}/decisions`, headers: { cookie }, payload: { decision: 'approve', comment: '同意' } })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe('CONFLICT');
      expect(r.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.json().error.message).toContain('请刷新后查看');
    }
    expect(await count(sql`select count(*)::int as n from review_decisions where step_id = ${stepId}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_logs where action = 'review.approve' and target_id = ${m.id}`)).toBe(1);
    const final = (await t.app.inject({ method: 'GET', url: `/api/manuscripts/${m.id}`, headers: { cookie: reporter } })).json();
    expect(final.status).toBe('approved');
  });

  it('an idempotent submit: the same key twice is one submission with one answer', async () => {
    const m = await buildManuscript(t, reporter, { categoryId: cats['工作动态'] });
    const send = (key: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/manuscripts/${m.id}/submit`, headers: { cookie: reporter, 'idempotency-key': key }, payload });
    const first = await send('submit-key-0001');
    const again = await send('submit-key-0001');
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // A fresh key is a fresh request: the manuscript is already submitted.
    const fresh = await send('submit-key-0002');
    expect(fresh.statusCode).toBe(409);
    expect(fresh.json().error.code).toBe('INVALID_STATE');
    // The same key for a different request is refused, not replayed.
    const other = await send('submit-key-0001', { revision: 99 });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toContain('幂等键');
    expect(await count(sql`select count(*)::int as n from audit_logs where action = 'manuscript.submit' and target_id = ${m.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from review_steps where manuscript_id = ${m.id}`)).toBe(1);
  });

  it('concurrent submits with one key (a double click): one submission, the same answer to all', async () => {
    const m = await buildManuscript(t, reporter, { categoryId: cats['工作动态'] });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.app.inject({ method: 'POST', url: `/api/manuscripts/${m.id}/submit`, headers: { cookie: reporter }, payload: { idempotencyKey: 'double-click-1' } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const bodies = new Set(results.map((r) => r.body));
    expect(bodies.size).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_logs where action = 'manuscript.submit' and target_id = ${m.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from manuscript_versions where manuscript_id = ${m.id}`)).toBe(1);
  });
});
