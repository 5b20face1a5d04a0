import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { asUser, buildCategories, buildOrg, GOOD_BODY, GOOD_TITLE, type BuiltUser } from '../../../test/factories.ts';
import type { OrgRow } from '../../modules/orgs/index.ts';
import { ensureDefaultTypes, listTypes } from '../../modules/activities/index.ts';
import { claimIdempotent, storeIdempotentResponse } from '../../core/idempotency/repo.ts';

/**
 * Idempotency-Key on every write route: a repeat gets the first answer (same status, same body),
 * the same key on another request is a 409 in 中文, and five at once have exactly one effect.
 */
let t: TestApp;
let org: OrgRow;
let editor: { user: BuiltUser; cookie: string };
let sysadmin: { user: BuiltUser; cookie: string };
let reporter: { user: BuiltUser; cookie: string };
let studyType = '';
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t);
  await buildCategories(t, org);
  editor = await asUser(t, org, 'editor');
  sysadmin = await asUser(t, org, 'sysadmin');
  reporter = await asUser(t, org, 'reporter');
  await ensureDefaultTypes(t.services.db);
  studyType = (await listTypes(t.services.db)).find((x) => x.code === 'study')?.id ?? '';
});
afterAll(async () => t.close());

async function count(table: string, where: string): Promise<number> {
  const res = (await t.services.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`))) as unknown as { rows: Array<{ n: number }> };
  return Number(res.rows[0]?.n);
}

interface Create {
  name: string;
  who: () => string;
  url: string;
  payload: (tag: string) => object;
  rows: (tag: string) => Promise<number>;
}

const CREATES: Create[] = [
  {
    name: 'POST /api/manuscripts',
    who: () => reporter.cookie,
    url: '/api/manuscripts',
    payload: (tag) => ({ title: `${GOOD_TITLE}${tag}`, bodyHtml: GOOD_BODY, authors: [{ name: '张晓华', share: 100 }] }),
    rows: (tag) => count('manuscripts', `title = '${GOOD_TITLE}${tag}'`),
  },
  {
    name: 'POST /api/plans',
    who: () => editor.cookie,
    url: '/api/plans',
    payload: (tag) => ({ orgId: org.id, title: `幂等方案${tag}`, year: 2025 }),
    rows: (tag) => count('plans', `title = '幂等方案${tag}'`),
  },
  {
    name: 'POST /api/activities',
    who: () => editor.cookie,
    url: '/api/activities',
    payload: (tag) => ({ orgId: org.id, typeId: studyType, heldOn: '2025-06-01', venueType: 'organ', topic: `幂等学习${tag}` }),
    rows: (tag) => count('activities', `topic = '幂等学习${tag}'`),
  },
  {
    name: 'POST /api/users',
    who: () => sysadmin.cookie,
    url: '/api/users',
    payload: (tag) => ({ username: `idem${tag}`, name: '幂等用户', orgId: org.id, initialPassword: 'Matrix@2025x' }),
    rows: (tag) => count('users', `username = 'idem${tag}'`),
  },
];

const IN_VERB = ['POST /api/manuscripts/{id}/submit'];
const tagOf = () => randomUUID().slice(0, 8);

describe('[Idempotency] Idempotency-Key on create routes', () => {
  for (const c of CREATES) {
    it(`${c.name}: the same key twice is one row and the same answer`, async () => {
      const tag = tagOf();
      const key = `idem-${tag}-twice`;
      const send = () => t.app.inject({ method: 'POST', url: c.url, headers: { cookie: c.who(), 'idempotency-key': key }, payload: c.payload(tag) });
      const first = await send();
      expect(first.statusCode, first.body).toBe(201);
      const second = await send();
      expect(second.statusCode).toBe(first.statusCode);
      expect(second.body).toBe(first.body);
      expect(await c.rows(tag)).toBe(1);
    });

    it(`${c.name}: five at once with one key have exactly one effect, and all get its answer`, async () => {
      const tag = tagOf();
      const key = `idem-${tag}-burst`;
      const results = await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ method: 'POST', url: c.url, headers: { cookie: c.who(), 'idempotency-key': key }, payload: c.payload(tag) })));
      expect(await c.rows(tag)).toBe(1);
      for (const r of results) {
        expect(r.statusCode, r.body).toBe(201);
        expect(r.body).toBe(results[0]?.body);
      }
    });
  }

  it('the same key with a different body is a 409 in 中文, and nothing is created', async () => {
    const c = CREATES[0];
    if (!c) throw new Error('no case');
    const tag = tagOf();
    const other = tagOf();
    const key = `idem-${tag}-other`;
    const first = await t.app.inject({ method: 'POST', url: c.url, headers: { cookie: c.who(), 'idempotency-key': key }, payload: c.payload(tag) });
    expect(first.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: c.url, headers: { cookie: c.who(), 'idempotency-key': key }, payload: c.payload(other) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/幂等键/);
    expect(await c.rows(other)).toBe(0);
  });

  it('a malformed key is a 400 naming the header', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/plans', headers: { cookie: editor.cookie, 'idempotency-key': 'x' }, payload: { orgId: org.id, title: '短键', year: 2025 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('idempotency-key');
  });

  it('a key is per user: another user with the same key gets their own row', async () => {
    const tag = tagOf();
    const key = `idem-${tag}-users`;
    const other = await asUser(t, org, 'editor');
    for (const cookie of [editor.cookie, other.cookie]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/plans', headers: { cookie, 'idempotency-key': key }, payload: { orgId: org.id, title: `幂等方案${tag}`, year: 2025 } });
      expect(res.statusCode).toBe(201);
    }
    expect(await count('plans', `title = '幂等方案${tag}'`)).toBe(2);
  });

  it('every write route in the OpenAPI document looks the key up before anything else (a key used on another request → 409)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const ignored: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        // The two login steps have no signed-in user yet to own a key.
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || path === '/api/auth/login' || path === '/api/auth/login/second-factor') continue;
        // Claims its key inside its own verb (crash-proof answer): proven in reviews/__tests__/race.test.ts.
        if (IN_VERB.includes(`${method} ${path}`)) continue;
        const route = path.replace(/\{([^}]+)\}/g, ':$1');
        const key = `idem-route-${++checked}`;
        const k = { userId: editor.user.id, scope: `${method} ${route}`, key };
        await t.services.db.transaction(async (tx) => {
          await claimIdempotent(tx, k, 'a-different-request');
          await storeIdempotentResponse(tx, k, { status: 201, contentType: 'application/json', body: '{}' });
        });
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({ method: method as 'POST', url, headers: { cookie: editor.cookie, 'idempotency-key': key } });
        if (res.statusCode !== 409 || !res.body.includes('幂等键')) ignored.push(`${method} ${path} → ${res.statusCode}`);
      }
    }
    expect(checked).toBeGreaterThan(80);
    expect(ignored).toEqual([]);
  });
});
