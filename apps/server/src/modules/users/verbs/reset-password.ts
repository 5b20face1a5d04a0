import type { ResetPasswordInput, User } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden, notFound, validationError } from '../../../core/errors.ts';
import { hashPassword } from '../../../core/passwords.ts';
import { requirePermission } from '../../../core/scope.ts';
import { currentPolicy, passwordProblem } from '../../security/index.ts';
import { userAccessChanged } from '../access-changed.ts';
import { findUserById, findUserInScope, grantsOf, updateUserRow } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';

/**
 * The security admin's reset of a forgotten password (the same duty as unlocking, hence the same
 * permission): a temporary password the user must change at the next login. Every session of the
 * user ends — whoever is signed in may be the reason for the reset — and the lock is lifted.
 */
export async function resetUserPassword({ ctx, id, input }: { ctx: Ctx; id: string; input: ResetPasswordInput }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.unlock');
  if (id === ctx.actor.userId) throw forbidden('不能重置自己的密码，请在“修改密码”中修改');
  const policy = await currentPolicy(ctx.db);
  const target = await findUserInScope(ctx.db, scope, id);
  if (!target) throw notFound('用户');
  const problem = passwordProblem(input.newPassword, policy, target.username);
  if (problem) throw validationError([{ path: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  return afterCommit(ctx.db, () =>
    ctx.db.transaction(async (tx) => {
      const row = await findUserInScope(tx, scope, id, { lock: true });
      if (!row) throw notFound('用户');
      await updateUserRow(tx, row.id, { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
      const revokedSessions = await userAccessChanged(tx, row.id);
      const fresh = await findUserById(tx, row.id);
      if (!fresh) throw notFound('用户');
      // Never the password itself: only that one was set and what it ended.
      await writeAudit(tx, ctx, {
        action: 'user.password_reset',
        targetType: 'user',
        targetId: row.id,
        orgId: row.orgId,
        before: { lockedUntil: row.lockedUntil },
        after: { mustChangePassword: true, revokedSessions },
      });
      return presentUser(fresh, await grantsOf(tx, [row.id]), ctx.config.auditKey);
    }),
  );
}
