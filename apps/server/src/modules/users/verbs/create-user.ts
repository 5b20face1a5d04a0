import type { CreateUserInput, User } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, notFound, validationError } from '../../../core/errors.ts';
import { hashPassword } from '../../../core/passwords.ts';
import { requirePermission, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { currentPolicy, passwordProblem } from '../../security/index.ts';
import { checkGrants } from '../grants.ts';
import { findUserById, findUserByUsername, grantsOf, insertUser, replaceGrants } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';
import { phoneColumns } from '../personal-fields.ts';

/**
 * A new account starts `pending` with a forced password change: the sysadmin who made it cannot
 * also switch it on (三员分立); a secadmin activates it.
 */
export async function createUser({ ctx, input }: { ctx: Ctx; input: CreateUserInput }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.manage');
  const policy = await currentPolicy(ctx.db);
  const problem = passwordProblem(input.initialPassword, policy, input.username);
  if (problem) throw validationError([{ path: 'initialPassword', message: problem }]);
  const passwordHash = await hashPassword(input.initialPassword);
  return ctx.db.transaction((tx) => insertUserInTx(tx, ctx, scope, input, passwordHash));
}

/** Shared with the spreadsheet import, which creates many users in one transaction. */
export async function insertUserInTx(tx: Executor, ctx: Ctx, scope: Scope, input: CreateUserInput, passwordHash: string): Promise<User> {
  const org = await requireOrgInScope(tx, scope, input.orgId, '所属单位');
  if (await findUserByUsername(tx, input.username)) {
    throw duplicate(`用户名“${input.username}”已被使用`, [{ path: 'username', message: '用户名已被使用' }]);
  }
  await checkGrants(tx, scope, input.grants);
  const row = await insertUser(tx, {
    username: input.username,
    name: input.name,
    title: input.title ?? null,
    ...phoneColumns(ctx.config.auditKey, input.phone ?? null),
    email: input.email ?? null,
    orgId: org.id,
    status: 'pending',
    passwordHash,
    mustChangePassword: true,
  });
  await replaceGrants(tx, row.id, input.grants);
  const full = await findUserById(tx, row.id);
  if (!full) throw notFound('用户');
  const user = presentUser(full, await grantsOf(tx, [row.id]), ctx.config.auditKey);
  await writeAudit(tx, ctx, { action: 'user.create', targetType: 'user', targetId: row.id, orgId: org.id, after: user });
  return user;
}
