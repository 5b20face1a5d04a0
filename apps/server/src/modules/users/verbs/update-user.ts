import type { UpdateUserInput, User } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden, invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { userAccessChanged } from '../access-changed.ts';
import { checkGrants } from '../grants.ts';
import { findUserById, findUserInScope, grantsOf, replaceGrants, updateUserRow } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';
import { phoneColumns } from '../personal-fields.ts';

export async function updateUser({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateUserInput }): Promise<User> {
  const scope = requirePermission(ctx.actor, 'user.manage');
  return afterCommit(ctx.db, async () =>
    ctx.db.transaction(async (tx) => {
      const row = await findUserInScope(tx, scope, id, { lock: true });
      if (!row) throw notFound('用户');
      if (row.id === ctx.actor.userId && (input.grants || input.status)) {
        throw forbidden('不能修改自己的角色或状态，请由其他管理员操作');
      }
      const before = presentUser(row, await grantsOf(tx, [row.id]), ctx.config.auditKey);
      // Turning an account on is the secadmin's act (三员分立); the sysadmin may only turn it off.
      if (input.status === 'active' && row.status !== 'active') throw forbidden('账号启用须由安全管理员操作');
      await requireOrgInScope(tx, scope, input.orgId, '所属单位');
      if (input.status === 'disabled' && row.status === 'disabled') throw invalidState('账号已是停用状态');
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.phone !== undefined ? phoneColumns(ctx.config.auditKey, input.phone) : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.orgId !== undefined ? { orgId: input.orgId } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      };
      if (Object.keys(set).length > 0) await updateUserRow(tx, row.id, set);
      if (input.grants) {
        await checkGrants(tx, scope, input.grants);
        await replaceGrants(tx, row.id, input.grants);
      }
      // A disabled account or changed roles must take effect now, not at the next login. The form
      // sends the grants with every save, so only a real change of them ends the sessions.
      const grantsChanged = input.grants !== undefined && grantKeys(before.grants) !== grantKeys(input.grants);
      const revokedSessions = input.status === 'disabled' || grantsChanged ? await userAccessChanged(tx, row.id) : null;
      const fresh = await findUserById(tx, row.id);
      if (!fresh) throw notFound('用户');
      const after = presentUser(fresh, await grantsOf(tx, [row.id]), ctx.config.auditKey);
      const action = input.grants && Object.keys(set).length === 0 ? 'user.grant' : 'user.update';
      // The audit row says how many sessions the change ended.
      const audited = revokedSessions === null ? after : { ...after, revokedSessions };
      await writeAudit(tx, ctx, { action, targetType: 'user', targetId: row.id, orgId: fresh.orgId, before, after: audited });
      return after;
    }),
  );
}

function grantKeys(grants: Array<{ role: string; orgId: string }>): string {
  return grants
    .map((g) => `${g.role}@${g.orgId}`)
    .sort()
    .join(',');
}
