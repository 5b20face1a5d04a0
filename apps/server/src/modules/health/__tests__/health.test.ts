import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { onPostgres } from '../../../../test/db.ts';
import { buildApp } from '../../../app.ts';
import { asUser, buildOrg } from '../../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('[系统] health and API docs', () => {
  it('reports the database and the oldest pending job', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok', engine: onPostgres() ? 'pg' : 'pglite' });
    expect(res.json()).toHaveProperty('oldestPendingJobSeconds');
  });

  it('publishes every route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/auth/login', '/api/auth/logout', '/api/me', '/api/orgs', '/api/orgs/{id}', '/api/users', '/api/users/{id}', '/api/audit-logs', '/api/health', '/api/imports']) {
      expect(paths).toContain(p);
    }
  });

  it('answers unknown API paths with the error envelope (401 before sign-in, 404 after)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(401);
    const { cookie } = await asUser(t, await buildOrg(t), 'reporter');
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('turns an unexpected failure into a generic 500 without internals', async () => {
    const app = await buildApp(t.services);
    app.get('/api/health/boom', async () => {
      throw new Error('secret internals at /srv/xuanlian/db.ts:42');
    });
    await app.ready();
    const { cookie } = await asUser(t, await buildOrg(t), 'reporter');
    const res = await app.inject({ method: 'GET', url: '/api/health/boom', headers: { cookie } });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('.ts');
  });
});
