import type { User } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findUserById, findUserInScope, grantsOf, updateUserRow } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';

/**
 * The security admin clears a lost authenticator (user.unlock, the same duty as unlocking): secret,
 * recovery codes and the replay mark go; where the policy requires a second factor the person is
 * made to enrol again right after their next password.
 */
export async function resetSecondFactor({ ctx, id }: { ctx: Ctx; id: string }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.unlock');
  // afterCommit: cached sessions of this person must pick up the forced enrolment at once.
  return afterCommit(ctx.db, () =>
    ctx.db.transaction(async (tx) => {
      const row = await findUserInScope(tx, scope, id, { lock: true });
      if (!row) throw notFound('用户');
      if (!row.totpEnabledAt && !row.totpSecret) throw invalidState('该用户尚未设置两步验证');
      await updateUserRow(tx, row.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] });
      await writeAudit(tx, ctx, {
        action: 'auth.second_factor_reset',
        targetType: 'user',
        targetId: row.id,
        orgId: row.orgId,
        before: { enabledAt: row.totpEnabledAt, recoveryCodesLeft: row.recoveryCodeHashes.length },
        after: { enabledAt: null },
      });
      const fresh = await findUserById(tx, row.id);
      if (!fresh) throw notFound('用户');
      return presentUser(fresh, await grantsOf(tx, [row.id]), ctx.config.auditKey);
    }),
  );
}
