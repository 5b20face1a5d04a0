import type { Services } from './core/context.ts';
import { PURGE_SESSIONS_JOB, purgeIdleSessions } from './modules/auth/index.ts';

/**
 * Where each module's job handlers and schedules are registered; a worker process (or the
 * embedded all-in-one process) calls this once after the queue has started.
 */
export async function registerWorkers(services: Services): Promise<void> {
  await services.jobs.work(PURGE_SESSIONS_JOB, async () => {
    await purgeIdleSessions(services);
  });
  await services.jobs.schedule(PURGE_SESSIONS_JOB, '*/15 * * * *');
}
