import type { Ctx } from '../../../core/context.ts';
import { usersWithRoleAt } from '../../notifications/index.ts';
import { contentOf } from '../bulletins.presenter.ts';
import type { BulletinRow } from '../bulletins.repo.ts';

/** The reporters of the units the bulletin ranks, and the units themselves (for group robots). */
export async function audience(ctx: Ctx, row: BulletinRow): Promise<{ orgIds: string[]; userIds: string[] }> {
  const orgIds = contentOf(row).numbers.rows.map((r) => r.orgId);
  return { orgIds, userIds: await usersWithRoleAt(ctx.db, orgIds, ['reporter', 'chief_reporter']) };
}
