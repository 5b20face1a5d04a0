import type { Org } from '@xuanlian/contracts';
import { cacheFor } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { requirePermission } from '../../../core/scope.ts';
import { listOrgsInScope } from '../orgs.repo.ts';
import { presentOrg } from '../orgs.presenter.ts';

/** The tree is read on nearly every page and changes rarely: cache it per scope, briefly. */
export async function listOrgs({ ctx }: { ctx: Ctx }): Promise<Org[]> {
  const scope = requirePermission(ctx.actor, 'org.read');
  const cache = cacheFor<Org[]>(ctx.db, 'org-list', 2_000);
  const key = scope.all ? '*' : scope.paths.join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  const list = (await listOrgsInScope(ctx.db, scope)).map(presentOrg);
  cache.set(key, list);
  return list;
}
