import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@xuanlian/db';
import { testDatabaseUrl } from '../src/config/env.ts';

export const onPostgres = (): boolean => Boolean(testDatabaseUrl());

/** A fresh, migrated database for one test file: a PGlite clone or a copied PostgreSQL database. */
export async function createTestDatabase(): Promise<Database> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `${inject('pgTemplateDb')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplateDb')}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 20 });
    return {
      ...database,
      async close() {
        await database.close();
        const drop = new pg.Client({ connectionString: url });
        await drop.connect();
        // pool.end() resolves before its clients' sockets are closed; forcing the drop while
        // they are still ending kills them and surfaces as an uncaught FATAL in the test run.
        for (let i = 0; i < 50; i++) {
          const { rows } = await drop.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if ((rows[0]?.n ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ pgliteDir: 'memory://', loadDataDir: blob });
}

/** The URL of the per-file database when on PostgreSQL (for tests that spawn processes). */
export function databaseUrlOf(database: Database): string | undefined {
  if (database.engine.kind !== 'pg') return undefined;
  const opts = database.engine.pool.options as { connectionString?: string };
  return opts.connectionString;
}
