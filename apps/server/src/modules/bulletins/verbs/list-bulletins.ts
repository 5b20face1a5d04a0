import type { BulletinSummary } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { requireOrgInScope, requirePermission } from '../../../core/scope.ts';
import { presentSummary } from '../bulletins.presenter.ts';
import { listBulletins } from '../bulletins.repo.ts';
import { MANAGE } from './load-bulletin.ts';

export async function listBulletinsFor({ ctx, orgId, status }: { ctx: Ctx; orgId?: string | undefined; status?: string | undefined }): Promise<BulletinSummary[]> {
  const scope = requirePermission(ctx.actor, MANAGE);
  const subtreePath = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
  return (await listBulletins(ctx.db, { scope, subtreePath, status })).map((r) => presentSummary(r));
}
