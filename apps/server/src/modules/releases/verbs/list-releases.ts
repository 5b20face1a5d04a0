import type { Release, ReleaseListQuery, SweepQuery } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { requirePermission, type Scope, requireOrgInScope } from '../../../core/scope.ts';
import { listReleases } from '../releases.repo.ts';
import { presentRelease } from '../releases.presenter.ts';

async function subtree(ctx: Ctx, scope: Scope, orgId: string | undefined): Promise<string | undefined> {
  if (!orgId) return undefined;
  const org = await requireOrgInScope(ctx.db, scope, orgId);
  return org.path;
}

export async function listReleasesFor({ ctx, input }: { ctx: Ctx; input: ReleaseListQuery }): Promise<{ items: Release[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  const { rows, total } = await listReleases(
    ctx.db,
    { scope, subtreePath: await subtree(ctx, scope, input.orgId), channelId: input.channelId, manuscriptId: input.manuscriptId, status: input.status },
    input.page,
    input.pageSize,
  );
  const now = new Date();
  return { items: rows.map((r) => presentRelease(r, now)), total };
}

/** Seed 003's 定期清理: live posts not released or confirmed within `days`, oldest first. */
export async function sweepReleases({ ctx, input }: { ctx: Ctx; input: SweepQuery }): Promise<{ items: Release[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  const now = new Date();
  const olderThan = new Date(now.getTime() - input.days * 86_400_000);
  const { rows, total } = await listReleases(ctx.db, { scope, subtreePath: await subtree(ctx, scope, input.orgId), olderThan }, input.page, input.pageSize);
  return { items: rows.map((r) => presentRelease(r, now)), total };
}
