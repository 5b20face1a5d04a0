import type { CreateOrgInput, Org } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { duplicate, invalidState } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findOrgByCode, insertOrg } from '../orgs.repo.ts';
import { presentOrg } from '../orgs.presenter.ts';

export async function createOrg({ ctx, input }: { ctx: Ctx; input: CreateOrgInput }): Promise<Org> {
  const scope = requirePermission(ctx.actor, 'org.manage');
  return afterCommit(ctx.db, async () =>
    ctx.db.transaction(async (tx) => {
      const parent = await requireOrgInScope(tx, scope, input.parentId, '上级单位');
      if (parent.status === 'disabled') throw invalidState('上级单位已停用，不能在其下新建单位');
      if (await findOrgByCode(tx, input.code)) {
        throw duplicate(`单位编码“${input.code}”已被使用`, [{ path: 'code', message: '单位编码已被使用' }]);
      }
      const row = await insertOrg(tx, {
        parent,
        name: input.name,
        kind: input.kind,
        code: input.code,
        sortOrder: input.sortOrder ?? 0,
      });
      await writeAudit(tx, ctx, { action: 'org.create', targetType: 'org', targetId: row.id, orgId: row.id, after: presentOrg(row) });
      return presentOrg(row);
    }),
  );
}
