import type { Services } from '../../../core/context.ts';
import { purgeRateLimits } from '../../../core/rate-limit.ts';
import { currentPolicy } from '../../security/index.ts';
import { deleteIdleSessions } from '../sessions.repo.ts';

export const PURGE_SESSIONS_JOB = 'auth.purge-sessions';

/**
 * Idle sessions are refused on use anyway; this keeps the table from growing without bound.
 * The login rate-limit windows of the past hour and older go with them. Returns the sessions purged.
 */
export async function purgeIdleSessions(services: Services): Promise<number> {
  const policy = await currentPolicy(services.db);
  await purgeRateLimits(services.db, new Date(Date.now() - 3_600_000));
  return deleteIdleSessions(services.db, new Date(Date.now() - policy.idleMinutes * 60_000));
}
