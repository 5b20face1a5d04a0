import type { PendingReview } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden } from '../../../core/errors.ts';
import { hasPermission, requirePermission, scopeFor, requireOrgInScope } from '../../../core/scope.ts';
import { overdueSteps, overdueWhere, pendingCountFor, pendingFor } from '../reviews.repo.ts';
import { presentPending } from '../reviews.presenter.ts';

function me(ctx: Ctx): string {
  if (!ctx.actor.userId) throw forbidden();
  return ctx.actor.userId;
}

/** 待我审核, soonest deadline first. */
export async function listPending({ ctx, page, pageSize }: { ctx: Ctx; page: number; pageSize: number }): Promise<{ items: PendingReview[]; total: number }> {
  requirePermission(ctx.actor, 'manuscript.review');
  const userId = me(ctx);
  const [rows, counts] = await Promise.all([pendingFor(ctx.db, userId, page, pageSize), pendingCountFor(ctx.db, userId)]);
  return { items: rows.map((r) => presentPending(r)), total: counts.count };
}

/** The menu badge: how many wait for me, and how many of those are late. */
export async function countPending({ ctx }: { ctx: Ctx }): Promise<{ count: number; overdue: number }> {
  requirePermission(ctx.actor, 'manuscript.review');
  return pendingCountFor(ctx.db, me(ctx));
}

/**
 * Steps past their deadline: an editor sees those of every manuscript in scope (optionally one
 * unit's subtree); a reviewer sees the ones assigned to them.
 */
export async function listOverdue({ ctx, orgId, page, pageSize }: { ctx: Ctx; orgId?: string | undefined; page: number; pageSize: number }) {
  let where;
  if (hasPermission(ctx.actor, 'manuscript.manage')) {
    const scope = scopeFor(ctx.actor, 'manuscript.manage');
    const subtreePath = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
    where = overdueWhere({ scope, subtreePath });
  } else {
    const scope = requirePermission(ctx.actor, 'manuscript.review');
    const subtreePath = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
    where = overdueWhere({ assignee: me(ctx), subtreePath });
  }
  const { rows, total } = await overdueSteps(ctx.db, where, page, pageSize);
  return { items: rows.map((r) => presentPending(r)), total };
}
