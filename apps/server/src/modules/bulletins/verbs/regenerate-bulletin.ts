import type { Bulletin, StatGrain } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState } from '../../../core/errors.ts';
import { periodLabel } from '../../statistics/index.ts';
import { updateBulletinIf } from '../bulletins.repo.ts';
import { defaultText } from '../narrative.ts';
import { statisticsFor } from './bulletin-statistics.ts';
import { getBulletin } from './get-bulletin.ts';
import { loadBulletin } from './load-bulletin.ts';

/** 重新生成数据: the statistics as of now; the narrative is rewritten unless `keepText`. */
export async function regenerateBulletin({ ctx, id, version, keepText }: { ctx: Ctx; id: string; version: number; keepText: boolean }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status === 'final') throw invalidState('通报已定稿，数据不再重新生成');
  const numbers = await statisticsFor(ctx, { id: row.orgId, path: row.orgPath }, row.grain as StatGrain, row.period, row.commendTop);
  await ctx.db.transaction(async (tx) => {
    const set = { numbers, ...(keepText ? {} : { text: defaultText(periodLabel(row.grain, row.period), row.orgName, numbers) }) };
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['draft', 'appeal'] }, set))) throw conflict('通报已被他人修改或已定稿，请刷新后重试');
    await writeAudit(tx, ctx, {
      action: 'bulletin.regenerate',
      targetType: 'bulletin',
      targetId: id,
      orgId: row.orgId,
      before: { totals: (row.numbers as { totals: unknown }).totals },
      after: { totals: numbers.totals, keepText },
    });
  });
  return getBulletin({ ctx, id });
}
