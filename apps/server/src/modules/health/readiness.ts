import type { ReadyOutput } from '@xuanlian/contracts';
import { migrationStatus } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import type { Services } from '../../core/context.ts';

type Check = ReadyOutput['checks'][number];

/** A probe must answer quickly even when a dependency hangs: a balancer waits only seconds. */
const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}超时（${CHECK_TIMEOUT_MS / 1000} 秒内无应答）`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function run(name: Check['name'], services: Services, probe: () => Promise<string | null>): Promise<Check> {
  try {
    const reason = await withTimeout(probe(), name === 'files' ? '文件存储检查' : '数据库查询');
    return { name, ok: reason === null, reason };
  } catch (err) {
    services.log.warn({ err, check: name }, 'readiness check failed');
    const fallback = name === 'files' ? '文件存储不可用' : '数据库无法访问';
    const detail = name === 'files' && err instanceof Error ? err.message : null;
    return { name, ok: false, reason: detail ?? fallback };
  }
}

/**
 * Whether this instance can serve: the database answers, its schema is the one this build
 * ships, and the file store takes writes. Each check is one cheap query or probe; no data is read.
 */
export async function checkReadiness(services: Services): Promise<ReadyOutput> {
  const { database, files } = services;
  const databaseCheck = await run('database', services, async () => {
    await database.db.execute(sql`select 1`);
    return null;
  });
  // Without a database the schema cannot be compared: say so instead of a second timeout.
  const migrations: Check = databaseCheck.ok
    ? await run('migrations', services, async () => {
        const { missing, unknown } = await migrationStatus(database);
        if (missing > 0) return `数据库结构落后于程序：有 ${missing} 个迁移尚未执行，请重启以执行迁移`;
        if (unknown > 0) return `数据库结构比程序新：有 ${unknown} 个迁移不属于当前版本，请升级程序`;
        return null;
      })
    : { name: 'migrations', ok: false, reason: '数据库无法访问，无法核对迁移' };
  const filesCheck = await run('files', services, async () => {
    await files.ready?.();
    return null;
  });
  const checks = [databaseCheck, migrations, filesCheck];
  return { status: checks.every((c) => c.ok) ? 'ready' : 'unready', checks };
}
