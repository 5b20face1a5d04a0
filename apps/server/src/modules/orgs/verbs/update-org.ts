import type { Org, UpdateOrgInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findOrgById, moveSubtree, updateOrgFields } from '../orgs.repo.ts';
import { presentOrg } from '../orgs.presenter.ts';

/** Rename, re-kind, reorder, disable/enable, or move a unit (with its whole subtree). */
export async function updateOrg({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateOrgInput }): Promise<Org> {
  const scope = requirePermission(ctx.actor, 'org.manage');
  return afterCommit(ctx.db, async () =>
    ctx.db.transaction(async (tx) => {
      const row = await requireOrgInScope(tx, scope, id, '单位', { lock: true });
      const before = presentOrg(row);
      if (input.parentId !== undefined && input.parentId !== row.parentId) {
        if (!row.parentId) throw invalidState('顶级单位不能移动');
        const target = await requireOrgInScope(tx, scope, input.parentId, '目标上级单位');
        if (target.path.startsWith(row.path)) throw invalidState('不能把单位移动到它自己或它的下级单位之下');
        await moveSubtree(tx, row, target);
        await writeAudit(tx, ctx, {
          action: 'org.move',
          targetType: 'org',
          targetId: row.id,
          orgId: row.id,
          before: { parentId: row.parentId },
          after: { parentId: target.id },
        });
      }
      const { name, kind, sortOrder, status } = input;
      const fields = Object.fromEntries(Object.entries({ name, kind, sortOrder, status }).filter(([, v]) => v !== undefined));
      const updated = Object.keys(fields).length > 0 ? await updateOrgFields(tx, row.id, fields) : await findOrgById(tx, row.id);
      if (!updated) throw notFound('单位');
      const after = presentOrg(updated);
      if (Object.keys(fields).length > 0) {
        await writeAudit(tx, ctx, { action: 'org.update', targetType: 'org', targetId: row.id, orgId: row.id, before, after });
      }
      return after;
    }),
  );
}
