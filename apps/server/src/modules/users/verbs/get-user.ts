import type { User } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findUserInScope, grantsOf } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';

export async function getUser({ ctx, id }: { ctx: Ctx; id: string }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.read');
  const row = await findUserInScope(ctx.db, scope, id);
  if (!row) throw notFound('用户');
  return presentUser(row, await grantsOf(ctx.db, [row.id]), ctx.config.auditKey);
}
