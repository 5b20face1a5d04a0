import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { migrateDatabase, openDatabase } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/app.ts';
import { databaseUrlOf, onPostgres, createTestDatabase } from '../../test/db.ts';
import { systemCtx } from '../core/context.ts';
import { writeAudit } from '../core/audit/audit.ts';
import type { JobQueue } from '../core/jobs/job-queue.ts';
import type { FileStore } from '../core/files/file-store.ts';

const run = promisify(execFile);
const KEY = 'k'.repeat(40);

describe('[审计] npm run audit:verify', () => {
  it('exits 0 on an intact chain and 1 naming the row after an SQL edit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xl-cli-'));
    const database = onPostgres() ? await createTestDatabase() : await openDatabase({ pgliteDir: join(dataDir, 'pglite') });
    const url = databaseUrlOf(database);
    try {
      await migrateDatabase(database);
      const config = testConfig({ auditKey: Buffer.from(KEY, 'utf8'), dataDir });
      const services = { config, database, db: database.db, jobs: {} as JobQueue, files: {} as FileStore, log: pino({ level: 'silent' }) };
      for (let i = 0; i < 3; i++) await database.db.transaction((tx) => writeAudit(tx, systemCtx(services), { action: 'org.update', targetType: 'org' }));
      const env = { ...process.env, DATA_DIR: dataDir, AUDIT_HMAC_KEY: KEY, DATABASE_URL: url ?? '' };
      const cli = join(import.meta.dirname, 'audit-verify.ts');
      const tsx = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
      if (!url) await database.close();
      const ok = await run(tsx, [cli], { env });
      expect(ok.stdout).toContain('审计日志完整，共校验 3 条记录');
      const again = url ? database : await openDatabase({ pgliteDir: join(dataDir, 'pglite') });
      await again.db.execute(sql`update audit_logs set target_type = 'user' where id = (select max(id) from audit_logs)`);
      const { rows } = (await again.db.execute(sql`select max(id)::int as id from audit_logs`)) as unknown as { rows: Array<{ id: number }> };
      if (!url) await again.close();
      const broken = await run(tsx, [cli], { env }).then(
        () => ({ code: 0, stdout: '' }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(`第 ${rows[0]?.id} 条`);
    } finally {
      if (url) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
