import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDirLock, type DirLock } from './lock.ts';
import { MIGRATION_LOCK, withAdvisoryLock } from './advisory-lock.ts';
import { explainDatabaseFailure } from './startup-errors.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export type Engine = { kind: 'pglite'; pglite: PGlite } | { kind: 'pg'; pool: pg.Pool };

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (ignored with databaseUrl); `memory://` for a throwaway one. */
  pgliteDir?: string;
  /** A dumped data dir to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /**
   * How long a query waits for a connection (a free pool slot or a new socket) before failing as
   * "database unavailable": without it a request hangs for as long as the server is away.
   */
  connectionTimeoutMillis?: number;
}

/** Long enough for a busy pool under load, short enough that a user sees 503 rather than a spinner. */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;

// int8 (counts, bigserial) as numbers on both engines: PGlite already does, node-postgres gives strings.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: opts.connectionTimeoutMillis ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      // Notices a peer that vanished without a FIN (network cut, VM paused) instead of waiting forever.
      keepAlive: true,
    });
    // An idle pooled connection the server drops (restart, failover, a dropped database) emits
    // 'error' on the pool; unheard, Node turns it into an uncaught exception that kills the process.
    // The next query simply takes a fresh connection, so note it and go on.
    pool.on('error', (err) => process.stderr.write(`数据库连接中断（将自动重连）：${err.message}\n`));
    // pg-pool listens for 'error' only on idle clients: a checked-out one (a transaction in
    // flight) that loses its socket emits 'error' with nobody listening, which ends the process.
    // Its running query already rejects with the same error and the caller reports it; the pool
    // discards the broken client on release. So this listener only has to exist, for the life of
    // every client.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, engine: { kind: 'pg', pool }, close: () => pool.end() };
  }
  const dir = opts.pgliteDir ?? 'memory://';
  let lock: DirLock | undefined;
  if (!dir.startsWith('memory://')) {
    mkdirSync(dir, { recursive: true });
    // PGlite has no lock between processes: a second opener spins forever, so refuse it here.
    lock = acquireDirLock(dir);
  }
  const pglite = await PGlite.create({
    dataDir: dir,
    extensions: { pg_trgm },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    engine: { kind: 'pglite', pglite },
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}

/**
 * Applies the committed migrations under an advisory lock, so that any number of processes
 * starting at once on an empty database apply them once. A server that cannot be reached, a
 * missing database or a role without privileges fails here with a 中文 line naming the cause.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const { engine } = database;
  if (engine.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  try {
    await withAdvisoryLock(database, MIGRATION_LOCK, () => migratePg(database.db as never, { migrationsFolder }));
  } catch (err) {
    const url = (engine.pool.options as { connectionString?: string }).connectionString ?? '';
    const cause = explainDatabaseFailure(err, url);
    throw cause ? new Error(cause, { cause: err }) : err;
  }
}
