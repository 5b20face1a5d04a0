import { OrgListOutput, type Org } from '@xuanlian/contracts';
import { cacheFor } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { requirePermission } from '../../../core/scope.ts';
import { listOrgsInScope } from '../orgs.repo.ts';
import { presentOrg } from '../orgs.presenter.ts';

interface CachedList {
  items: Org[];
  /** The response body, validated against the contract once when cached rather than per request. */
  json: string;
}

/** The tree is read on nearly every page and changes rarely: cache it per scope, briefly. */
async function cachedList(ctx: Ctx): Promise<CachedList> {
  const scope = requirePermission(ctx.actor, 'org.read');
  const cache = cacheFor<CachedList>(ctx.db, 'org-list', 2_000);
  const key = scope.all ? '*' : scope.paths.join('|');
  const hit = cache.get(key);
  if (hit) return hit;
  const items = (await listOrgsInScope(ctx.db, scope)).map(presentOrg);
  const entry = { items, json: JSON.stringify(OrgListOutput.parse({ items })) };
  cache.set(key, entry);
  return entry;
}

export async function listOrgs({ ctx }: { ctx: Ctx }): Promise<Org[]> {
  return (await cachedList(ctx)).items;
}

/** `{ items }` already serialised, for the hot GET /api/orgs route. */
export async function listOrgsJson({ ctx }: { ctx: Ctx }): Promise<string> {
  return (await cachedList(ctx)).json;
}
