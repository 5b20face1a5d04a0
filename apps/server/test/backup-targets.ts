import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Database } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import { testDatabaseUrl, type StorageConfig } from '../src/config/env.ts';
import { countRows } from '../src/core/backup/index.ts';
import { queryRows } from '../src/core/sql.ts';
import { createTestDatabase, onPostgres } from './db.ts';

/** A database a backup drill may fill: PGlite in the data dir, or a migrated copy on PostgreSQL. */
export async function sourceDatabase(dataDir: string): Promise<Database> {
  if (onPostgres()) return createTestDatabase();
  return openDatabase({ pgliteDir: join(dataDir, 'pglite'), loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
}

/** Brand-new, empty PostgreSQL databases (named after this run's template, so teardown finds leftovers). */
export function emptyPostgresDatabases() {
  const made: string[] = [];
  return {
    async create(): Promise<string> {
      const url = testDatabaseUrl() ?? '';
      const name = `${inject('pgTemplateDb')}_restore_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      made.push(name);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async dropAll(): Promise<void> {
      const url = testDatabaseUrl();
      if (!url) return;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of made) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Rows per table of a restored (or source) deployment's database. */
export async function countsOf(storage: StorageConfig): Promise<Record<string, number>> {
  const database = await openDatabase({ databaseUrl: storage.databaseUrl, pgliteDir: join(storage.dataDir, 'pglite') });
  try {
    return await countRows((text) => queryRows(database.db, sql.raw(text)));
  } finally {
    await database.close();
  }
}
