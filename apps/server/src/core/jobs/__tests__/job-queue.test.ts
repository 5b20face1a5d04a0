import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { files, type Database } from '@xuanlian/db';
import { createTestDatabase } from '../../../../test/db.ts';
import { sleep, waitFor } from '../../../../test/wait.ts';
import { createJobQueue } from '../pg-boss-queue.ts';
import type { JobQueue } from '../job-queue.ts';
import { jobRows, recordingLogger } from './support.ts';

let database: Database;
let jobs: JobQueue;
const log = recordingLogger();

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = createJobQueue(database, { log, maintenanceIntervalSeconds: 1 });
  await jobs.start();
});

afterAll(async () => {
  await jobs?.stop();
  await database?.close();
  // Background errors are logged, not thrown: surface any so a silent fault fails the file.
  expect(log.errors).toEqual([]);
});

const fast = { pollingIntervalSeconds: 0.5 };

describe('JobQueue', () => {
  it('keeps a job sent inside a rolled-back transaction out of the queue, and runs a committed one', async () => {
    const seen: string[] = [];
    await jobs.work<{ tag: string }>(
      'tx-probe',
      async (job) => {
        seen.push(job.data.tag);
      },
      fast,
    );

    const sha = 'a'.repeat(64);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(files).values({ sha256: sha, size: 1, mime: 'text/plain' });
        const id = await jobs.send(tx, 'tx-probe', { tag: 'rolled-back' });
        expect(id).toBeTruthy();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');

    await database.db.transaction(async (tx) => {
      await tx.insert(files).values({ sha256: 'b'.repeat(64), size: 1, mime: 'text/plain' });
      await jobs.send(tx, 'tx-probe', { tag: 'committed' });
    });

    await waitFor(() => seen.includes('committed'), { what: 'the committed job' });
    await sleep(1200); // two more polls: a leaked job would have run by now
    expect(seen).toEqual(['committed']);
    expect(await database.db.select().from(files).where(eq(files.sha256, sha))).toHaveLength(0);
    const rows = await jobRows(database, { name: 'tx-probe' });
    expect(rows.map((r) => r.data.tag)).toEqual(['committed']);
  });

  it('creates a queue on demand from inside a transaction', async () => {
    const id = await database.db.transaction((tx) => jobs.send(tx, 'born-in-tx', { n: 1 }));
    expect(id).toBeTruthy();
    const ran: string[] = [];
    await jobs.work(
      'born-in-tx',
      async (job) => {
        ran.push(job.id);
      },
      fast,
    );
    await waitFor(() => ran.length === 1, { what: 'the job' });
    expect(ran).toEqual([id]);
  });

  it('never runs one job twice with two queue instances and two subscriptions each', async () => {
    const second = createJobQueue(database, { log, maintenanceIntervalSeconds: 1 });
    await second.start();
    try {
      const total = 150;
      const ran: string[] = [];
      const handler = async (job: { id: string }) => {
        ran.push(job.id);
        await sleep(Math.random() * 5);
      };
      const opts = { batchSize: 8, pollingIntervalSeconds: 0.5 };
      for (const q of [jobs, second]) {
        await q.work('contended', handler, opts);
        await q.work('contended', handler, opts);
      }
      const ids = await database.db.transaction(async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < total; i++) {
          const id = await jobs.send(tx, 'contended', { i });
          if (id) out.push(id);
        }
        return out;
      });
      expect(ids).toHaveLength(total);

      await waitFor(() => ran.length >= total, { timeoutMs: 30_000, what: `${total} jobs` });
      await sleep(1000);
      expect(ran).toHaveLength(total);
      expect(new Set(ran).size).toBe(total);
      expect(new Set(ran)).toEqual(new Set(ids));
      const states = await waitFor(
        async () => {
          const rows = await jobRows(database, { name: 'contended' });
          return rows.every((r) => r.state === 'completed') ? rows : undefined;
        },
        { what: 'all completed' },
      );
      expect(states).toHaveLength(total);
    } finally {
      await second.stop();
    }
  });

  it('retries a failing job with growing delays until it succeeds', async () => {
    const attempts: Array<{ at: number; retryCount: number }> = [];
    await jobs.work(
      'flaky',
      async (job) => {
        attempts.push({ at: Date.now(), retryCount: job.retryCount });
        if (attempts.length <= 2) throw new Error(`第 ${attempts.length} 次失败`);
      },
      fast,
    );
    // Default retryLimit/backoff from the queue; a 1 s base delay keeps the test short.
    const id = await jobs.send(null, 'flaky', {}, { retryDelaySeconds: 1 });
    if (!id) throw new Error('no job id');

    await waitFor(async () => (await jobRows(database, { id }))[0]?.state === 'completed', { what: 'completion' });
    const [row] = await jobRows(database, { id });
    expect(row?.retryCount).toBe(2);
    expect(attempts.map((a) => a.retryCount)).toEqual([0, 1, 2]);
    const [a0, a1, a2] = attempts.map((a) => a.at);
    // Backoff: first retry waits 1–2 × base, the second 2–4 × base; a fixed delay would give 1 and 1.
    expect(a1! - a0!).toBeGreaterThanOrEqual(950);
    expect(a2! - a1!).toBeGreaterThanOrEqual(1950);
    expect(log.warnings.length).toBeGreaterThanOrEqual(2); // each failure was logged
  });

  it('dedupes sends with one singletonKey while the first is pending or running', async () => {
    const first = await jobs.send(null, 'once', { n: 1 }, { singletonKey: 'org-1' });
    const dup = await jobs.send(null, 'once', { n: 2 }, { singletonKey: 'org-1' });
    const other = await jobs.send(null, 'once', { n: 3 }, { singletonKey: 'org-2' });
    const inTx = await database.db.transaction((tx) => jobs.send(tx, 'once', { n: 4 }, { singletonKey: 'org-1' }));
    expect(first).toBeTruthy();
    expect(dup).toBeNull();
    expect(inTx).toBeNull();
    expect(other).toBeTruthy();
    expect(other).not.toBe(first);

    const ran: number[] = [];
    await jobs.work<{ n: number }>(
      'once',
      async (job) => {
        ran.push(job.data.n);
      },
      fast,
    );
    await waitFor(() => ran.length === 2, { what: 'two jobs' });
    await waitFor(async () => (await jobRows(database, { id: first! }))[0]?.state === 'completed', { what: 'completion' });
    // Once the first has finished the key is free again.
    const again = await jobs.send(null, 'once', { n: 5 }, { singletonKey: 'org-1' });
    expect(again).toBeTruthy();
    await waitFor(() => ran.includes(5), { what: 'the resent job' });
    expect(ran.sort()).toEqual([1, 3, 5]);
  });

  it('reports how long the oldest runnable job has waited', async () => {
    expect(await jobs.oldestPendingAgeSeconds()).toBeNull(); // every earlier job has finished
    await jobs.send(null, 'unworked', {});
    await jobs.send(null, 'unworked-later', {}, { startAfterSeconds: 3600 });
    await sleep(1100);
    const age = await jobs.oldestPendingAgeSeconds();
    expect(age).toBeGreaterThanOrEqual(1);
    expect(age).toBeLessThan(30); // the deferred job is not counted as waiting
  });
});
