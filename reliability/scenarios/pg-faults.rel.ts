import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../harness/fault-proxy.ts';
import { checkManuscripts, manuscriptWrite } from '../harness/manuscript-writes.ts';
import { OpsLog } from '../harness/ops-log.ts';
import { canRunOwnCluster, startPgCluster, type PgCluster } from '../../apps/server/test/pg-cluster.ts';
import { freePort } from '../../apps/server/test/ports.ts';
import { faultSeconds, full, sleep } from '../harness/profile.ts';
import { ServerProcess, signIn, type Session } from '../harness/server.ts';

/**
 * The database misbehaves under a steady stream of writes — slow, reset, black-holed, stopped
 * hard, paused — while a web process and a worker process run on it through the fault proxy.
 * Neither process may die or answer 500; while the database is away the API says 503 with
 * Retry-After; after each fault the same processes serve again by themselves; every write the
 * client saw acknowledged is there exactly once.
 */
const runnable = canRunOwnCluster();
let cluster: PgCluster | undefined;
let proxy: FaultProxy | undefined;
let web: ServerProcess | undefined;
let worker: ServerProcess | undefined;

beforeAll(async () => {
  if (!runnable) return;
  cluster = await startPgCluster();
  proxy = new FaultProxy({ host: '127.0.0.1', port: cluster.port });
  await proxy.listen();
  const url = `postgres://postgres@127.0.0.1:${proxy.port}/postgres`;
  const env = { DATABASE_URL: url, SEED_DEMO: 'true', LOGIN_RATE_LIMIT: '1000', DATA_DIR: `${cluster.dir}/app` };
  web = await ServerProcess.start({ role: 'web', port: await freePort(), env });
  worker = await ServerProcess.start({ role: 'worker', env });
}, 300_000);

afterAll(async () => {
  await web?.kill();
  await worker?.kill();
  await proxy?.close();
  cluster?.destroy();
});

async function until(what: string, ok: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`超时：${what}`);
    await sleep(250);
  }
}

describe.runIf(runnable)('[可靠性] PostgreSQL faults under write load', () => {
  it(
    'survives latency, resets, a black hole, an immediate stop and a pause; nothing acknowledged is lost or doubled',
    async () => {
      const c = cluster as PgCluster;
      const p = proxy as FaultProxy;
      const w = web as ServerProcess;
      const session: Session = await signIn(w.base as string, 'reporter', 'Demo@2025');
      const write = await manuscriptWrite(session, `pg-${Date.now()}`);
      const log = new OpsLog();
      let stop = false;
      const writing = log.writers(session, { path: write.path, concurrency: 8, prefix: `pgf-${Date.now()}`, body: write.body, stop: () => stop });

      const bothAlive = (stage: string) => {
        expect(w.alive, `web 进程在「${stage}」后退出：${w.output}`).toBe(true);
        expect(worker?.alive, `worker 进程在「${stage}」后退出：${worker?.output}`).toBe(true);
      };
      const servesAgain = (stage: string) => until(`「${stage}」后恢复写入`, async () => (await session.call('/api/health')).ok, 60_000);

      const cycles = full ? 3 : 1;
      for (let cycle = 0; cycle < cycles; cycle++) {
        await sleep(2_000);
        p.setMode({ kind: 'latency', ms: 300 });
        await sleep(3_000);
        p.setMode({ kind: 'pass' });
        bothAlive('延迟');

        p.resetAll();
        await sleep(2_000);
        bothAlive('连接重置');
        await servesAgain('连接重置');

        p.setMode({ kind: 'blackhole' });
        await sleep(faultSeconds * 1_000);
        p.setMode({ kind: 'pass' });
        p.resetAll(); // what a black hole's connections finally get: torn down by a timeout or a reset
        bothAlive('黑洞');
        await servesAgain('黑洞');

        c.stop('immediate');
        await sleep(3_000);
        const duringOutage = await session.call('/api/manuscripts', { method: 'POST', body: JSON.stringify(write.body(-1 - cycle)) }).catch(() => undefined);
        expect(duringOutage?.status, '数据库停止时新建稿件应得 503').toBe(503);
        expect(duringOutage?.headers.get('retry-after')).toBeTruthy();
        c.start();
        bothAlive('立即停止');
        await servesAgain('立即停止');

        c.pause();
        await sleep(faultSeconds * 1_000);
        c.resume();
        bothAlive('暂停');
        await servesAgain('暂停');
      }
      stop = true;
      await writing;
      await log.settle(session, write.path, 120_000);

      expect(log.violations, log.summary()).toEqual([]);
      expect(log.unknown, log.summary()).toEqual([]);
      expect(log.acked.length).toBeGreaterThan(20);
      expect(await checkManuscripts(session, log.acked)).toEqual([]);

      // Exactly once: one row per key, read straight from the database.
      const client = new pg.Client({ connectionString: c.url });
      await client.connect();
      const titles = log.acked.map((o) => o.body.title as string);
      const { rows } = await client.query<{ title: string; n: string }>('select title, count(*) as n from manuscripts where title = any($1) group by title', [titles]);
      await client.end();
      expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
      expect(rows.length).toBe(titles.length);
    },
    full ? 900_000 : 300_000,
  );
});
