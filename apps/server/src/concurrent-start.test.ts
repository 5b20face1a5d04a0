import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from '@xuanlian/db';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { testDatabaseUrl } from './config/env.ts';
import { onPostgres } from '../test/db.ts';
import { freePort } from '../test/ports.ts';
import { auditKeyEnv, createEmptyDatabase, startServerProcess, type ServerProcess } from '../test/server-process.ts';
import { waitFor } from '../test/wait.ts';
import { DEMO_TREE } from './seed/demo-city.ts';

const PROCESSES = 10;

function unitsOf(u: { children?: unknown[] }): number {
  return 1 + (u.children ?? []).reduce<number>((n, c) => n + unitsOf(c as { children?: unknown[] }), 0);
}

describe('[启动] concurrent start on an empty database', () => {
  // PGlite admits one process per data dir (a lockfile refuses the second), so there is nothing to race.
  it.runIf(onPostgres())(
    `${PROCESSES} server processes started at once all come up: one set of migrations, one demo city (PostgreSQL only)`,
    async () => {
      const empty = await createEmptyDatabase(testDatabaseUrl() ?? '', `${inject('pgTemplateDb')}_start_${randomBytes(4).toString('hex')}`);
      const keys = auditKeyEnv();
      const dirs: string[] = [];
      const procs: ServerProcess[] = [];
      try {
        for (let i = 0; i < PROCESSES; i++) {
          const dir = mkdtempSync(join(tmpdir(), 'xl-start-'));
          dirs.push(dir);
          const env = { ...keys, DATABASE_URL: empty.url, SEED_DEMO: 'true', DATA_DIR: dir, PORT: String(await freePort()) };
          procs.push(startServerProcess(['--role=all'], env));
        }
        const outcomes = await Promise.all(
          procs.map((p) =>
            Promise.race([waitFor(() => p.output().includes('宣联 已启动') && 'up', { timeoutMs: 280_000, intervalMs: 250, what: 'start' }), p.exited.then((code) => `exited ${code}: ${p.output()}`)]),
          ),
        );
        expect(outcomes).toEqual(Array(PROCESSES).fill('up'));
        for (const p of procs) expect(p.output()).not.toMatch(/启动失败|duplicate key|pg_type_typname/);

        const client = new pg.Client({ connectionString: empty.url });
        await client.connect();
        try {
          const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
          const migrations = await client.query<{ n: number; distinct_n: number }>('select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations');
          expect(migrations.rows[0]).toEqual({ n: journal.entries.length, distinct_n: journal.entries.length });
          const orgs = await client.query<{ n: number; roots: number }>(`select count(*)::int as n, count(*) filter (where code = $1)::int as roots from orgs`, [DEMO_TREE.code]);
          expect(orgs.rows[0]).toEqual({ n: unitsOf(DEMO_TREE), roots: 1 });
        } finally {
          await client.end();
        }
      } finally {
        for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
        await Promise.all(procs.map((p) => p.exited));
        await empty.drop();
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
