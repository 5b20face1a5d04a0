import pg from 'pg';
import { childProcessEnv } from '../../config/env.ts';
import { BackupError } from './manifest.ts';
import { findPgTool, runPgTool } from './pg-tools.ts';
import { countRows, type RawQuery } from './row-counts.ts';

/** The URL without its password (which goes by PGPASSWORD, so it never shows in the process list). */
function connectionOf(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: childProcessEnv(password ? { PGPASSWORD: password } : {}) };
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`无法连接 PostgreSQL 数据库：${err instanceof Error ? err.message : String(err)}（请检查 DATABASE_URL）`);
  }
  return client;
}

const rawQuery =
  (client: pg.Client): RawQuery =>
  async <T>(text: string) =>
    (await client.query(text)).rows as T[];

async function serverVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const [row] = await rawQuery(client)<{ version: string; num: string }>(`select current_setting('server_version') as version, current_setting('server_version_num') as num`);
  return { version: row?.version ?? '', major: Math.floor(Number(row?.num ?? 0) / 10000) };
}

/**
 * pg_dump in the custom format, in the snapshot the row counts were taken in: the transaction
 * here exports its snapshot and pg_dump joins it, so the counts describe exactly what was dumped
 * even while the server keeps writing.
 */
export async function dumpPostgres(databaseUrl: string, file: string): Promise<{ engineVersion: string; tables: Record<string, number> }> {
  const client = await connect(databaseUrl);
  try {
    const { version, major } = await serverVersion(client);
    const bin = await findPgTool('pg_dump', major);
    await client.query('begin transaction isolation level repeatable read, read only');
    const [snap] = await rawQuery(client)<{ id: string }>('select pg_export_snapshot() as id');
    const tables = await countRows(rawQuery(client));
    const { url, env } = connectionOf(databaseUrl);
    await runPgTool(bin, ['--format=custom', `--snapshot=${snap?.id ?? ''}`, `--file=${file}`, '--no-password', `--dbname=${url}`], env, 'pg_dump 导出数据库');
    await client.query('commit');
    return { engineVersion: `PostgreSQL ${version}`, tables };
  } finally {
    await client.end();
  }
}

/** Relations in the target database other than the server's own: a restore needs none. */
export async function postgresContents(databaseUrl: string): Promise<string[]> {
  const client = await connect(databaseUrl);
  try {
    const rows = await rawQuery(client)<{ name: string }>(
      `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
        order by 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** pg_restore into the empty database, all or nothing, owned by the connecting role. */
export async function restorePostgres(databaseUrl: string, file: string): Promise<Record<string, number>> {
  const client = await connect(databaseUrl);
  try {
    const { major } = await serverVersion(client);
    const bin = await findPgTool('pg_restore', major);
    const { url, env } = connectionOf(databaseUrl);
    // Roles differ between servers: objects belong to whoever restores, grants are the operator's.
    await runPgTool(bin, ['--exit-on-error', '--single-transaction', '--no-owner', '--no-acl', '--no-password', `--dbname=${url}`, file], env, 'pg_restore 恢复数据库');
    return await countRows(rawQuery(client));
  } finally {
    await client.end();
  }
}
