import type { ReleasedCounter } from '../statistics/index.ts';
import { releasedCounts } from './releases.repo.ts';

/**
 * The statistics "发布" column: live releases in the period per unit or per reporter. One release
 * per channel, so a piece out on two channels counts twice; withdrawn ones stop counting.
 */
export const countReleased: ReleasedCounter = (ctx, by, ids, range) => releasedCounts(ctx.db, by, ids, range);
