import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '@xuanlian/db';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const tsx = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');

async function cli(name: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(tsx, [join(import.meta.dirname, `${name}.ts`), ...args], { env: { ...process.env, DATABASE_URL: '', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('[备份] npm run backup / npm run restore', () => {
  it('refuses to back up an embedded database another process holds, and to restore an archive without its checksum, exiting 1 in 中文', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xl-backup-cli-'));
    try {
      const dataDir = join(dir, 'data');
      // The CLIs' embedded path, also in a PostgreSQL run (which has no PGlite template: a bare one then).
      const template = inject('pgliteTemplate');
      const database = await openDatabase({ pgliteDir: join(dataDir, 'pglite'), ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}) });
      await database.close();
      // What a running server leaves: the lockfile naming a live process other than the CLI.
      writeFileSync(join(dataDir, 'pglite', 'xuanlian.lock'), String(process.pid));
      const held = await cli('backup', ['--out', join(dir, 'b.tar.gz')], { DATA_DIR: dataDir });
      expect(held.code).toBe(1);
      expect(held.stderr).toContain(`正被另一个进程（PID ${process.pid}）使用`);
      expect(held.stderr).toContain('备份和恢复须在宣联服务停止后进行');
      rmSync(join(dataDir, 'pglite', 'xuanlian.lock'));

      const done = await cli('backup', ['--out', join(dir, 'b.tar.gz')], { DATA_DIR: dataDir });
      expect(done.stdout).toContain('备份完成');
      expect(done.code).toBe(0);
      rmSync(join(dir, 'b.tar.gz.sha256'));
      const target = join(dir, 'target');
      const refused = await cli('restore', ['--from', join(dir, 'b.tar.gz')], { DATA_DIR: target });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('缺少校验和文件');
      expect(refused.stderr).toContain('未写入任何数据');
      const usage = await cli('restore', [], { DATA_DIR: target });
      expect(usage.code).toBe(1);
      expect(usage.stderr).toContain('用法：npm run restore -- --from');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
