import { auditLogs } from '@xuanlian/db';
import { asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildOrg, buildUser, TEST_PASSWORD, loginRequest } from '../../../../test/factories.ts';
import { verifyAuditChain } from '../../../core/audit/audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const login = (username: string, password: string) => loginRequest(t, username, password);

async function loginRows() {
  return t.services.db
    .select()
    .from(auditLogs)
    .where(inArray(auditLogs.action, ['auth.login', 'auth.login_failed', 'auth.lock']))
    .orderBy(asc(auditLogs.id));
}

describe('[审计] every login and every failed login leaves an audit row', () => {
  it('names the outcome and the reason of each attempt', async () => {
    const org = await buildOrg(t);
    const ok = await buildUser(t, { org });
    const pending = await buildUser(t, { org, status: 'pending' });
    const disabled = await buildUser(t, { org, status: 'disabled' });
    const before = (await loginRows()).length;
    expect((await login(ok.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(ok.username, 'Wrong@2025x')).statusCode).toBe(401);
    expect((await login('无此用户', 'Wrong@2025x')).statusCode).toBe(401);
    expect((await login(pending.username, TEST_PASSWORD)).statusCode).toBe(403);
    expect((await login(disabled.username, TEST_PASSWORD)).statusCode).toBe(403);
    const rows = (await loginRows()).slice(before);
    expect(rows.map((r) => [r.action, (r.after as { reason?: string } | null)?.reason ?? null])).toEqual([
      ['auth.login', null],
      ['auth.login_failed', '密码错误'],
      ['auth.login_failed', '用户不存在'],
      ['auth.login_failed', '账号待启用'],
      ['auth.login_failed', '账号已停用'],
    ]);
    expect(rows[0]).toMatchObject({ actorId: ok.id, targetId: ok.id, orgId: org.id });
    expect(rows[2]).toMatchObject({ actorId: null, actorName: '未知用户（无此用户）' });
  });

  it('a burst of concurrent attempts, including a lockout, audits each one and keeps the chain intact', async () => {
    const org = await buildOrg(t);
    const good = await Promise.all(Array.from({ length: 6 }, () => buildUser(t, { org })));
    const victim = await buildUser(t, { org });
    const before = (await loginRows()).length;
    const attempts = [
      ...good.map((u) => login(u.username, TEST_PASSWORD)),
      ...Array.from({ length: 7 }, () => login(victim.username, 'Wrong@2025x')),
      ...Array.from({ length: 7 }, (_, i) => login(`ghost-${i}`, 'Wrong@2025x')),
    ];
    const codes = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(6);
    const rows = (await loginRows()).slice(before);
    const count = (action: string) => rows.filter((r) => r.action === action).length;
    expect(count('auth.login')).toBe(6);
    // Every refused attempt, whether the password was wrong or the account already locked.
    expect(count('auth.login_failed')).toBe(14);
    expect(count('auth.lock')).toBeGreaterThanOrEqual(1);
    expect((await verifyAuditChain(t.services.db, t.services.config)).ok).toBe(true);
  }, 120_000);
});
