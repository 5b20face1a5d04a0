import { existsSync, openAsBlob } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase, type Database } from '@xuanlian/db';
import { BackupError } from './manifest.ts';
import { countRows, type RawQuery } from './row-counts.ts';

export const pgliteDirOf = (dataDir: string) => join(dataDir, 'pglite');

const rawQuery = (database: Database): RawQuery => {
  if (database.engine.kind !== 'pglite') throw new Error('expected PGlite');
  const { pglite } = database.engine;
  return async <T>(text: string) => (await pglite.query<T>(text)).rows;
};

/**
 * Opens the embedded database through openDatabase, so its lockfile guard applies: a running
 * server holds the lock and the backup is refused instead of copying a database mid-write.
 */
async function openGuarded(dir: string, loadDataDir?: Blob): Promise<Database> {
  try {
    return await openDatabase({ pgliteDir: dir, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new BackupError(`无法打开嵌入式数据库（${dir}）：${why}。嵌入式数据库只允许一个进程打开，备份和恢复须在宣联服务停止后进行`);
  }
}

/** PGlite's own dump of its data directory (a tar of PGDATA), taken with the server stopped. */
export async function dumpPglite(dataDir: string, file: string): Promise<{ engineVersion: string; tables: Record<string, number> }> {
  const dir = pgliteDirOf(dataDir);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    throw new BackupError(`未找到嵌入式数据库（${dir}）：请检查 DATA_DIR；备份 PostgreSQL 请设置 DATABASE_URL`);
  }
  const database = await openGuarded(dir);
  try {
    if (database.engine.kind !== 'pglite') throw new Error('expected PGlite');
    const query = rawQuery(database);
    const tables = await countRows(query);
    const [v] = await query<{ version: string }>(`select current_setting('server_version') as version`);
    const dump = await database.engine.pglite.dumpDataDir('none');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return { engineVersion: `PGlite (PostgreSQL ${v?.version ?? ''})`, tables };
  } finally {
    await database.close();
  }
}

/** What already sits in the embedded database's folder; a restore needs it absent or empty. */
export async function pgliteContents(dataDir: string): Promise<string[]> {
  return readdir(pgliteDirOf(dataDir)).catch(() => []);
}

/** Loads the dumped data directory into the new, empty folder and counts what it holds. */
export async function restorePglite(dataDir: string, file: string): Promise<Record<string, number>> {
  const database = await openGuarded(pgliteDirOf(dataDir), await openAsBlob(file));
  try {
    return await countRows(rawQuery(database));
  } finally {
    await database.close();
  }
}
