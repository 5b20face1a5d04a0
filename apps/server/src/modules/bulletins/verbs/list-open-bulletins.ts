import type { OpenBulletin } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { pathInScope, requirePermission, scopeFor } from '../../../core/scope.ts';
import { presentAppeal, presentSummary } from '../bulletins.presenter.ts';
import { appealsOf, listVisibleToUnits, type BulletinRow } from '../bulletins.repo.ts';

/** For units: the published bulletins that cover them, with only their own appeals. */
export async function listOpenBulletins({ ctx }: { ctx: Ctx }): Promise<OpenBulletin[]> {
  const scope = requirePermission(ctx.actor, 'bulletin.appeal');
  const rows = await listVisibleToUnits(ctx.db, scope);
  const out: OpenBulletin[] = [];
  for (const r of rows) {
    const mine = myOrgs(ctx, r);
    const appeals = await appealsOf(
      ctx.db,
      r.id,
      mine.map((o) => o.id),
    );
    out.push({ ...presentSummary(r), appeals: appeals.map(presentAppeal), myOrgs: mine });
  }
  return out;
}

/** The units an actor may appeal for in this bulletin: their grants inside its subtree, or the office itself. */
export function myOrgs(ctx: Ctx, r: BulletinRow): Array<{ id: string; name: string }> {
  const scope = scopeFor(ctx.actor, 'bulletin.appeal');
  const inside = ctx.actor.grants.filter((g) => g.orgPath.startsWith(r.orgPath) && pathInScope(scope, g.orgPath)).map((g) => ({ id: g.orgId, name: g.orgName }));
  const unique = [...new Map(inside.map((o) => [o.id, o])).values()];
  if (unique.length === 0 && pathInScope(scope, r.orgPath)) return [{ id: r.orgId, name: r.orgName }];
  return unique;
}
