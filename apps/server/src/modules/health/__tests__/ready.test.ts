import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createTestApp, testConfig, type TestApp } from '../../../../test/app.ts';
import { createTestDatabase } from '../../../../test/db.ts';
import { buildApp } from '../../../app.ts';
import { createServices } from '../../../core/services.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const ready = (app = t.app) => app.inject({ method: 'GET', url: '/api/ready' });

describe('[系统] readiness', () => {
  it('is ready on a fresh app, without signing in', async () => {
    const res = await ready();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', ok: true, reason: null },
        { name: 'migrations', ok: true, reason: null },
        { name: 'files', ok: true, reason: null },
      ],
    });
  });

  it('is not ready while a bundled migration is missing from the database', async () => {
    await t.database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    const res = await ready();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    const body = res.json();
    expect(body.status).toBe('unready');
    expect(body.checks).toContainEqual({ name: 'migrations', ok: false, reason: expect.stringContaining('有 1 个迁移尚未执行') });
    expect(body.checks).toContainEqual({ name: 'database', ok: true, reason: null });
  });

  it('is not ready once the database is gone', async () => {
    const database = await createTestDatabase();
    const config = testConfig();
    const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
    const app = await buildApp(services);
    await app.ready();
    try {
      expect((await ready(app)).statusCode).toBe(200);
      // Closing ends the pool (and drops the PostgreSQL copy): every query now fails.
      await database.close();
      const res = await ready(app);
      expect(res.statusCode).toBe(503);
      expect(res.json().checks).toEqual([
        { name: 'database', ok: false, reason: '数据库无法访问' },
        { name: 'migrations', ok: false, reason: '数据库无法访问，无法核对迁移' },
        { name: 'files', ok: true, reason: null },
      ]);
    } finally {
      await app.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});
