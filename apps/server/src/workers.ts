import { systemCtx, type Services } from './core/context.ts';
import { PURGE_SESSIONS_JOB, purgeIdleSessions } from './modules/auth/index.ts';
import { escalateUrgentChains } from './modules/manuscripts/index.ts';
import { notifyOverdueSteps } from './modules/reviews/index.ts';

export const JOBS = {
  reviewOverdue: 'reviews.overdue',
  urgentEscalate: 'manuscripts.urgent-escalate',
} as const;

/**
 * Where each module's job handlers are subscribed. Handlers run their verbs as the system
 * actor and are idempotent (each notice is marked sent in the transaction that sends it), so a
 * retried or doubled run sends nothing twice.
 */
export async function registerWorkers(services: Services): Promise<void> {
  const { jobs } = services;
  await jobs.work(PURGE_SESSIONS_JOB, async () => {
    await purgeIdleSessions(services);
  });
  await jobs.schedule(PURGE_SESSIONS_JOB, '*/15 * * * *');
  await jobs.work(JOBS.reviewOverdue, async (job) => {
    await notifyOverdueSteps({ ctx: systemCtx(services, `job:${job.id}`) });
  });
  await jobs.work(JOBS.urgentEscalate, async (job) => {
    await escalateUrgentChains({ ctx: systemCtx(services, `job:${job.id}`) });
  });
  // 突发事件 deadlines are in minutes, so both checks run every minute (one run per minute however many workers).
  await jobs.schedule(JOBS.reviewOverdue, '* * * * *');
  await jobs.schedule(JOBS.urgentEscalate, '* * * * *');
}
