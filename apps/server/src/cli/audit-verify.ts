import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '@xuanlian/db';
import { loadConfig } from '../config/env.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';

/**
 * `npm run audit:verify`: streams the audit chain and holds it against the signed checkpoints in
 * AUDIT_CHECKPOINT_DIR and the database; exits 1 with a 中文 report on any finding. Needs only the
 * public key (AUDIT_VERIFY_KEY_FILE) besides the chain key.
 */
async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    const verdict = await verifyAuditChain(database.db, config);
    if (verdict.ok) process.stdout.write(`${verdict.message}\n`);
    else {
      process.stdout.write(`审计日志校验未通过，发现 ${verdict.findings.length} 处问题（已校验 ${verdict.checked} 条记录）：\n`);
      for (const f of verdict.findings) process.stdout.write(`  - ${f.message}\n`);
    }
    return verdict.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`校验失败：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
