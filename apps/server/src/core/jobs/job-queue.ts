import type { Executor } from '@xuanlian/db';

export interface SendOptions {
  /** Two sends with one key while the first is still pending or running make one job. */
  singletonKey?: string;
  startAfterSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
}

export interface JobContext<T> {
  id: string;
  name: string;
  data: T;
  retryCount: number;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

export interface WorkOptions {
  batchSize?: number;
  pollingIntervalSeconds?: number;
}

/**
 * The only way modules touch background work, so none of them imports pg-boss directly and the
 * same code runs embedded (PGlite, in process) and on PostgreSQL (separate worker processes).
 */
export interface JobQueue {
  start(): Promise<void>;
  /**
   * Whether start() has run in this process: before it (the first-start seed, tests that never
   * start the queue) the queue's tables may not exist, so optional sends must wait for the cron.
   */
  readonly started: boolean;
  stop(): Promise<void>;
  /**
   * Enqueue `name`. With `tx`, the job is written inside that transaction and exists only if it
   * commits (an outbox for free). Returns the job id, or null when a singleton already exists.
   */
  send<T extends object>(tx: Executor | null, name: string, data: T, opts?: SendOptions): Promise<string | null>;
  work<T extends object>(name: string, handler: JobHandler<T>, opts?: WorkOptions): Promise<void>;
  /** A cron schedule (UTC unless tz is given) that fires once per slot however many workers run. */
  schedule<T extends object>(name: string, cron: string, data?: T, opts?: { tz?: string }): Promise<void>;
  /** Seconds since the oldest job that is still waiting was created; null when none waits. */
  oldestPendingAgeSeconds(): Promise<number | null>;
  /** Waiting jobs per kind (queue name), for the metrics scrape; at most `limit` kinds. */
  backlog(limit?: number): Promise<JobBacklog[]>;
}

export interface JobBacklog {
  kind: string;
  /** Jobs created or waiting for a retry, deferred ones included. */
  queued: number;
  /** Seconds the oldest runnable one has waited; null when every queued job is deferred. */
  oldestAgeSeconds: number | null;
}
