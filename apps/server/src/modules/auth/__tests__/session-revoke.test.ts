import { auditLogs, sessions } from '@xuanlian/db';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildUser, loginAs, TEST_PASSWORD } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';

let t: TestApp;
let org: OrgRow;
let admin: string;
let secadmin: string;
beforeAll(async () => {
  t = await createTestApp();
  org = await buildOrg(t);
  admin = (await asUser(t, org, 'sysadmin')).cookie;
  secadmin = (await asUser(t, org, 'secadmin')).cookie;
});
afterAll(async () => t.close());

const me = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode;
const sessionsOf = async (userId: string) => (await t.services.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
async function lastAudit(action: string, targetId: string) {
  const rows = await t.services.db
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.action, action), eq(auditLogs.targetId, targetId)))
    .orderBy(desc(auditLogs.id))
    .limit(1);
  return rows[0];
}

describe('[会话] revoked when credentials or rights change', () => {
  it('a password change signs out the other sessions and keeps the one that changed it', async () => {
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const here = await loginAs(t, u);
    const elsewhere = await Promise.all([loginAs(t, u), loginAs(t, u)]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: here },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Better@2026pw' },
    });
    expect(res.statusCode).toBe(204);
    for (const cookie of elsewhere) expect(await me(cookie)).toBe(401);
    expect(await me(here)).toBe(200);
    expect(await sessionsOf(u.id)).toBe(1);
    expect((await lastAudit('auth.password_change', u.id))?.after).toMatchObject({ revokedSessions: 2 });
  });

  it('disabling (停用) an account ends all of its sessions', async () => {
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const cookies = await Promise.all([loginAs(t, u), loginAs(t, u), loginAs(t, u)]);
    for (const cookie of cookies) expect(await me(cookie)).toBe(200);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/users/${u.id}`, headers: { cookie: admin }, payload: { status: 'disabled' } });
    expect(res.statusCode).toBe(200);
    for (const cookie of cookies) expect(await me(cookie)).toBe(401);
    expect(await sessionsOf(u.id)).toBe(0);
    expect((await lastAudit('user.update', u.id))?.after).toMatchObject({ status: 'disabled', revokedSessions: 3 });
  });

  it('changing the role grants ends the sessions, so the new rights apply from the next login', async () => {
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const cookies = await Promise.all([loginAs(t, u), loginAs(t, u)]);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: { cookie: admin },
      payload: { grants: [{ role: 'editor', orgId: org.id }] },
    });
    expect(res.statusCode).toBe(200);
    for (const cookie of cookies) expect(await me(cookie)).toBe(401);
    expect((await lastAudit('user.grant', u.id))?.after).toMatchObject({ revokedSessions: 2 });
    // A name edit that re-sends the same grants (as the form does) leaves the sessions alone.
    const fresh = await loginAs(t, u);
    const same = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: { cookie: admin },
      payload: { name: '改个名字', grants: [{ role: 'editor', orgId: org.id }] },
    });
    expect(same.statusCode).toBe(200);
    expect(await me(fresh)).toBe(200);
  });

  it('a password reset by the security admin ends every session and forces a change at the next login', async () => {
    const u = await buildUser(t, { org, roles: [{ role: 'reporter' }] });
    const cookies = await Promise.all([loginAs(t, u), loginAs(t, u)]);
    const reset = (cookie: string, newPassword: string) => t.app.inject({ method: 'POST', url: `/api/users/${u.id}/password-reset`, headers: { cookie }, payload: { newPassword } });
    expect((await reset(admin, 'Reset@2025x')).statusCode).toBe(403); // the sysadmin's duty is not credentials
    expect((await reset(secadmin, 'abc')).statusCode).toBe(400);
    const res = await reset(secadmin, 'Reset@2025x');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mustChangePassword: true });
    for (const cookie of cookies) expect(await me(cookie)).toBe(401);
    expect(await sessionsOf(u.id)).toBe(0);
    const audit = await lastAudit('user.password_reset', u.id);
    expect(audit?.after).toEqual({ mustChangePassword: true, revokedSessions: 2 });
    expect(JSON.stringify(audit)).not.toContain('Reset@2025x');
    // The old password is gone; the temporary one only reaches the change-password step.
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(old.statusCode).toBe(401);
    const temp = await loginAs(t, { username: u.username, password: 'Reset@2025x' });
    expect((await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: temp } })).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
