import type { User } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findUserById, findUserInScope, grantsOf, updateUserRow } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';

export async function unlockUser({ ctx, id }: { ctx: Ctx; id: string }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.unlock');
  return ctx.db.transaction(async (tx) => {
    const row = await findUserInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('用户');
    await updateUserRow(tx, row.id, { failedLogins: 0, lockedUntil: null });
    const fresh = await findUserById(tx, row.id);
    if (!fresh) throw notFound('用户');
    await writeAudit(tx, ctx, {
      action: 'user.unlock',
      targetType: 'user',
      targetId: row.id,
      orgId: row.orgId,
      before: { failedLogins: row.failedLogins, lockedUntil: row.lockedUntil },
      after: { failedLogins: 0, lockedUntil: null },
    });
    return presentUser(fresh, await grantsOf(tx, [row.id]), ctx.config.auditKey);
  });
}
