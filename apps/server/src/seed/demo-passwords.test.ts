import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { onPostgres } from '../../test/db.ts';
import { buildOrg, buildUser } from '../../test/factories.ts';
import { freePort } from '../../test/ports.ts';
import { auditKeyEnv, createEmptyDatabase, startServerProcess } from '../../test/server-process.ts';
import { testDatabaseUrl } from '../config/env.ts';
import { hashPassword } from '../core/passwords.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-city.ts';
import { accountsOnDemoPassword, refuseDemoPasswords } from './demo-passwords.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('[安全] production refuses the published demo password', () => {
  it('names every account not disabled that still has the demo password, and only those', async () => {
    const org = await buildOrg(t);
    const onDemo = await buildUser(t, { org, username: 'demo_active' });
    const pending = await buildUser(t, { org, username: 'demo_pending', status: 'pending' });
    const disabled = await buildUser(t, { org, username: 'demo_disabled', status: 'disabled' });
    await buildUser(t, { org, username: 'own_password' });
    const demoHash = await hashPassword(DEMO_PASSWORD);
    for (const u of [onDemo, pending, disabled]) await t.services.db.execute(sql`update users set password_hash = ${demoHash} where id = ${u.id}`);

    expect(await accountsOnDemoPassword(t.services.db)).toEqual(['demo_active', 'demo_pending']);
    await expect(refuseDemoPasswords(t.services.db)).rejects.toThrow(/^生产模式（NODE_ENV=production）拒绝启动：账号 demo_active、demo_pending 仍在使用公开的演示密码/);

    await t.services.db.execute(sql`update users set password_hash = ${await hashPassword('Changed@2026x')} where username like 'demo_%'`);
    await expect(refuseDemoPasswords(t.services.db)).resolves.toBeUndefined();
  });

  it('a production start on the demo city exits non-zero with a 中文 line naming the accounts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xl-prod-'));
    const empty = onPostgres() ? await createEmptyDatabase(testDatabaseUrl() ?? '', `${inject('pgTemplateDb')}_prod_${randomBytes(4).toString('hex')}`) : undefined;
    try {
      const env = { ...auditKeyEnv(), NODE_ENV: 'production', SEED_DEMO: 'true', DATA_DIR: dataDir, DATABASE_URL: empty?.url ?? '', PORT: String(await freePort()) };
      const p = startServerProcess([], env);
      expect(await p.exited).toBe(1);
      const line =
        p
          .output()
          .split('\n')
          .find((l) => l.startsWith('启动失败：生产模式（NODE_ENV=production）拒绝启动：账号 ')) ?? '';
      const named = line.replace(/^.*?账号 (\S+) 仍在使用公开的演示密码.*$/, '$1').split('、');
      expect(named).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.username)));
      expect(p.output()).not.toContain('宣联 已启动');
    } finally {
      await empty?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
