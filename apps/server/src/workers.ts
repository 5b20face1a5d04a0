import { AUDIT_CHECKPOINT_JOB, writeCheckpoint } from './core/audit/audit.ts';
import { systemCtx, type Services } from './core/context.ts';
import { PURGE_SESSIONS_JOB, purgeIdleSessions } from './modules/auth/index.ts';
import { escalateUrgentChains } from './modules/manuscripts/index.ts';
import { notifyOverdueSteps } from './modules/reviews/index.ts';

import { CAPTURE_PAGE_JOB, capturePage } from './modules/adoptions/index.ts';
import { RELEASE_HELD_ALERTS_JOB, releaseHeldAlerts } from './modules/alerts/index.ts';
import { DAILY_BRIEFS_JOB, GENERATE_BRIEF_JOB, WEEKLY_BRIEFS_JOB, generateBrief, scheduleBriefs } from './modules/briefs/index.ts';
import { ESCALATE_OVERDUE_JOB, escalateOverdue } from './modules/incidents/index.ts';
import { RECOMPUTE_SCORES_JOB, recomputeAllScores } from './modules/scoring/index.ts';
import { DEFAULT_FETCH_LIMITS, FETCH_DUE_JOB, FETCH_SOURCE_JOB, enqueueDueSources, runSourceFetch, type FetchSettings, type IngestOptions } from './modules/opinion-pipeline/index.ts';
import { systemResolver } from './core/net/index.ts';
import {
  DELIVER_JOB,
  REVIEW_DUE_REMINDER_JOB,
  SUBMISSION_REMINDER_JOB,
  TASK_DUE_REMINDER_JOB,
  remindDueTasks,
  remindMonthlySubmission,
  remindReviewStepsDue,
  runDelivery,
  type DeliverOptions,
} from './modules/notifications/index.ts';
import { wireModules } from './wiring.ts';

export const JOBS = {
  reviewOverdue: 'reviews.overdue',
  urgentEscalate: 'manuscripts.urgent-escalate',
} as const;

export interface WorkerOptions {
  /** Fetching: tests swap in a stub resolver and short limits; production keeps the defaults. */
  fetch?: Partial<FetchSettings>;
  /** Pipeline hooks (the crash test parks a worker inside the storing transaction). */
  ingest?: IngestOptions;
  /** Notification sending: tests use a stub resolver and short timeouts. */
  deliver?: DeliverOptions;
}

const OPINION_TZ = 'Asia/Shanghai';

/**
 * Where each module's job handlers are subscribed. Handlers run their verbs as the system
 * actor and are idempotent (each notice is marked sent in the transaction that sends it), so a
 * retried or doubled run sends nothing twice.
 */
export async function registerWorkers(services: Services, opts: WorkerOptions = {}): Promise<void> {
  // The nightly recompute counts journal inclusions and releases: wire them before any job runs.
  wireModules();
  const { jobs } = services;
  await jobs.work(PURGE_SESSIONS_JOB, async () => {
    await purgeIdleSessions(services);
  });
  await jobs.schedule(PURGE_SESSIONS_JOB, '*/15 * * * *');
  // Signed audit heads (校验点): every minute (skipped when nothing was appended) and every N rows.
  await jobs.work(AUDIT_CHECKPOINT_JOB, async () => {
    await writeCheckpoint(services);
  });
  await jobs.schedule(AUDIT_CHECKPOINT_JOB, '* * * * *');
  await jobs.work(JOBS.reviewOverdue, async (job) => {
    await notifyOverdueSteps({ ctx: systemCtx(services, `job:${job.id}`) });
  });
  await jobs.work(JOBS.urgentEscalate, async (job) => {
    await escalateUrgentChains({ ctx: systemCtx(services, `job:${job.id}`) });
  });
  // 突发事件 deadlines are in minutes, so both checks run every minute (one run per minute however many workers).
  await jobs.schedule(JOBS.reviewOverdue, '* * * * *');
  await jobs.schedule(JOBS.urgentEscalate, '* * * * *');

  const fetch: FetchSettings = { resolver: systemResolver, limits: DEFAULT_FETCH_LIMITS, maxArticles: 30, politeDelayMs: 1000, ...opts.fetch };
  await jobs.work(FETCH_DUE_JOB, async () => {
    await enqueueDueSources(services);
  });
  await jobs.schedule(FETCH_DUE_JOB, '* * * * *');
  // Two at a time: fetching waits on the network far more than it uses a core.
  await jobs.work<{ sourceId: string }>(
    FETCH_SOURCE_JOB,
    async (job) => {
      await runSourceFetch(services, job.data.sourceId, fetch, opts.ingest);
    },
    { batchSize: 2, pollingIntervalSeconds: 1 },
  );
  // 用稿 evidence: the page behind an adoption's link, through the same guard and allow-list.
  await jobs.work<{ adoptionId: string }>(
    CAPTURE_PAGE_JOB,
    async (job) => {
      await capturePage(services, job.data.adoptionId, { resolver: fetch.resolver, timeoutMs: fetch.limits.timeoutMs });
    },
    { batchSize: 2, pollingIntervalSeconds: 1 },
  );

  await jobs.work(RELEASE_HELD_ALERTS_JOB, async () => {
    await releaseHeldAlerts(services);
  });
  await jobs.schedule(RELEASE_HELD_ALERTS_JOB, '* * * * *');
  await jobs.work(ESCALATE_OVERDUE_JOB, async () => {
    await escalateOverdue(services);
  });
  await jobs.schedule(ESCALATE_OVERDUE_JOB, '*/5 * * * *');

  await jobs.work<{ briefId: string }>(GENERATE_BRIEF_JOB, async (job) => {
    await generateBrief(services, job.data.briefId);
  });
  await jobs.work(DAILY_BRIEFS_JOB, async () => {
    await scheduleBriefs(services, 'daily');
  });
  await jobs.schedule(DAILY_BRIEFS_JOB, '0 7 * * *', undefined, { tz: OPINION_TZ });
  await jobs.work(WEEKLY_BRIEFS_JOB, async () => {
    await scheduleBriefs(services, 'weekly');
  });
  await jobs.schedule(WEEKLY_BRIEFS_JOB, '30 7 * * 1', undefined, { tz: OPINION_TZ });
  await registerScoringWorkers(services);

  // Notifications: every mail and robot message is one job (retried with backoff by pg-boss);
  // reminders run daily in China time, once per slot however many workers run.
  await jobs.work<{ deliveryId: string }>(
    DELIVER_JOB,
    async (job) => {
      await runDelivery(services, job.data.deliveryId, opts.deliver);
    },
    { batchSize: 4, pollingIntervalSeconds: 1 },
  );
  await jobs.work(TASK_DUE_REMINDER_JOB, async () => {
    await remindDueTasks(services);
  });
  await jobs.schedule(TASK_DUE_REMINDER_JOB, '0 8 * * *', undefined, { tz: OPINION_TZ });
  await jobs.work(SUBMISSION_REMINDER_JOB, async () => {
    await remindMonthlySubmission(services);
  });
  await jobs.schedule(SUBMISSION_REMINDER_JOB, '0 9 * * *', undefined, { tz: OPINION_TZ });
  await jobs.work(REVIEW_DUE_REMINDER_JOB, async () => {
    await remindReviewStepsDue(services);
  });
  await jobs.schedule(REVIEW_DUE_REMINDER_JOB, '*/5 * * * *');
}

/**
 * Scoring: nightly at 01:00 China time every open period is rebuilt, so a month that has just
 * ended gets its monthly-minimum and missed-约稿 penalties without anyone pressing a button.
 */
export async function registerScoringWorkers(services: Services): Promise<void> {
  await services.jobs.work(RECOMPUTE_SCORES_JOB, async () => {
    await services.db.transaction((tx) => recomputeAllScores(tx));
  });
  await services.jobs.schedule(RECOMPUTE_SCORES_JOB, '0 1 * * *', undefined, { tz: OPINION_TZ });
}
