import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkManuscripts, manuscriptWrite } from '../harness/manuscript-writes.ts';
import { OpsLog } from '../harness/ops-log.ts';
import { canRunOwnCluster, startPgCluster } from '../../apps/server/test/pg-cluster.ts';
import { freePort } from '../../apps/server/test/ports.ts';
import { full, sleep } from '../harness/profile.ts';
import { ServerProcess, signIn } from '../harness/server.ts';

/**
 * kill -9 of every process of the product in the middle of a stream of writes, then a restart
 * of the same deployment: every acknowledged write is there, and the retries of the writes whose
 * answer was lost (same Idempotency-Key) make nothing twice. On the embedded database (one process)
 * and on PostgreSQL (a web and a worker process, both killed).
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function killDuringWrites(start: () => Promise<ServerProcess[]>, rounds: number): Promise<void> {
  let procs = await start();
  const base = procs[0]?.base as string;
  let session = await signIn(base, 'reporter', 'Demo@2025');
  const write = await manuscriptWrite(session, `k9-${Date.now()}`);
  const log = new OpsLog();
  for (let round = 0; round < rounds; round++) {
    let stop = false;
    const writing = log.writers(session, { path: write.path, concurrency: 6, prefix: `k9-${Date.now()}-${round}`, body: write.body, stop: () => stop });
    const before = log.acked.length;
    while (log.acked.length < before + 10) await sleep(50);
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    stop = true;
    await writing;
    procs = await start();
    session = await signIn(base, 'reporter', 'Demo@2025');
  }
  await log.settle(session, write.path, 60_000);
  expect(log.violations, log.summary()).toEqual([]);
  expect(log.unknown, log.summary()).toEqual([]);
  expect(await checkManuscripts(session, log.acked)).toEqual([]);
  // Exactly once, through the API: the reporter's own list holds each acknowledged title once.
  const seen = new Map<string, number>();
  for (let page = 1; ; page++) {
    const res = await session.call(`/api/manuscripts?view=mine&pageSize=200&page=${page}`);
    const list = (await res.json()) as { items: Array<{ title: string }>; total: number };
    for (const m of list.items) seen.set(m.title, (seen.get(m.title) ?? 0) + 1);
    if (page * 200 >= list.total) break;
  }
  expect(log.acked.filter((op) => seen.get(String(op.body.title)) !== 1).map((op) => op.body.title)).toEqual([]);
  await Promise.all(procs.map((p) => p.kill('SIGTERM')));
}

describe('[可靠性] kill -9 during writes', () => {
  it(
    'embedded database: the one process killed and restarted',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'xl-rel-k9-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const port = await freePort();
      const env = { DATA_DIR: dataDir, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '1000', DATABASE_URL: '' };
      const live: ServerProcess[] = [];
      cleanups.push(() => Promise.all(live.map((p) => p.kill())).then(() => undefined));
      await killDuringWrites(
        async () => {
          const p = await ServerProcess.start({ port, env });
          live.push(p);
          return [p];
        },
        full ? 5 : 1,
      );
    },
    full ? 1_200_000 : 400_000,
  );

  it.runIf(canRunOwnCluster())(
    'PostgreSQL: web and worker killed together and restarted',
    async () => {
      const cluster = await startPgCluster();
      cleanups.push(() => cluster.destroy());
      const port = await freePort();
      const env = { DATABASE_URL: cluster.url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '1000', DATA_DIR: `${cluster.dir}/app` };
      const live: ServerProcess[] = [];
      cleanups.push(() => Promise.all(live.map((p) => p.kill())).then(() => undefined));
      await killDuringWrites(
        async () => {
          const web = await ServerProcess.start({ role: 'web', port, env });
          const worker = await ServerProcess.start({ role: 'worker', env });
          live.push(web, worker);
          return [web, worker];
        },
        full ? 5 : 2,
      );
    },
    full ? 1_200_000 : 400_000,
  );
});
