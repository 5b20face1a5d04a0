import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, loginAs } from '../../../../test/factories.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let admin: string;
let secadmin: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  admin = (await asUser(t, trees.a, 'sysadmin')).cookie;
  secadmin = (await asUser(t, trees.a, 'secadmin')).cookie;
  auditor = (await asUser(t, trees.a, 'auditor')).cookie;
});
afterAll(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('[用户] accounts and 三员分立', () => {
  it('a sysadmin-made account is pending until a secadmin activates it; then the user must change the password', async () => {
    const created = await req('POST', '/api/users', admin, {
      username: 'newbie1',
      name: '新用户',
      orgId: trees.a1.id,
      initialPassword: 'Start@2025x',
      grants: [{ role: 'reporter', orgId: trees.a1.id }],
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ status: 'pending', mustChangePassword: true, grants: [{ role: 'reporter', orgId: trees.a1.id }] });
    const early = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'newbie1', password: 'Start@2025x' } });
    expect(early.json().error.code).toBe('ACCOUNT_INACTIVE');
    // The sysadmin cannot switch it on, neither by activate nor by PATCH.
    expect((await req('POST', `/api/users/${user.id}/activate`, admin)).statusCode).toBe(403);
    expect((await req('PATCH', `/api/users/${user.id}`, admin, { status: 'active' })).statusCode).toBe(403);
    const activated = await req('POST', `/api/users/${user.id}/activate`, secadmin);
    expect(activated.statusCode).toBe(200);
    expect(activated.json().status).toBe('active');
    const cookie = await loginAs(t, { username: 'newbie1', password: 'Start@2025x' });
    expect((await req('GET', '/api/me', cookie)).json().mustChangePassword).toBe(true);
  });

  it('never lets one person hold two of sysadmin / secadmin / auditor', async () => {
    const both = await req('POST', '/api/users', admin, {
      username: 'twohats',
      name: '两顶帽子',
      orgId: trees.a.id,
      initialPassword: 'Start@2025x',
      grants: [
        { role: 'sysadmin', orgId: trees.a.id },
        { role: 'auditor', orgId: trees.a1.id },
      ],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details[0]).toMatchObject({ path: 'grants' });
    expect(both.json().error.message).toContain('三员分立');
    const ok = await req('POST', '/api/users', admin, {
      username: 'onehat',
      name: '一顶帽子',
      orgId: trees.a.id,
      initialPassword: 'Start@2025x',
      grants: [{ role: 'secadmin', orgId: trees.a.id }],
    });
    expect(ok.statusCode).toBe(201);
    const add = await req('PATCH', `/api/users/${ok.json().id}`, admin, {
      grants: [
        { role: 'secadmin', orgId: trees.a.id },
        { role: 'sysadmin', orgId: trees.a.id },
      ],
    });
    expect(add.statusCode).toBe(400);
  });

  it('keeps each admin to its own duty', async () => {
    // sysadmin: no audit log, no security policy, no activation.
    expect((await req('GET', '/api/audit-logs', admin)).statusCode).toBe(403);
    expect((await req('GET', '/api/security-policy', admin)).statusCode).toBe(403);
    // secadmin: no account creation, no audit log.
    const made = await req('POST', '/api/users', secadmin, { username: 'x9x', name: '某人', orgId: trees.a.id, initialPassword: 'Start@2025x' });
    expect(made.statusCode).toBe(403);
    expect((await req('GET', '/api/audit-logs', secadmin)).statusCode).toBe(403);
    expect((await req('GET', '/api/security-policy', secadmin)).statusCode).toBe(200);
    // auditor: reads the log and nothing it could change.
    expect((await req('GET', '/api/audit-logs', auditor)).statusCode).toBe(200);
    expect((await req('POST', '/api/orgs', auditor, { parentId: trees.a.id, name: '新科室', kind: 'section', code: 'AUD1' })).statusCode).toBe(403);
    expect((await req('PUT', '/api/security-policy', auditor, { minLength: 8, minClasses: 3, maxFailedLogins: 5, lockMinutes: 30, idleMinutes: 30, passwordMaxAgeDays: 90 })).statusCode).toBe(403);
  });

  it('secadmin changes the policy and it applies to the next password', async () => {
    const policy = { minLength: 12, minClasses: 4, maxFailedLogins: 5, lockMinutes: 30, idleMinutes: 30, passwordMaxAgeDays: 90 };
    expect((await req('PUT', '/api/security-policy', secadmin, policy)).statusCode).toBe(200);
    const bad = await req('POST', '/api/users', admin, { username: 'shortpw', name: '短密码', orgId: trees.a.id, initialPassword: 'Start@2025x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'initialPassword' });
    expect((await req('PUT', '/api/security-policy', secadmin, { ...policy, minLength: 6 })).json().error.code).toBe('VALIDATION');
    await req('PUT', '/api/security-policy', secadmin, { ...policy, minLength: 8, minClasses: 3 });
  });

  it('secadmin unlocks a locked account', async () => {
    const org = await buildOrg(t, { parent: trees.a });
    const { user } = await asUser(t, org, 'reporter');
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'Nope@2025x' } });
    const listed = await req('GET', `/api/users?q=${user.username}`, secadmin);
    expect(listed.json().items[0].isLocked).toBe(true);
    expect((await req('POST', `/api/users/${user.id}/unlock`, admin)).statusCode).toBe(403);
    expect((await req('POST', `/api/users/${user.id}/unlock`, secadmin)).json().isLocked).toBe(false);
    await loginAs(t, user);
  });

  it('grants may only name units inside the granting admin’s subtree', async () => {
    const res = await req('POST', '/api/users', admin, {
      username: 'outside1',
      name: '越权授权',
      orgId: trees.a1.id,
      initialPassword: 'Start@2025x',
      grants: [{ role: 'reporter', orgId: trees.b1.id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('grants.0.orgId');
  });

  it('lists users of a subtree with paging and search', async () => {
    const res = await req('GET', `/api/users?orgId=${trees.a1.id}&pageSize=200`, admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.every((u: { orgId: string }) => u.orgId === trees.a1.id)).toBe(true);
    expect(body.total).toBe(body.items.length);
    expect((await req('GET', '/api/users?pageSize=1', admin)).json().items).toHaveLength(1);
  });

  it('a disabled account is logged out at once', async () => {
    const { user, cookie } = await asUser(t, trees.a2, 'reporter');
    expect((await req('PATCH', `/api/users/${user.id}`, admin, { status: 'disabled' })).statusCode).toBe(200);
    expect((await req('GET', '/api/me', cookie)).statusCode).toBe(401);
  });
});
