import { auditLogs, users } from '@xuanlian/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { buildOrg, buildUser, TEST_PASSWORD, loginRequest } from '../../../../test/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const login = (username: string, password: string) => loginRequest(t, username, password);

/** The wrong passwords that were actually verified, as the audit log records them. */
async function wrongPasswordsChecked(userId: string): Promise<number> {
  const rows = await t.services.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLogs)
    .where(and(eq(auditLogs.action, 'auth.login_failed'), eq(auditLogs.targetId, userId), sql`${auditLogs.after}->>'reason' = '密码错误'`));
  return rows[0]?.n ?? 0;
}

describe('[登录] lockout under a burst', () => {
  it('checks at most 5 wrong passwords out of 30 simultaneous attempts, and the right one (last) stays out', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    const passwords = [...Array.from({ length: 29 }, (_, i) => `Wrong@2025x${i}`), TEST_PASSWORD];
    const answers = await Promise.all(passwords.map((p) => login(u.username, p)));

    expect(await wrongPasswordsChecked(u.id)).toBeLessThanOrEqual(5);
    const last = answers.at(-1);
    expect(last?.statusCode).toBe(423);
    expect(last?.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(0);
    // Every refusal is a wrong password (401) or the lock (423), in 中文.
    for (const a of answers) {
      expect([401, 423]).toContain(a.statusCode);
      expect(a.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }

    const [row] = await t.services.db.select().from(users).where(eq(users.id, u.id));
    expect(row?.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now() + 29 * 60_000);
    // One lock, not one per racing attempt.
    const locks = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'auth.lock'), eq(auditLogs.targetId, u.id)));
    expect(locks).toHaveLength(1);

    // Still locked afterwards for the right password, until the security admin unlocks.
    const again = await login(u.username, TEST_PASSWORD);
    expect(again.statusCode).toBe(423);
    expect(again.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('a burst of right passwords alone all get in and leave the counter at zero', async () => {
    const org = await buildOrg(t);
    const u = await buildUser(t, { org });
    await t.services.db.update(users).set({ failedLogins: 3 }).where(eq(users.id, u.id));
    const answers = await Promise.all(Array.from({ length: 6 }, () => login(u.username, TEST_PASSWORD)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const [row] = await t.services.db.select().from(users).where(eq(users.id, u.id));
    expect(row?.failedLogins).toBe(0);
    expect(row?.lockedUntil).toBeNull();
  });
});
