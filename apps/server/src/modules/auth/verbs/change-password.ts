import type { ChangePasswordInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, validationError } from '../../../core/errors.ts';
import { hashPassword, verifyPassword } from '../../../core/passwords.ts';
import { currentPolicy, passwordProblem } from '../../security/index.ts';
import { findUserById, updateUserRow } from '../../users/index.ts';
import { deleteSessionsOf } from '../sessions.repo.ts';

/**
 * Changes the signed-in user's own password. Every other session of the user ends (whoever else
 * holds one may be the reason for the change); `keepSessionId`, the session making the change, stays.
 */
export async function changePassword({ ctx, input, keepSessionId }: { ctx: Ctx; input: ChangePasswordInput; keepSessionId: string | null }): Promise<void> {
  if (!ctx.actor.userId) throw new AppError('UNAUTHORIZED');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('UNAUTHORIZED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw validationError([{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  const policy = await currentPolicy(ctx.db);
  const problem = passwordProblem(input.newPassword, policy, user.username);
  if (problem) throw validationError([{ path: 'newPassword', message: problem }]);
  if (input.newPassword === input.currentPassword) {
    throw validationError([{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await afterCommit(ctx.db, () =>
    ctx.db.transaction(async (tx) => {
      await updateUserRow(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() });
      const revokedSessions = await deleteSessionsOf(tx, user.id, { except: keepSessionId });
      await writeAudit(tx, ctx, { action: 'auth.password_change', targetType: 'user', targetId: user.id, orgId: user.orgId, after: { revokedSessions } });
    }),
  );
}
