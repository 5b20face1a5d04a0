import type { Executor } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import { verifyPassword } from '../core/passwords.ts';
import { queryRows } from '../core/sql.ts';
import { DEMO_PASSWORD } from './demo-city.ts';

// argon2 runs on libuv's pool (4 threads): a few at a time keeps a large city's start short.
const BATCH = 8;

/**
 * Accounts not disabled whose password is still the published demo one. A pending account counts:
 * a security admin can switch it on at any time without a restart.
 */
export async function accountsOnDemoPassword(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ username: string; password_hash: string }>(db, sql`select username, password_hash from users where status <> 'disabled' order by username`);
  const found: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const hits = await Promise.all(batch.map((r) => verifyPassword(r.password_hash, DEMO_PASSWORD)));
    batch.forEach((r, j) => hits[j] && found.push(r.username));
  }
  return found;
}

/** A production start with any account on the demo password stops here, naming the accounts. */
export async function refuseDemoPasswords(db: Executor): Promise<void> {
  const names = await accountsOnDemoPassword(db);
  if (names.length === 0) return;
  throw new Error(
    `生产模式（NODE_ENV=production）拒绝启动：账号 ${names.join('、')} 仍在使用公开的演示密码。` +
      '请先不设 NODE_ENV=production 启动，登录修改这些账号的密码（或由安全管理员停用它们），再以生产模式启动',
  );
}
