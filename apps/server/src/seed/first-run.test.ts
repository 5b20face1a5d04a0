import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { onPostgres } from '../../test/db.ts';
import { loginRequest } from '../../test/factories.ts';
import { createEmptyDatabase, startServerProcess } from '../../test/server-process.ts';
import { testDatabaseUrl } from '../config/env.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';
import { queryRows } from '../core/sql.ts';
import { currentPolicy, passwordProblem } from '../modules/security/index.ts';
import { setUpFirstRun } from './first-run.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('[初始化] first-run set-up', () => {
  it('creates the root unit and the three administrators with one-time passwords, and no demo data', async () => {
    const accounts = await setUpFirstRun(t.services, { rootName: '某某市委宣传部', rootCode: 'XX' });
    expect(accounts.map((a) => [a.username, a.role])).toEqual([
      ['sysadmin', 'sysadmin'],
      ['secadmin', 'secadmin'],
      ['auditor', 'auditor'],
    ]);
    const policy = await currentPolicy(t.services.db);
    for (const a of accounts) expect(passwordProblem(a.password, policy, a.username)).toBeNull();
    expect(new Set(accounts.map((a) => a.password)).size).toBe(3);

    const orgs = await queryRows<{ name: string; code: string; parent_id: string | null }>(t.services.db, sql`select name, code, parent_id from orgs`);
    expect(orgs).toEqual([{ name: '某某市委宣传部', code: 'XX', parent_id: null }]);
    const users = await queryRows<{ username: string; status: string; must_change_password: boolean; role: string }>(
      t.services.db,
      sql`select u.username, u.status, u.must_change_password, g.role from users u join role_grants g on g.user_id = u.id order by u.username`,
    );
    expect(users).toEqual([
      { username: 'auditor', status: 'active', must_change_password: true, role: 'auditor' },
      { username: 'secadmin', status: 'active', must_change_password: true, role: 'secadmin' },
      { username: 'sysadmin', status: 'active', must_change_password: true, role: 'sysadmin' },
    ]);
    const [demo] = await queryRows<{ manuscripts: number; categories: number }>(
      t.services.db,
      sql`select (select count(*)::int from manuscripts) as manuscripts, (select count(*)::int from manuscript_categories) as categories`,
    );
    expect(demo).toEqual({ manuscripts: 0, categories: 0 });
    expect((await verifyAuditChain(t.services.db, t.services.config)).ok).toBe(true);

    // The printed password logs in once, and the session can do nothing but change it.
    const sysadmin = accounts[0];
    const login = await loginRequest(t, 'sysadmin', sysadmin?.password ?? '');
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'xl_session');
    const orgList = await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie: `xl_session=${cookie?.value}` } });
    expect(orgList.statusCode).toBe(403);
    expect(orgList.json().error.message).toMatch(/修改密码/);
  });

  it('refuses a database that already has accounts, in 中文', async () => {
    await expect(setUpFirstRun(t.services, { rootName: '另一个宣传部', rootCode: 'YY' })).rejects.toThrow(/数据库中已有 3 个账号，不能再次初始化/);
    const [n] = await queryRows<{ n: number }>(t.services.db, sql`select count(*)::int as n from orgs`);
    expect(n?.n).toBe(1);
  });

  it('checks the root unit like the unit form does', async () => {
    await expect(setUpFirstRun(t.services, { rootName: '某', rootCode: 'X X' })).rejects.toThrow(/根单位信息有误：单位名称至少 2 个字；单位编码只能包含字母、数字、下划线和短横线/);
  });
});

describe('[初始化] npm run setup', () => {
  it('prints the three one-time passwords once, then refuses a second run with a non-zero exit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xl-setup-'));
    const empty = onPostgres() ? await createEmptyDatabase(testDatabaseUrl() ?? '', `${inject('pgTemplateDb')}_setup_${randomBytes(4).toString('hex')}`) : undefined;
    const cli = join(import.meta.dirname, '../cli/setup.ts');
    const env = { DATA_DIR: dataDir, DATABASE_URL: empty?.url ?? '' };
    const args = ['--root-name', '某某市委宣传部', '--root-code', 'XX'];
    try {
      const first = startServerProcess(args, env, cli);
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('已创建根单位“某某市委宣传部”（XX）和三员管理员账号');
      for (const name of ['sysadmin', 'secadmin', 'auditor']) expect(first.output()).toMatch(new RegExp(`^  ${name} +\\S+管理员  \\S{16}$`, 'm'));

      const second = startServerProcess(args, env, cli);
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('初始化失败：数据库中已有 3 个账号，不能再次初始化');

      const usage = startServerProcess(['--root-name', '某某市委宣传部'], env, cli);
      expect(await usage.exited).toBe(2);
      expect(usage.output()).toContain('用法：npm run setup -- --root-name 单位全称 --root-code 单位编码');
    } finally {
      await empty?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
