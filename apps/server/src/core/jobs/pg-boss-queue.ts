import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite, type ConstructorOptions, type Db as BossDb, type DrizzleTransactionLike, type JobResult, type Queue, type SendOptions as BossSendOptions } from 'pg-boss';
import type { Database, Executor } from '@xuanlian/db';
import type { JobBacklog, JobHandler, JobQueue, SendOptions, WorkOptions } from './job-queue.ts';
import { routeThroughTransactions, type RoutingDb } from './tx-routing.ts';

/** pg-boss keeps its tables here on both engines, apart from the application's own. */
export const JOBS_SCHEMA = 'pgboss';

export interface QueueDefaults {
  retryLimit: number;
  /** First retry delay; with backoff each further retry waits about twice as long (with jitter). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job still active after this long is failed and retried: the bound on a stuck handler. */
  expireInSeconds: number;
  /**
   * Workers refresh a heartbeat at half this interval; a job whose heartbeat stops (its worker
   * died) is retried after this long instead of after expireInSeconds. pg-boss's minimum is 10.
   * null turns heartbeats off and leaves only expireInSeconds.
   */
  heartbeatSeconds: number | null;
}

export const DEFAULT_QUEUE: QueueDefaults = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  heartbeatSeconds: 60,
};

export interface JobQueueOptions {
  /** Settings of queues this instance creates (an existing queue keeps the ones it was made with). */
  queue?: Partial<QueueDefaults>;
  /**
   * Run expiry/retention passes and the cron pass in this process. Every worker process should;
   * a web-only process may switch it off. Passes are claimed in the database, so running them in
   * several processes never repeats one.
   */
  maintenance?: boolean;
  /** How often expired or heartbeat-less jobs are looked for (pg-boss default 60). */
  maintenanceIntervalSeconds?: number;
  /** How often schedules are evaluated and their jobs forwarded (pg-boss default 30 and 5). */
  cronIntervalSeconds?: number;
  /** Connections of pg-boss's own pool on PostgreSQL. */
  poolSize?: number;
  /** How long stop() waits for running handlers before failing them back to the queue. */
  stopTimeoutSeconds?: number;
  /** Where background errors, pg-boss warnings and handler failures go (the app's pino logger). */
  log?: JobLogger;
}

/** The slice of a pino/Fastify logger this runtime writes to. */
export interface JobLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

// Only for callers that pass no logger (scripts, tests): background errors must not vanish.
const consoleLogger: JobLogger = {
  error: (obj, msg) => console.error(`[jobs] ${msg}`, obj),
  warn: (obj, msg) => console.warn(`[jobs] ${msg}`, obj),
};

// Every queue is `exclusive`: pg-boss then keeps one job per (queue, singletonKey) among the
// pending and running ones, which is exactly SendOptions.singletonKey's promise. A send without a
// key gets a unique one, so ordinary jobs never collide with each other.
const QUEUE_POLICY = 'exclusive';

function queueOptions(d: QueueDefaults): Omit<Queue, 'name'> {
  return {
    policy: QUEUE_POLICY,
    retryLimit: d.retryLimit,
    retryDelay: d.retryDelaySeconds,
    retryBackoff: d.retryBackoff,
    expireInSeconds: d.expireInSeconds,
    ...(d.heartbeatSeconds === null ? {} : { heartbeatSeconds: d.heartbeatSeconds }),
  };
}

function toBossSend(opts: SendOptions | undefined): BossSendOptions {
  const out: BossSendOptions = { singletonKey: opts?.singletonKey ?? randomUUID() };
  if (opts?.startAfterSeconds !== undefined) out.startAfter = opts.startAfterSeconds;
  if (opts?.retryLimit !== undefined) out.retryLimit = opts.retryLimit;
  if (opts?.retryDelaySeconds !== undefined) out.retryDelay = opts.retryDelaySeconds;
  if (opts?.retryBackoff !== undefined) out.retryBackoff = opts.retryBackoff;
  return out;
}

function errorOutput(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { message: String(err) };
}

/** Drizzle's executor satisfies the adapter's structural type; this is the one place that says so. */
function txAdapter(executor: Executor): BossDb {
  return fromDrizzle(executor as unknown as DrizzleTransactionLike, sql);
}

export function createJobQueue(database: Database, opts: JobQueueOptions = {}): JobQueue {
  const defaults: QueueDefaults = { ...DEFAULT_QUEUE, ...opts.queue };
  const log = opts.log ?? consoleLogger;
  const maintenance = opts.maintenance ?? true;

  const config: ConstructorOptions = {
    schema: JOBS_SCHEMA,
    supervise: maintenance,
    schedule: maintenance,
    // Rebuilding indexes is an operator's decision on a shared server, and pointless embedded.
    reindex: false,
  };
  if (opts.maintenanceIntervalSeconds !== undefined) {
    config.superviseIntervalSeconds = opts.maintenanceIntervalSeconds;
    config.monitorIntervalSeconds = opts.maintenanceIntervalSeconds;
  }
  if (opts.cronIntervalSeconds !== undefined) {
    config.cronMonitorIntervalSeconds = opts.cronIntervalSeconds;
    config.cronWorkerIntervalSeconds = opts.cronIntervalSeconds;
  }

  let routing: RoutingDb | undefined;
  if (database.engine.kind === 'pglite') {
    routing = routeThroughTransactions(fromPglite(database.engine.pglite));
    config.db = routing;
    config.backend = 'pglite';
  } else {
    const connectionString = (database.engine.pool.options as { connectionString?: string }).connectionString;
    if (!connectionString) throw new Error('任务队列需要以连接串打开的 PostgreSQL 数据库');
    config.connectionString = connectionString;
    config.max = opts.poolSize ?? 5;
    config.application_name = 'xuanlian-jobs';
  }

  const boss = new PgBoss(config);
  boss.on('error', (err) => log.error({ err }, '任务队列后台出错'));
  boss.on('warning', (warning) => log.warn({ warning }, '任务队列警告'));

  let jobTableSeen = false;
  const ensured = new Map<string, Promise<void>>();
  /** Queues whose creation has committed (ensured may still hold one in flight). */
  const ready = new Set<string>();

  async function createQueue(name: string): Promise<void> {
    await boss.createQueue(name, queueOptions(defaults));
    const queue = await boss.getQueue(name);
    if (queue && queue.policy !== QUEUE_POLICY) {
      throw new Error(`任务队列 ${name} 已按 ${String(queue.policy)} 策略建立，singletonKey 去重需要 ${QUEUE_POLICY}`);
    }
  }

  /** createQueue is idempotent in the database; this only saves the round trips after the first. */
  function ensureQueue(name: string): Promise<void> {
    let p = ensured.get(name);
    if (!p) {
      p = createQueue(name).then(() => {
        ready.add(name);
      });
      ensured.set(name, p);
      p.catch(() => ensured.delete(name));
    }
    return p;
  }

  /**
   * On PGlite a queue cannot be created beside an open transaction (one connection, and
   * pg-boss's createQueue commits on its own). pg-boss's create_queue() function inserts with
   * ON CONFLICT DO NOTHING, so calling it through the transaction makes the queue exist exactly
   * when the job does. It is not remembered as ensured: the transaction may still roll back.
   */
  async function createQueueInside(executor: Executor, name: string): Promise<void> {
    // pg-boss's own rule for names, checked here because this path goes around createQueue().
    if (!/^[\w.\-/]+$/.test(name)) throw new Error(`任务队列名只能包含字母、数字、_、-、. 和 /：${name}`);
    const options = JSON.stringify(queueOptions(defaults));
    await executor.execute(sql`select ${sql.raw(JOBS_SCHEMA)}.create_queue(${name}, ${options}::jsonb)`);
  }

  async function sendThrough(executor: Executor, name: string, data: object, options: BossSendOptions) {
    const db = txAdapter(executor);
    if (!routing) {
      await ensureQueue(name);
      return boss.send(name, data, { ...options, db });
    }
    const r = routing;
    return r.withTransaction(db, async () => {
      if (!ready.has(name)) await createQueueInside(executor, name);
      return boss.send(name, data, { ...options, db });
    });
  }

  /** Before the first start() there is no job table, and so nothing waiting (health asks early). */
  async function jobTableExists(): Promise<boolean> {
    if (jobTableSeen) return true;
    const probe = await database.db.execute(sql`select to_regclass(${`${JOBS_SCHEMA}.job`}) is not null as present`);
    jobTableSeen = Boolean((probe as unknown as { rows: Array<{ present: boolean }> }).rows[0]?.present);
    return jobTableSeen;
  }

  let started = false;
  return {
    async start() {
      await boss.start();
      started = true;
    },
    get started() {
      return started;
    },

    async stop() {
      await boss.stop({ graceful: true, close: true, timeout: (opts.stopTimeoutSeconds ?? 30) * 1000 });
    },

    async send(tx, name, data, sendOpts) {
      const options = toBossSend(sendOpts);
      if (tx) return sendThrough(tx, name, data, options);
      await ensureQueue(name);
      return boss.send(name, data, options);
    },

    async work<T extends object>(name: string, handler: JobHandler<T>, workOpts?: WorkOptions) {
      await ensureQueue(name);
      await boss.work<T>(
        name,
        {
          batchSize: workOpts?.batchSize ?? 1,
          pollingIntervalSeconds: workOpts?.pollingIntervalSeconds ?? 2,
          // Settle each job of a batch on its own, so one failure does not retry its neighbours.
          perJobResults: true,
        },
        async (jobs) =>
          Promise.all(
            jobs.map(async (job): Promise<JobResult> => {
              try {
                await handler({ id: job.id, name: job.name, data: job.data, retryCount: job.retryCount });
                return { id: job.id, status: 'completed' };
              } catch (err) {
                log.warn({ err, queue: name, jobId: job.id, attempt: job.retryCount + 1 }, '后台任务执行失败，将按重试策略处理');
                return { id: job.id, status: 'failed', output: errorOutput(err) };
              }
            }),
          ),
      );
    },

    async schedule(name, cron, data, scheduleOpts) {
      await ensureQueue(name);
      // pg-boss stores one row per (queue, key) and files each occurrence under a 60-second
      // singleton slot, so however many instances run the cron pass one job is sent per slot.
      await boss.schedule(name, cron, data ?? null, scheduleOpts?.tz ? { tz: scheduleOpts.tz } : {});
    },

    async oldestPendingAgeSeconds() {
      if (!(await jobTableExists())) return null;
      // Measured from when a job became runnable (its creation, startAfter or retry time), so a
      // job deliberately deferred does not read as a backlog.
      const result = await database.db.execute(
        sql`select extract(epoch from now() - min(start_after))::float8 as age
            from ${sql.raw(JOBS_SCHEMA)}.job
            where state in ('created', 'retry') and start_after <= now()`,
      );
      const row = (result as unknown as { rows: Array<{ age: number | string | null }> }).rows[0];
      return row?.age == null ? null : Number(row.age);
    },

    async backlog(limit = 200): Promise<JobBacklog[]> {
      if (!(await jobTableExists())) return [];
      // state < 'active' (created, retry) is the predicate of pg-boss's own partial index, so a
      // scrape reads only waiting jobs however many finished ones the table still keeps.
      const result = await database.db.execute(
        sql`select name as kind, count(*)::int as queued,
                   extract(epoch from now() - min(start_after) filter (where start_after <= now()))::float8 as age
            from ${sql.raw(JOBS_SCHEMA)}.job
            where state < 'active'
            group by name order by name limit ${limit}`,
      );
      const rows = (result as unknown as { rows: Array<{ kind: string; queued: number | string; age: number | string | null }> }).rows;
      return rows.map((r) => ({ kind: r.kind, queued: Number(r.queued), oldestAgeSeconds: r.age == null ? null : Number(r.age) }));
    },
  };
}
