import { randomInt } from 'node:crypto';
import { CreateOrgInput, type OrgKind, type Role } from '@xuanlian/contracts';
import { STARTUP_LOCK, withAdvisoryLock } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../core/audit/audit.ts';
import { systemCtx, type Services } from '../core/context.ts';
import { hashPassword } from '../core/passwords.ts';
import { queryRows } from '../core/sql.ts';
import { insertOrg } from '../modules/orgs/index.ts';
import { currentPolicy, passwordProblem } from '../modules/security/index.ts';
import { insertUserInTx, updateUserRow } from '../modules/users/index.ts';

/** The three separated administrator duties (三员分立) a real installation starts with. */
export const FIRST_ADMINS: ReadonlyArray<{ username: string; name: string; role: Role }> = [
  { username: 'sysadmin', name: '系统管理员', role: 'sysadmin' },
  { username: 'secadmin', name: '安全管理员', role: 'secadmin' },
  { username: 'auditor', name: '审计管理员', role: 'auditor' },
];

export interface FirstRunInput {
  rootName: string;
  rootCode: string;
  rootKind?: OrgKind;
}

export interface FirstRunAccount {
  username: string;
  name: string;
  role: Role;
  /** Shown once by the command; only its argon2 hash is stored. */
  password: string;
}

const RootInput = CreateOrgInput.pick({ name: true, code: true, kind: true });

// No look-alikes (0/O, 1/l/I): the password is read off a terminal and typed in once.
const GROUPS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=?'];

/** 16 characters with every class present, whatever the policy's minimum. */
export function oneTimePassword(): string {
  const all = GROUPS.join('');
  const chars = GROUPS.map((g) => g[randomInt(g.length)] as string);
  while (chars.length < 16) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

/**
 * First-run set-up of a real installation: the root unit and the three administrators, active,
 * each with a random one-time password that must be changed at the first login. Refuses, in 中文,
 * a database that already has accounts or units. Runs under the start-up lock, so a server
 * starting at the same moment cannot seed the demo city in between.
 */
export async function setUpFirstRun(services: Services, input: FirstRunInput): Promise<FirstRunAccount[]> {
  const parsed = RootInput.safeParse({ name: input.rootName, code: input.rootCode, kind: input.rootKind ?? 'party' });
  if (!parsed.success) throw new Error(`根单位信息有误：${parsed.error.issues.map((i) => i.message).join('；')}`);
  const root = parsed.data;
  const ctx = systemCtx(services, 'setup');
  return withAdvisoryLock(services.database, STARTUP_LOCK, async () => {
    const [counts] = await queryRows<{ users: number; orgs: number }>(services.db, sql`select (select count(*)::int from users) as users, (select count(*)::int from orgs) as orgs`);
    if (Number(counts?.users ?? 0) > 0) {
      throw new Error(`数据库中已有 ${counts?.users} 个账号，不能再次初始化：初始化只能在空数据库上运行一次，管理员账号请由系统管理员在“账号管理”中维护`);
    }
    if (Number(counts?.orgs ?? 0) > 0) throw new Error(`数据库中已有 ${counts?.orgs} 个单位，不能再次初始化：请换用一个空数据库`);

    const policy = await currentPolicy(services.db);
    const accounts = FIRST_ADMINS.map((a) => {
      let password = oneTimePassword();
      while (passwordProblem(password, policy, a.username)) password = oneTimePassword();
      return { ...a, password };
    });
    const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
    await services.db.transaction(async (tx) => {
      const org = await insertOrg(tx, { parent: null, name: root.name, kind: root.kind, code: root.code, sortOrder: 0 });
      await writeAudit(tx, ctx, { action: 'org.create', targetType: 'org', targetId: org.id, orgId: org.id, after: { name: org.name, code: org.code } });
      for (const [i, a] of accounts.entries()) {
        const user = await insertUserInTx(
          tx,
          ctx,
          { all: true },
          { username: a.username, name: a.name, orgId: org.id, initialPassword: a.password, grants: [{ role: a.role, orgId: org.id }] },
          hashes[i] as string,
        );
        // Nobody exists yet to activate them (三员分立 needs a secadmin to do it); they start active
        // with the forced change of their one-time password still pending.
        await updateUserRow(tx, user.id, { status: 'active' });
        await writeAudit(tx, ctx, { action: 'user.activate', targetType: 'user', targetId: user.id, orgId: org.id, before: { status: 'pending' }, after: { status: 'active' } });
      }
    });
    return accounts;
  });
}
