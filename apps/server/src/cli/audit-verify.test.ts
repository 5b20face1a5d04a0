import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { writeAudit, writeCheckpoint } from '../core/audit/audit.ts';
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

describe('[审计] npm run audit:verify against signed checkpoints', () => {
  it('exits 1 with a 中文 report when the end is cut, the log emptied, a checkpoint forged or the table dropped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xl-cli-'));
    const keyDir = mkdtempSync(join(tmpdir(), 'xl-cli-key-'));
    const database = onPostgres() ? await createTestDatabase() : await openDatabase({ pgliteDir: join(dataDir, 'pglite') });
    const url = databaseUrlOf(database);
    // The signing key lives outside DATA_DIR, as production requires; the CLI gets it by file.
    const { privateKey } = generateKeyPairSync('ed25519');
    const keyFile = join(keyDir, 'audit-signing.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const env = { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, AUDIT_HMAC_KEY: KEY, AUDIT_SIGNING_KEY_FILE: keyFile, DATABASE_URL: url ?? '' };
    const cli = join(import.meta.dirname, 'audit-verify.ts');
    const tsx = join(import.meta.dirname, '../../../../node_modules/.bin/tsx');
    const runCli = () =>
      run(tsx, [cli], { env }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => e,
      );
    let db = database;
    const reopen = async () => (url ? database : await openDatabase({ pgliteDir: join(dataDir, 'pglite') }));
    const release = async () => {
      if (!url) await db.close();
    };
    try {
      await migrateDatabase(database);
      const config = testConfig({ auditKey: Buffer.from(KEY, 'utf8'), auditSigningKey: privateKey, dataDir });
      const services = { config, database, db: database.db, jobs: {} as JobQueue, files: {} as FileStore, log: pino({ level: 'silent' }) };
      for (let i = 0; i < 4; i++) await database.db.transaction((tx) => writeAudit(tx, systemCtx(services), { action: 'org.update', targetType: 'org' }));
      await writeCheckpoint(services);
      await release();

      const ok = await runCli();
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('审计日志完整，共校验 4 条记录，与 1 个已签名校验点一致');

      db = await reopen();
      await db.db.execute(sql`delete from audit_logs where id = (select max(id) from audit_logs)`);
      await release();
      const cut = await runCli();
      expect(cut.code).toBe(1);
      expect(cut.stdout).toContain('审计日志校验未通过');
      expect(cut.stdout).toContain('审计日志末尾被删除');

      db = await reopen();
      await db.db.execute(sql`delete from audit_logs`);
      await release();
      const emptied = await runCli();
      expect(emptied.code).toBe(1);
      expect(emptied.stdout).toContain('审计日志已被全部删除');

      const [name] = readdirSync(config.auditCheckpointDir);
      const file = join(config.auditCheckpointDir, name ?? '');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"lastId":', '"lastId":1'));
      const forged = await runCli();
      expect(forged.code).toBe(1);
      expect(forged.stdout).toContain('校验点签名无效');

      db = await reopen();
      await db.db.execute(sql`drop table audit_logs`);
      await release();
      const dropped = await runCli();
      expect(dropped.code).toBe(1);
      expect(dropped.stdout).toContain('审计日志表已被删除');
    } finally {
      if (url) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(keyDir, { recursive: true, force: true });
    }
  }, 300_000);
});
