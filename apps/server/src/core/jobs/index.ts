export type { JobBacklog, JobContext, JobHandler, JobQueue, SendOptions, WorkOptions } from './job-queue.ts';
export { createJobQueue, DEFAULT_QUEUE, JOBS_SCHEMA, type JobLogger, type JobQueueOptions, type QueueDefaults } from './pg-boss-queue.ts';
