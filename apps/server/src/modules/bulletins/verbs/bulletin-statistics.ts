import type { StatGrain } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { accountableUnits } from '../../quotas/index.ts';
import { getStatistics } from '../../statistics/index.ts';
import { numbersFrom } from '../narrative.ts';

/**
 * The period's numbers from the statistics verb itself (per unit over the office's subtree).
 * Only the office's 考核对象 (quotas `accountableUnits`) are criticised for reporting nothing.
 */
export async function statisticsFor(ctx: Ctx, office: { id: string; path: string }, grain: StatGrain, period: string, commendTop: number) {
  const stats = await getStatistics({ ctx, query: { grain, period, by: 'org', orgId: office.id } });
  const accountable = await accountableUnits(ctx.db, office, Number(stats.from.slice(0, 4)));
  return numbersFrom(stats, commendTop, accountable.holds);
}
