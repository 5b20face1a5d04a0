import type { User } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { grantsOf, listUsersInScope } from '../users.repo.ts';
import { presentUser } from '../users.presenter.ts';
import { phoneIndexOf } from '../personal-fields.ts';

export interface ListUsersInput {
  orgId?: string | undefined;
  q?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listUsers({ ctx, input }: { ctx: Ctx; input: ListUsersInput }): Promise<{ items: User[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'user.read');
  const subtreePath = (await requireOrgInScope(ctx.db, scope, input.orgId))?.path;
  // The phone column is ciphertext: a whole number is looked up through its blind index.
  const qPhoneIndex = input.q && /^1\d{10}$/.test(input.q.trim()) ? phoneIndexOf(ctx.config.auditKey, input.q) : undefined;
  const { rows, total } = await listUsersInScope(ctx.db, scope, { ...input, subtreePath, qPhoneIndex });
  const grants = await grantsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentUser(r, grants, ctx.config.auditKey)), total };
}
