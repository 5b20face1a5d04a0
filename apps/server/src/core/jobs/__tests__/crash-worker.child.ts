/**
 * Child process for crash.test.ts: opens the database it is given, sends one job, takes it and
 * then hangs inside the handler until the parent SIGKILLs it. Not a test file on its own.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '@xuanlian/db';
import { createJobQueue, type QueueDefaults } from '../index.ts';

interface ChildArgs {
  databaseUrl?: string;
  pgliteDir?: string;
  /** A dumped, migrated data dir to start the PGlite folder from (skips a 4 s initdb). */
  pgliteTemplate?: string;
  queue: string;
  settings: Partial<QueueDefaults>;
}

const say = (msg: object): void => {
  process.stdout.write(`${JSON.stringify(msg)}\n`);
};

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
const database = await openDatabase(
  args.databaseUrl
    ? { databaseUrl: args.databaseUrl }
    : {
        pgliteDir: args.pgliteDir ?? 'memory://',
        ...(args.pgliteTemplate ? { loadDataDir: new Blob([readFileSync(args.pgliteTemplate)]) } : {}),
      },
);
const jobs = createJobQueue(database, {
  queue: args.settings,
  log: { error: (obj, msg) => say({ event: 'error', msg, obj: String(obj) }), warn: () => {} },
});
await jobs.start();
const id = await jobs.send(null, args.queue, { from: 'child' });
say({ event: 'sent', id });
await jobs.work(
  args.queue,
  async (job) => {
    say({ event: 'started', id: job.id, retryCount: job.retryCount });
    await new Promise(() => {}); // never finishes: the parent kills this process here
  },
  { pollingIntervalSeconds: 0.5 },
);
