import type { Release, UpdateReleaseInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findReleaseInScope, updateReleaseIf } from '../releases.repo.ts';
import { presentRelease } from '../releases.presenter.ts';

const gone = () => conflict('该信息已被他人撤下，请刷新后查看');

async function change(
  ctx: Ctx,
  id: string,
  act: (release: Release) => { set: Parameters<typeof updateReleaseIf>[3]; action: 'release.update' | 'release.withdraw' | 'release.keep' },
): Promise<Release> {
  const scope = requirePermission(ctx.actor, 'release.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findReleaseInScope(tx, scope, id, { lock: true });
    if (!row) throw notFound('发布记录');
    const before = presentRelease(row);
    if (before.status !== 'released') throw invalidState('该信息已撤下');
    const { set, action } = act(before);
    if (!(await updateReleaseIf(tx, id, 'released', set))) throw gone();
    const fresh = await findReleaseInScope(tx, scope, id);
    if (!fresh) throw notFound('发布记录');
    const after = presentRelease(fresh);
    await writeAudit(tx, ctx, { action, targetType: 'release', targetId: id, orgId: row.orgId, before, after });
    return after;
  });
}

/** Corrects the URL or records the reach (阅读量) of a live post. */
export function updateRelease({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateReleaseInput }): Promise<Release> {
  return change(ctx, id, () => ({
    action: 'release.update',
    set: { ...(input.url !== undefined ? { url: input.url } : {}), ...(input.reach !== undefined ? { reach: input.reach } : {}) },
  }));
}

/** 撤下: the post leaves the portal at once; the reason stays on the record and in the audit log. */
export function withdrawRelease({ ctx, id, reason }: { ctx: Ctx; id: string; reason: string }): Promise<Release> {
  return change(ctx, id, () => ({ action: 'release.withdraw', set: { status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: reason, withdrawnByName: ctx.actor.name } }));
}

/** 确认保留: the post was re-read and is still current; its clean-up age starts again. */
export function keepRelease({ ctx, id }: { ctx: Ctx; id: string }): Promise<Release> {
  return change(ctx, id, () => ({ action: 'release.keep', set: { reviewedAt: new Date(), reviewedByName: ctx.actor.name } }));
}
