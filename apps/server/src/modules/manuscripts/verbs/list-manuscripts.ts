import type { ManuscriptListQuery, ManuscriptSummary } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden } from '../../../core/errors.ts';
import { hasPermission, requireAnyPermission, requireOrgInScope } from '../../../core/scope.ts';
import { listManuscripts, type ListFilter } from '../manuscripts.repo.ts';
import { presentSummary } from '../manuscripts.presenter.ts';
import { searchQueryOf } from '../search.ts';

/**
 * 我的稿件 (view=mine: the reporter's own, drafts included) or 全部稿件 (view=all: what the
 * editor's or reviewer's scope holds, drafts excluded: a draft is its reporter's until submitted).
 */
export async function buildListFilter(ctx: Ctx, q: Omit<ManuscriptListQuery, 'page' | 'pageSize'>): Promise<Omit<ListFilter, 'page' | 'pageSize'>> {
  let filter: Omit<ListFilter, 'page' | 'pageSize'>;
  if (q.view === 'mine') {
    if (!hasPermission(ctx.actor, 'manuscript.submit') || !ctx.actor.userId) throw forbidden();
    filter = { access: { userId: ctx.actor.userId, scope: null }, reporterId: ctx.actor.userId, excludeDrafts: false };
  } else {
    const scope = requireAnyPermission(ctx.actor, ['manuscript.manage', 'manuscript.review']);
    filter = { access: { userId: null, scope }, excludeDrafts: true };
    if (q.orgId) {
      const org = await requireOrgInScope(ctx.db, scope, q.orgId);
      filter.subtreePath = org.path;
    }
  }
  const tsQuery = q.q ? searchQueryOf(q.q) : undefined;
  return {
    ...filter,
    status: q.status,
    categoryId: q.categoryId,
    genre: q.genre,
    importance: q.importance,
    commissionId: q.commissionId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    tsQuery,
  };
}

export async function listManuscriptsFor({ ctx, input }: { ctx: Ctx; input: ManuscriptListQuery }): Promise<{ items: ManuscriptSummary[]; total: number }> {
  const filter = await buildListFilter(ctx, input);
  const { rows, total } = await listManuscripts(ctx.db, { ...filter, page: input.page, pageSize: input.pageSize });
  return { items: rows.map(presentSummary), total };
}
