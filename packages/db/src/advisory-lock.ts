import pg from 'pg';
import type { Database } from './client.ts';

/** Held while migrations run: the migrator itself takes no lock between processes. */
export const MIGRATION_LOCK = 'xuanlian.migrate';
/** Held while a process checks for and fills an empty database (demo seed, first-run set-up). */
export const STARTUP_LOCK = 'xuanlian.startup';

/**
 * Runs `fn` while this process holds a session-level advisory lock, so processes starting at once
 * on one database take turns. The lock lives on a connection of its own, outside the pool: `fn`
 * queries through the pool as usual, even a pool of one. PGlite is a single process behind a
 * lockfile already, so there `fn` just runs. Never nest two calls with the same name: the second
 * connection would wait for the first forever.
 */
export async function withAdvisoryLock<T>(database: Database, name: string, fn: () => Promise<T>): Promise<T> {
  if (database.engine.kind !== 'pg') return fn();
  const client = new pg.Client(database.engine.pool.options as pg.ClientConfig);
  // A lost lock connection frees the lock on the server; its query rejects and we report that.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
