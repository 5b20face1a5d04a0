import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@xuanlian/db';
import { createTestDatabase, databaseUrlOf, onPostgres } from '../../../../test/db.ts';
import { waitFor } from '../../../../test/wait.ts';
import { createJobQueue } from '../pg-boss-queue.ts';
import type { JobQueue } from '../job-queue.ts';
import { jobRows, recordingLogger } from './support.ts';

const childScript = fileURLToPath(new URL('./crash-worker.child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../../../', import.meta.url));
// expireInSeconds bounds how long a dead worker's job stays taken; heartbeats (minimum 10 s) are
// off so the test takes seconds.
const settings = { expireInSeconds: 2, heartbeatSeconds: null, retryDelaySeconds: 1 };

let database: Database | undefined;
let jobs: JobQueue | undefined;
let dir: string | undefined;

afterAll(async () => {
  await jobs?.stop();
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('retries a job whose worker was killed mid-handler', async () => {
  // PGlite cannot be shared between processes, so the child gets a file-backed data dir and must
  // be gone before this process opens it; on PostgreSQL both use the per-file database.
  if (onPostgres()) database = await createTestDatabase();
  else dir = mkdtempSync(join(tmpdir(), 'xl-crash-'));
  const url = database ? databaseUrlOf(database) : undefined;
  const queue = 'crash-probe';

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', childScript, JSON.stringify({ databaseUrl: url, pgliteDir: dir, pgliteTemplate: dir ? inject('pgliteTemplate') : undefined, queue, settings })],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const lines = createInterface({ input: child.stdout });
  const started = await new Promise<{ id: string; retryCount: number }>((resolve, reject) => {
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { event: string; id: string; retryCount: number };
      if (msg.event === 'started') resolve(msg);
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before taking the job: ${stderr}`)));
  });
  expect(started.retryCount).toBe(0);
  child.kill('SIGKILL');
  await once(child, 'exit');

  database ??= await openDatabase({ pgliteDir: dir! });
  const [taken] = await jobRows(database, { id: started.id });
  expect(taken?.state).toBe('active'); // the dead worker still holds it

  const log = recordingLogger();
  jobs = createJobQueue(database, { log, queue: settings, maintenanceIntervalSeconds: 1 });
  await jobs.start();
  const reran: Array<{ id: string; retryCount: number }> = [];
  await jobs.work(
    queue,
    async (job) => {
      reran.push({ id: job.id, retryCount: job.retryCount });
    },
    { pollingIntervalSeconds: 0.5 },
  );

  await waitFor(async () => (await jobRows(database!, { id: started.id }))[0]?.state === 'completed', {
    timeoutMs: 20_000,
    what: 'the orphaned job to be retried and completed',
  });
  expect(reran).toEqual([{ id: started.id, retryCount: 1 }]);
  expect(log.errors).toEqual([]);
});
