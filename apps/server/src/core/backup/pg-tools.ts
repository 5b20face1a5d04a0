import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './manifest.ts';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore';

/** Debian/Ubuntu keep each major under /usr/lib/postgresql/N/bin, RHEL-family under /usr/pgsql-N/bin. */
async function installedBins(tool: PgTool): Promise<string[]> {
  const found: Array<{ major: number; path: string }> = [];
  const roots: Array<[string, (name: string) => string]> = [
    ['/usr/lib/postgresql', (n) => join('/usr/lib/postgresql', n, 'bin', tool)],
    ['/usr', (n) => join('/usr', n, 'bin', tool)],
  ];
  for (const [root, binOf] of roots) {
    const names = await readdir(root).catch(() => [] as string[]);
    for (const name of names) {
      const major = Number(/^(?:pgsql-)?(\d+)$/.exec(name)?.[1]);
      if (root === '/usr' && !name.startsWith('pgsql-')) continue;
      if (Number.isInteger(major) && existsSync(binOf(name))) found.push({ major, path: binOf(name) });
    }
  }
  return found.sort((a, b) => b.major - a.major).map((f) => f.path);
}

async function majorOf(bin: string): Promise<number | null> {
  try {
    const { stdout } = await run(bin, ['--version']);
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * pg_dump and pg_restore must be at least the server's major version (an older pg_dump refuses a
 * newer server). The one on PATH is tried first, then every installed major, newest first.
 */
export async function findPgTool(tool: PgTool, serverMajor: number): Promise<string> {
  const tooOld: string[] = [];
  for (const bin of [tool, ...(await installedBins(tool))]) {
    const major = await majorOf(bin);
    if (major === null) continue;
    if (major >= serverMajor) return bin;
    tooOld.push(`${bin}（${major}）`);
  }
  const old = tooOld.length > 0 ? `找到的版本过低：${tooOld.join('、')}。` : '';
  throw new BackupError(
    `未找到可用的 ${tool}：需要 PostgreSQL ${serverMajor} 或更高版本的客户端工具（数据库服务器为 ${serverMajor}）。${old}` +
      `请安装 postgresql-client-${serverMajor}（Debian/Ubuntu/麒麟/统信：apt install postgresql-client-${serverMajor}；RHEL 系：dnf install postgresql${serverMajor}），或把它的 bin 目录加入 PATH`,
  );
}

/** Runs a PostgreSQL client tool; its stderr becomes part of the 中文 message on failure. */
export async function runPgTool(bin: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  try {
    await run(bin, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${what}失败：${stderr || (err instanceof Error ? err.message : String(err))}`);
  }
}
