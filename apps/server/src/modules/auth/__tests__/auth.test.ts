import { ROLE_PERMISSIONS } from '@xuanlian/contracts';
import { users, sessions } from '@xuanlian/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildOrg, buildUser, loginAs, TEST_PASSWORD, loginRequest } from '../../../../test/factories.ts';
import { awayFromMinuteEdge } from '../../../../test/rate-limit.ts';
import { buildApp } from '../../../app.ts';
import { clearCaches } from '../../../core/cache.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const login = (username: string, password: string) => loginRequest(t, username, password);

describe('[登录] sessions', () => {
  it('sets an httpOnly, SameSite session cookie and serves /api/me', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const res = await login(u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xl_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `xl_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: u.username, permissions: [...ROLE_PERMISSIONS.reporter] });
    // The database keeps only a hash of the token.
    const rows = await t.services.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(rows[0]?.id).not.toBe(cookie?.value);
  });

  it('rejects a wrong password and an unknown user alike', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const a = await login(u.username, 'Wrong@2025x');
    const b = await login('nobody-here', 'Wrong@2025x');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it('locks the account for 30 minutes after 5 failures, even for the right password', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    for (let i = 0; i < 4; i++) expect((await login(u.username, 'Wrong@2025x')).statusCode).toBe(401);
    const fifth = await login(u.username, 'Wrong@2025x');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await login(u.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    const [row] = await t.services.db.select().from(users).where(eq(users.id, u.id));
    const minutes = ((row?.lockedUntil?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    // Once the lock has run out, the right password works again.
    await t.services.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, u.id));
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('logs out after 30 idle minutes', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const cookie = await loginAs(t, u);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    await t.services.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, u.id));
    clearCaches(t.services.db); // a direct SQL edit bypasses the verbs that would clear it
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().error.code).toBe('UNAUTHORIZED');
  });

  it('logout ends the session', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const cookie = await loginAs(t, u);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('shares sessions between two app instances on one database', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const cookie = await loginAs(t, u);
    const second = await buildApp(t.services);
    await second.ready();
    const res = await second.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    await second.close();
    expect(res.statusCode).toBe(200);
  });

  it('refuses a pending account until it is activated', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org, status: 'pending' });
    const res = await login(u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_INACTIVE');
  });

  it('refuses a cross-site write', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const cookie = await loginAs(t, u);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:80' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('[登录] forced password change', () => {
  it('blocks everything but /api/me and the change itself, enforces the policy, then lets the user in', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }], mustChangePassword: true });
    const cookie = await loginAs(t, u);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().mustChangePassword).toBe(true);

    const change = (currentPassword: string, newPassword: string) => t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });
    const weak = await change(TEST_PASSWORD, 'abcdefgh');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details).toEqual([expect.objectContaining({ path: 'newPassword' })]);
    expect((await change(TEST_PASSWORD, 'Ab1')).json().error.details[0].message).toContain('至少 8 位');
    expect((await change('Wrong@2025x', 'Better@2026pw')).json().error.details[0].path).toBe('currentPassword');
    expect((await change(TEST_PASSWORD, 'Better@2026pw')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } })).statusCode).toBe(200);
    expect((await login(u.username, 'Better@2026pw')).statusCode).toBe(200);
  });
});

describe('[登录] rate limit', () => {
  it('answers 429 with a 中文 message past the per-minute limit', async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      await awayFromMinuteEdge();
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x1x', password: 'y' } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) {
          expect(r.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^登录尝试过于频繁，请 \d+ 秒后再试$/) });
          expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
