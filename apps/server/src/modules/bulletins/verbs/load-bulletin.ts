import type { Bulletin } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { hasPermission, requirePermission, scopeFor } from '../../../core/scope.ts';
import { presentBulletin } from '../bulletins.presenter.ts';
import { appealsOf, findBulletinInScope, listVisibleToUnits, type BulletinRow } from '../bulletins.repo.ts';

export const MANAGE = 'bulletin.manage' as const;

export async function loadBulletin(ctx: Ctx, id: string): Promise<{ row: BulletinRow; out: Bulletin }> {
  const scope = requirePermission(ctx.actor, MANAGE);
  const row = await findBulletinInScope(ctx.db, scope, id);
  if (!row) throw notFound('通报');
  return { row, out: presentBulletin(row, await appealsOf(ctx.db, id)) };
}

/**
 * A bulletin for reading or downloading: the office's editors always; a unit's reporters once it
 * is published and covers their unit. Anyone else: 404 (403 without either permission).
 */
export async function readableBulletin(ctx: Ctx, id: string): Promise<BulletinRow> {
  const manage = hasPermission(ctx.actor, MANAGE);
  const appeal = hasPermission(ctx.actor, 'bulletin.appeal');
  if (!manage && !appeal) throw forbidden();
  if (manage) {
    const row = await findBulletinInScope(ctx.db, scopeFor(ctx.actor, MANAGE), id);
    if (row) return row;
  }
  if (appeal) {
    const row = (await listVisibleToUnits(ctx.db, scopeFor(ctx.actor, 'bulletin.appeal'), id))[0];
    if (row) return row;
  }
  throw notFound('通报');
}
