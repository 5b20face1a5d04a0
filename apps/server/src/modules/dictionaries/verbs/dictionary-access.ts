import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { hasPermission, pathInScope, scopeFor, type Scope, grantAncestorIds, pathIds, requireOrgInScope } from '../../../core/scope.ts';
import { orgsByIds } from '../dictionaries.repo.ts';
import { editableIn, type EditableTest } from '../dictionaries.presenter.ts';

/**
 * What a dictionary list shows: with an orgId, the entries that apply to that unit (its own and
 * its ancestors'); without, every entry the actor manages plus those above their grants.
 */
export async function listTarget(ctx: Ctx, readScope: Scope, orgId: string | undefined): Promise<{ scope: Scope | null; orgIds: string[] }> {
  if (orgId) {
    const org = await requireOrgInScope(ctx.db, readScope, orgId);
    return { scope: null, orgIds: pathIds(org.path) };
  }
  return { scope: readScope, orgIds: grantAncestorIds(ctx.actor) };
}

/** Marks rows editable where the actor's manuscript.manage scope holds the owning unit. */
export async function editableTest(ctx: Ctx, orgIds: string[]): Promise<EditableTest> {
  if (!hasPermission(ctx.actor, 'manuscript.manage')) return () => false;
  const manage = scopeFor(ctx.actor, 'manuscript.manage');
  const paths = new Map((await orgsByIds(ctx.db, [...new Set(orgIds)])).map((o) => [o.id, o.path]));
  return editableIn(manage, paths);
}

/** A row is changed only by an editor whose scope holds its unit; otherwise it does not exist for them. */
export async function assertManageable(ctx: Ctx, scope: Scope, orgId: string, what: string): Promise<void> {
  const [org] = await orgsByIds(ctx.db, [orgId]);
  if (!org || !pathInScope(scope, org.path)) throw notFound(what);
}
