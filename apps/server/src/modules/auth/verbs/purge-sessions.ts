import type { Services } from '../../../core/context.ts';
import { currentPolicy } from '../../security/index.ts';
import { deleteIdleSessions } from '../sessions.repo.ts';

export const PURGE_SESSIONS_JOB = 'auth.purge-sessions';

/** Idle sessions are refused on use anyway; this keeps the table from growing without bound. */
export async function purgeIdleSessions(services: Services): Promise<number> {
  const policy = await currentPolicy(services.db);
  return deleteIdleSessions(services.db, new Date(Date.now() - policy.idleMinutes * 60_000));
}
