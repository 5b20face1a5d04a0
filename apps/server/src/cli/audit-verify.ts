import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '@xuanlian/db';
import { loadConfig } from '../config/env.ts';
import { verifyAuditChain } from '../core/audit/audit.ts';

/** `npm run audit:verify`: walks the audit chain; exits 1 and names the first bad row if broken. */
async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    const verdict = await verifyAuditChain(database.db, config.auditKey);
    process.stdout.write(`${verdict.message}\n`);
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
