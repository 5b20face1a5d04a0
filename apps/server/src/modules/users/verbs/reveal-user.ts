import type { RevealedUserFields } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { phoneOf } from '../personal-fields.ts';
import { findUserById, findUserInScope } from '../users.repo.ts';

/**
 * The full personal fields of one person: the person themself, or sysadmin / secadmin within
 * their subtree (user.reveal). Lists only ever show them masked; every reveal writes an audit row
 * naming who looked at whose fields (never the values), in the same transaction as the read.
 */
export async function revealUser({ ctx, id }: { ctx: Ctx; id: string }): Promise<RevealedUserFields> {
  const self = ctx.actor.userId === id;
  const scope = self ? null : requirePermission(ctx.actor, 'user.reveal');
  return ctx.db.transaction(async (tx) => {
    const row = scope ? await findUserInScope(tx, scope, id) : await findUserById(tx, id);
    if (!row) throw notFound('用户');
    await writeAudit(tx, ctx, {
      action: 'user.reveal',
      targetType: 'user',
      targetId: row.id,
      orgId: row.orgId,
      after: { fields: ['phone'], self },
    });
    return { phone: phoneOf(ctx.config.auditKey, row) };
  });
}
