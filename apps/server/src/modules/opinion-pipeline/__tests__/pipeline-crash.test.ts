import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@xuanlian/db';
import { testConfig } from '../../../../test/app.ts';
import { createTestDatabase, databaseUrlOf, onPostgres } from '../../../../test/db.ts';
import { startFeedServer, stubResolver, type FixtureServer } from '../../../../test/feed-server.ts';
import { storyReposts, otherNews } from '../../../../test/opinion-data.ts';
import { waitFor } from '../../../../test/wait.ts';
import { systemCtx, type Services } from '../../../core/context.ts';
import { createJobQueue } from '../../../core/jobs/index.ts';
import { createServices } from '../../../core/services.ts';
import { queryRows } from '../../../core/sql.ts';
import { registerWorkers } from '../../../workers.ts';
import { createAlertRule } from '../../alerts/verbs/rules.ts';
import { insertOrg } from '../../orgs/index.ts';
import { createSource } from '../../sources/index.ts';
import { DEFAULT_FETCH_LIMITS } from '../index.ts';
import { updateFetchPolicy } from '../../sources/verbs/manage-sources.ts';
import { createTopic } from '../../topics/index.ts';

const childScript = fileURLToPath(new URL('./crash-pipeline.child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../../../', import.meta.url));
// A dead worker's job is retried after expireInSeconds; heartbeats (minimum 10 s) are off so this takes seconds.
const queueSettings = { expireInSeconds: 2, heartbeatSeconds: null, retryDelaySeconds: 1 };

let server: FixtureServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.setRss([...storyReposts(server.base), ...otherNews(server.base)]);
});
afterAll(async () => server.close());

async function seed(services: Services): Promise<string> {
  const ctx = systemCtx(services);
  const org = await insertOrg(services.db, { parent: null, name: '城关街道', kind: 'street', code: `CRASH${Date.now()}`, sortOrder: 0 });
  await updateFetchPolicy({ ctx, input: { allowCidrs: ['127.0.0.1/32'] } });
  const source = await createSource({ ctx, input: { orgId: org.id, name: '江城论坛', kind: 'feed', url: `${server.base}/rss.xml`, intervalMinutes: 30, enabled: true } });
  const topic = await createTopic({ ctx, input: { orgId: org.id, name: '人大代表+投诉', rule: '人大代表 & 投诉', sourceIds: [], regions: [], enabled: true, recipientIds: [], quietHours: null } });
  await createAlertRule({ ctx, input: { topicId: topic.id, kind: 'negative_spike', threshold: 3, windowMinutes: 60, sourceIds: [], keywords: [], severity: 'general', enabled: true } });
  return source.id;
}

const counts = async (database: Database) =>
  (
    await queryRows<{ mentions: number; topics: number; alerts: number; clusters: number }>(
      database.db,
      sql`select (select count(*)::int from opinion_mentions) as mentions, (select count(*)::int from opinion_mention_topics) as topics,
                 (select count(*)::int from opinion_alerts) as alerts, (select count(distinct cluster_id)::int from opinion_mentions) as clusters`,
    )
  )[0];

async function runScenario(park: 'before-commit' | 'after-commit') {
  let database: Database | undefined;
  let dir: string | undefined;
  let services: Services | undefined;
  try {
    // PGlite is one process at a time: seed, close, let the child open it, reopen after the kill.
    if (onPostgres()) database = await createTestDatabase();
    else {
      dir = mkdtempSync(join(tmpdir(), 'xl-pcrash-'));
      database = await openDatabase({ pgliteDir: dir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    }
    const seeded = await createServices(testConfig(), { database, log: pino({ level: 'silent' }) });
    const sourceId = await seed(seeded);
    if (dir) {
      await database.close();
      database = undefined;
    }
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', childScript, JSON.stringify({ databaseUrl: database ? databaseUrlOf(database) : undefined, pgliteDir: dir, sourceId, park, settings: queueSettings })],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const lines = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if ((JSON.parse(line) as { event: string }).event === 'parked') resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before parking: ${stderr}`)));
    });
    child.kill('SIGKILL');
    await once(child, 'exit');

    database ??= await openDatabase({ pgliteDir: dir ?? 'memory://' });
    const afterKill = await counts(database);
    if (park === 'before-commit') expect(afterKill).toMatchObject({ mentions: 0, alerts: 0 });
    else expect(afterKill).toMatchObject({ mentions: 6, alerts: 1 });

    services = await createServices(testConfig(), { database, log: pino({ level: 'silent' }) });
    services.jobs = createJobQueue(database, { queue: queueSettings, maintenanceIntervalSeconds: 1, log: { error: () => {}, warn: () => {} } });
    await services.jobs.start();
    await registerWorkers(services, { fetch: { resolver: stubResolver, limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 3000 }, maxArticles: 10, politeDelayMs: 0 } });
    const db = database;
    await waitFor(
      async () => {
        const rows = await queryRows<{ state: string }>(db.db, sql`select state::text as state from pgboss.job where name = 'opinion.fetch-source'`);
        return rows.length > 0 && rows.every((r) => r.state === 'completed');
      },
      { timeoutMs: 90_000, what: 'the orphaned fetch job to be retried and completed' },
    );
    // Nothing lost, nothing twice: six items, one cluster of four reposts plus two singletons, one alert.
    expect(await counts(database)).toEqual({ mentions: 6, topics: 4, alerts: 1, clusters: 3 });
    const health = await queryRows<{ etag: string | null; error_streak: number }>(database.db, sql`select etag, error_streak from opinion_sources`);
    expect(health[0]).toMatchObject({ etag: '"v2"', error_streak: 0 });
  } finally {
    await services?.jobs.stop();
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

describe('[舆情] a worker killed mid-pipeline loses and duplicates nothing', () => {
  // Two processes start (tsx, the database, jieba) and a job must expire: generous on a busy 2-core box.
  it('killed inside the storing transaction: nothing was kept, the retry stores everything once', { timeout: 150_000 }, async () => {
    await runScenario('before-commit');
  });

  it('killed after the commit but before the job finished: the retry adds nothing twice', { timeout: 150_000 }, async () => {
    await runScenario('after-commit');
  });
});
