import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@xuanlian/db';
import { createTestDatabase } from '../../../../test/db.ts';
import { sleep, waitFor } from '../../../../test/wait.ts';
import { createJobQueue } from '../pg-boss-queue.ts';
import type { JobQueue } from '../job-queue.ts';
import { recordingLogger } from './support.ts';

let database: Database;
const running: JobQueue[] = [];
const log = recordingLogger();

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  for (const q of running) await q.stop();
  await database?.close();
});

const minuteOf = (ms: number): number => Math.floor(ms / 60_000);

/**
 * Cron resolution is a minute, so waiting for several minutes is out. Instead the schedule is
 * per second and both instances run the cron pass every second: every pass finds an occurrence
 * due and tries to forward it, and only the 60-second slot it is filed under can keep that to
 * one job. The check is then "one forwarded job per minute slot", with a minute boundary allowed
 * inside the window.
 */
it('fires a schedule once per slot with two instances running the cron pass', async () => {
  const fired: Array<{ id: string; from: string }> = [];
  for (const from of ['a', 'b']) {
    const q = createJobQueue(database, { log, cronIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
    running.push(q);
    await q.start();
    await q.work<{ report: string }>(
      'nightly-report',
      async (job) => {
        fired.push({ id: job.id, from: `${from}:${job.data.report}` });
      },
      { pollingIntervalSeconds: 0.5 },
    );
  }
  const [a, b] = running;
  const begin = Date.now();
  await a!.schedule('nightly-report', '* * * * * *', { report: 'daily' });
  await b!.schedule('nightly-report', '* * * * * *', { report: 'daily' }); // same row, not a second one

  await waitFor(() => fired.length > 0, { timeoutMs: 15_000, what: 'the first scheduled job' });
  // Watch the cron claim move: each move is one pass that found an occurrence due.
  const passes = new Set<string>();
  for (let i = 0; i < 40 && passes.size < 4; i++) {
    const r = await database.db.execute(sql`select cron_on::text as at from pgboss.version`);
    const at = (r as unknown as { rows: Array<{ at: string | null }> }).rows[0]?.at;
    if (at) passes.add(at);
    await sleep(250);
  }
  const end = Date.now();
  expect(passes.size).toBeGreaterThanOrEqual(3);

  // The first pass may file the occurrence a second before `begin`, in the previous minute.
  const minutes = minuteOf(end) - minuteOf(begin - 2000) + 1;

  // pg-boss's forwarding jobs: exactly one per slot, though every pass tried to add one.
  const forwarded = await database.db.execute(sql`
    select count(*)::int as n, count(distinct singleton_on)::int as slots
    from pgboss.job where name = '__pgboss__send-it'`);
  const [row] = (forwarded as unknown as { rows: Array<{ n: number; slots: number }> }).rows;
  expect(row?.n).toBe(row?.slots);
  expect(row?.n).toBeGreaterThanOrEqual(1);
  expect(row?.n).toBeLessThanOrEqual(minutes);
  // Each forwarded occurrence ran at most once (the last may still be on its way).
  expect(fired.length).toBeGreaterThanOrEqual(1);
  expect(fired.length).toBeLessThanOrEqual(row!.n);
  expect(new Set(fired.map((f) => f.id)).size).toBe(fired.length);
  const schedules = await database.db.execute(sql`select count(*)::int as n from pgboss.schedule where name = 'nightly-report'`);
  expect((schedules as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(1);
  expect(log.errors).toEqual([]);
});
