import { LISTENER_APPLICATION_NAME, openDatabase, type Database } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { databaseUrlOf, onPostgres } from '../../test/db.ts';
import { asUser, buildOrg, buildUser, loginAs } from '../../test/factories.ts';
import { sleep, waitFor } from '../../test/wait.ts';
import { queryRows } from './sql.ts';
import { buildApp } from '../app.ts';
import { SESSION_CACHE_MS } from '../modules/auth/verbs/resolve-session.ts';
import { createServices } from './services.ts';

// Two instances on one PostgreSQL database; PGlite is one process, with nothing to share.
describe.runIf(onPostgres())('[缓存] clears reach every instance (PostgreSQL LISTEN/NOTIFY)', () => {
  let a: TestApp;
  let bDatabase: Database;
  let b: FastifyInstance;
  beforeAll(async () => {
    a = await createTestApp();
    bDatabase = await openDatabase({ databaseUrl: databaseUrlOf(a.database) });
    const bServices = await createServices(a.services.config, { database: bDatabase, log: pino({ level: 'silent' }) });
    b = await buildApp(bServices);
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await bDatabase?.close();
    await a?.close();
  });

  /** Polls instance B until `done`, and returns how long after `since` it first held. */
  async function onB(url: string, cookie: string, done: (status: number, body: string) => boolean, since: number): Promise<number> {
    for (;;) {
      const res = await b.inject({ method: 'GET', url, headers: { cookie } });
      if (done(res.statusCode, res.body)) return Date.now() - since;
      if (Date.now() - since > 3 * SESSION_CACHE_MS) throw new Error(`instance B still answers ${res.statusCode} ${res.body.slice(0, 200)}`);
      await sleep(20);
    }
  }

  it('instance B refuses the session of a user disabled through A within 1 s, well inside its cache TTL', async () => {
    const org = await buildOrg(a);
    const { cookie: admin } = await asUser(a, org, 'sysadmin');
    const user = await buildUser(a, { org, roles: [{ role: 'reporter', org }] });
    const cookie = await loginAs(a, user);
    // B now holds the session in its cache.
    const cachedAt = Date.now();
    expect((await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);

    const res = await a.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin }, payload: { status: 'disabled' } });
    expect(res.statusCode).toBe(200);
    const changedAt = Date.now();
    const took = await onB('/api/me', cookie, (status) => status === 401, changedAt);
    expect(took).toBeLessThan(1_000);
    // Refused while B's cached entry was still within its TTL: the notice dropped it, not the clock.
    expect(changedAt + took - cachedAt).toBeLessThan(SESSION_CACHE_MS);
  });

  it('instance B drops the old role of a session and shows a renamed unit at once', async () => {
    const org = await buildOrg(a);
    const { cookie: admin } = await asUser(a, org, 'sysadmin');
    const user = await buildUser(a, { org, roles: [{ role: 'reporter', org }] });
    const cookie = await loginAs(a, user);
    const me = await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.body).toContain('reporter');
    const orgs = await b.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: admin } });
    expect(orgs.body).toContain(org.name);

    // A change of roles ends the user's sessions (they sign in again with the new role).
    const grant = await a.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin }, payload: { grants: [{ role: 'editor', orgId: org.id }] } });
    expect(grant.statusCode).toBe(200);
    expect(await onB('/api/me', cookie, (status) => status === 401, Date.now())).toBeLessThan(1_000);

    const renamed = `${org.name}（更名）`;
    expect((await a.app.inject({ method: 'PATCH', url: `/api/orgs/${org.id}`, headers: { cookie: admin }, payload: { name: renamed } })).statusCode).toBe(200);
    expect(await onB('/api/orgs', admin, (status, body) => status === 200 && body.includes(renamed), Date.now())).toBeLessThan(1_000);
  });

  it('listens again after its connection was cut (as by a PostgreSQL restart)', async () => {
    const listeners = async () =>
      (await queryRows<{ pid: number }>(a.services.db, sql`select pid from pg_stat_activity where datname = current_database() and application_name = ${LISTENER_APPLICATION_NAME}`)).map((r) => r.pid);
    const before = await listeners();
    expect(before).toHaveLength(2);
    await a.services.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = ${LISTENER_APPLICATION_NAME}`);
    await waitFor(
      async () => {
        const now = await listeners();
        return now.length === 2 && now.every((pid) => !before.includes(pid));
      },
      { timeoutMs: 10_000, what: 'both listeners to reconnect' },
    );

    const org = await buildOrg(a);
    const { cookie: admin } = await asUser(a, org, 'sysadmin');
    const user = await buildUser(a, { org, roles: [{ role: 'reporter', org }] });
    const cookie = await loginAs(a, user);
    expect((await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin }, payload: { status: 'disabled' } })).statusCode).toBe(200);
    expect(await onB('/api/me', cookie, (status) => status === 401, Date.now())).toBeLessThan(1_000);
  });
});
