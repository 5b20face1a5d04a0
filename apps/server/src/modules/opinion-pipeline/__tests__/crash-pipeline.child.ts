/**
 * Child process for pipeline-crash.test.ts: a worker with the real job handlers that takes the
 * fetch job of one source and parks inside the pipeline (before or after the storing
 * transaction commits) until the parent SIGKILLs it. Not a test file on its own.
 */
import { openDatabase } from '@xuanlian/db';
import pino from 'pino';
import { testConfig } from '../../../../test/app.ts';
import { stubResolver } from '../../../../test/feed-server.ts';
import { createJobQueue, type QueueDefaults } from '../../../core/jobs/index.ts';
import { createServices } from '../../../core/services.ts';
import { FETCH_SOURCE_JOB, DEFAULT_FETCH_LIMITS } from '../index.ts';
import { registerWorkers } from '../../../workers.ts';

interface ChildArgs {
  databaseUrl?: string;
  pgliteDir?: string;
  sourceId: string;
  park: 'before-commit' | 'after-commit';
  settings: Partial<QueueDefaults>;
}

const say = (msg: object): void => {
  process.stdout.write(`${JSON.stringify(msg)}\n`);
};
const forever = () => new Promise<void>(() => {});

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
const database = await openDatabase(args.databaseUrl ? { databaseUrl: args.databaseUrl } : { pgliteDir: args.pgliteDir ?? 'memory://' });
const log = pino({ level: 'silent' });
const services = await createServices(testConfig(), { database, log });
services.jobs = createJobQueue(database, { queue: args.settings, log });
await services.jobs.start();
const park = async (where: string) => {
  say({ event: 'parked', where });
  await forever();
};
await registerWorkers(services, {
  fetch: { resolver: stubResolver, limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 3000 }, maxArticles: 10, politeDelayMs: 0 },
  ingest: args.park === 'before-commit' ? { beforeCommit: () => park('before-commit') } : { afterCommit: () => park('after-commit') },
});
const id = await services.jobs.send(null, FETCH_SOURCE_JOB, { sourceId: args.sourceId }, { singletonKey: args.sourceId, retryLimit: 2 });
say({ event: 'sent', id });
