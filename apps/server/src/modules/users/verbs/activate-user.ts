import type { User } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findUserById, findUserInScope, grantsOf, updateUserRow } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';

/** The secadmin's half of account creation: a pending (or disabled) account becomes usable. */
export async function activateUser({ ctx, id }: { ctx: Ctx; id: string }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.activate');
  return ctx.db.transaction(async (tx) => {
    const row = await findUserInScope(tx, scope, id);
    if (!row) throw notFound('用户');
    if (row.id === ctx.actor.userId) throw forbidden('不能启用自己的账号');
    if (row.status === 'active') throw invalidState('账号已是启用状态');
    const updated = await updateUserRow(tx, row.id, { status: 'active' }, row.status);
    if (!updated) throw conflict();
    const fresh = await findUserById(tx, row.id);
    if (!fresh) throw notFound('用户');
    const grants = await grantsOf(tx, [row.id]);
    await writeAudit(tx, ctx, {
      action: 'user.activate',
      targetType: 'user',
      targetId: row.id,
      orgId: row.orgId,
      before: { status: row.status },
      after: { status: 'active' },
    });
    return presentUser(fresh, grants, ctx.config.auditKey);
  });
}
