import type { Bulletin } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState } from '../../../core/errors.ts';
import { updateBulletinIf } from '../bulletins.repo.ts';
import { getBulletin } from './get-bulletin.ts';
import { loadBulletin } from './load-bulletin.ts';

/**
 * 提前结束征求意见: when every unit has confirmed its numbers (by phone or in the WeChat group, as
 * offices do), the editor may close the window early instead of waiting out the days. From then on
 * no unit can appeal; appeals already raised still need an answer before 定稿. Audited.
 */
export async function closeAppealWindow({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status !== 'appeal') throw invalidState(row.status === 'final' ? '通报已定稿' : '通报尚未发布征求意见');
  const now = new Date();
  if (!row.appealUntil || row.appealUntil.getTime() <= now.getTime()) throw invalidState('征求意见期已结束');
  await ctx.db.transaction(async (tx) => {
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['appeal'] }, { appealUntil: now }))) throw conflict('通报已被他人修改或已定稿，请刷新');
    await writeAudit(tx, ctx, {
      action: 'bulletin.close_appeal',
      targetType: 'bulletin',
      targetId: id,
      orgId: row.orgId,
      before: { appealUntil: row.appealUntil?.toISOString() },
      after: { appealUntil: now.toISOString() },
    });
  });
  return getBulletin({ ctx, id });
}
