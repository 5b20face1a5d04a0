import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { databaseUrlOf, onPostgres } from '../test/db.ts';
import { waitFor } from '../test/wait.ts';
import { queryRows } from './core/sql.ts';
import { PURGE_SESSIONS_JOB } from './modules/auth/index.ts';

const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
const main = join(import.meta.dirname, 'main.ts');

function start(args: string[], env: Record<string, string>) {
  const child = spawn(tsx, [main, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  t = await createTestApp();
  dataDir = mkdtempSync(join(tmpdir(), 'xl-main-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('[启动] process roles', () => {
  it('refuses a separate worker on the embedded database, in 中文', async () => {
    const p = start(['--role=worker'], { DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('必须设置 DATABASE_URL');
  }, 60_000);

  it.runIf(onPostgres())(
    'a worker process runs jobs the web side enqueued (PostgreSQL)',
    async () => {
      const url = databaseUrlOf(t.database) ?? '';
      const worker = start(['--role=worker'], { DATA_DIR: dataDir, DATABASE_URL: url, SEED_DEMO: 'false' });
      try {
        await waitFor(async () => worker.output().includes('宣联 已启动'), { timeoutMs: 60_000, what: 'worker start' });
        await t.services.jobs.start();
        const id = await t.services.jobs.send(null, PURGE_SESSIONS_JOB, {});
        await waitFor(
          async () => {
            const rows = await queryRows<{ state: string }>(t.services.db, sql`select state from pgboss.job where id = ${id}`);
            return rows[0]?.state === 'completed';
          },
          { timeoutMs: 60_000, what: 'the worker process to complete the job' },
        );
      } finally {
        worker.child.kill('SIGTERM');
        await worker.exited;
      }
    },
    120_000,
  );
});
