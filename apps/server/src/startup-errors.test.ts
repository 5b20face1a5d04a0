import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testDatabaseUrl } from './config/env.ts';
import { onPostgres } from '../test/db.ts';
import { freePort } from '../test/ports.ts';
import { createEmptyDatabase, startServerProcess } from '../test/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xl-start-err-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the server against `url` and returns its exit code and its last line. */
async function failedStart(url: string): Promise<{ code: number | null; line: string }> {
  const p = startServerProcess([], { DATABASE_URL: url, DATA_DIR: dataDir, PORT: String(await freePort()), SEED_DEMO: 'false' });
  const code = await p.exited;
  const line = p.output().trim().split('\n').pop() ?? '';
  return { code, line };
}

const withDatabase = (name: string): string => {
  const url = new URL(testDatabaseUrl() ?? '');
  url.pathname = `/${name}`;
  return url.toString();
};

describe('[启动] a database that cannot be used is named in 中文, and the start fails', () => {
  it('a server that does not answer (a closed port)', async () => {
    const port = await freePort();
    const { code, line } = await failedStart(`postgres://postgres@127.0.0.1:${port}/xuanlian`);
    expect(code).toBe(1);
    expect(line).toBe(`启动失败：无法连接数据库服务器 127.0.0.1:${port}：请确认 PostgreSQL 已启动、监听该地址和端口，且防火墙允许连接（DATABASE_URL）`);
  }, 60_000);

  it.runIf(onPostgres())(
    'a database that does not exist (PostgreSQL only)',
    async () => {
      const name = `${inject('pgTemplateDb')}_missing_${randomBytes(4).toString('hex')}`;
      const { code, line } = await failedStart(withDatabase(name));
      expect(code).toBe(1);
      expect(line).toMatch(new RegExp(`^启动失败：数据库“${name}”不存在（.+）：请先创建它`));
    },
    60_000,
  );

  it.runIf(onPostgres())(
    'a role without the CREATE privilege on the database (PostgreSQL only)',
    async () => {
      const role = `${inject('pgTemplateDb')}_nocreate_${randomBytes(4).toString('hex')}`;
      const empty = await createEmptyDatabase(testDatabaseUrl() ?? '', `${inject('pgTemplateDb')}_perm_${randomBytes(4).toString('hex')}`);
      const admin = new pg.Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      try {
        await admin.query(`create role ${role} login`);
        const url = new URL(empty.url);
        url.username = role;
        const { code, line } = await failedStart(url.toString());
        expect(code).toBe(1);
        expect(line).toMatch(new RegExp(`^启动失败：数据库账号“${role}”权限不足（permission denied for database .+）：启动时要建表和升级`));
        expect(line).not.toContain('Failed query');
      } finally {
        await empty.drop();
        await admin.query(`drop role if exists ${role}`);
        await admin.end();
      }
    },
    60_000,
  );
});
