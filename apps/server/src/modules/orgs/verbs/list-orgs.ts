import type { Org } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { requirePermission } from '../../../core/scope.ts';
import { listOrgsInScope } from '../orgs.repo.ts';
import { presentOrg } from '../orgs.presenter.ts';

export async function listOrgs({ ctx }: { ctx: Ctx }): Promise<Org[]> {
  const scope = requirePermission(ctx.actor, 'org.read');
  const rows = await listOrgsInScope(ctx.db, scope);
  return rows.map(presentOrg);
}
