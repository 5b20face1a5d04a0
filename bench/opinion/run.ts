/**
 * Mentions per second through the whole opinion pipeline (normalise → exact de-dup → SimHash
 * clustering → 5,000 topics in one matcher pass → sentiment → store → alert evaluation)
 * against a raw batch insert of the same rows into the same table, with 1M mentions already
 * stored, on PostgreSQL and PGlite in one run. Appends the table to BENCHMARKS.md.
 *
 * Usage: npm run bench:opinion [-- --stored=1000000 --items=5000 --pglite-stored=1000000 --engines=pg,pglite]
 * PostgreSQL: DATABASE_URL (default the shared test server); a throwaway database is used.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { migrateDatabase, opinionAlertRules, opinionTopics, openDatabase, type Database } from '@xuanlian/db';
import { loadConfig } from '../../apps/server/src/config/env.ts';
import { systemCtx } from '../../apps/server/src/core/context.ts';
import { createServices } from '../../apps/server/src/core/services.ts';
import { queryRows } from '../../apps/server/src/core/sql.ts';
import { recentFingerprints, storeMentions, textEngine } from '../../apps/server/src/modules/mentions/index.ts';
import { ingestItems, type IngestSource, type RawItem } from '../../apps/server/src/modules/opinion-pipeline/index.ts';
import { analyseItem, normaliseItem } from '../../apps/server/src/modules/opinion-pipeline/ingest/stages.ts';
import { insertOrg } from '../../apps/server/src/modules/orgs/index.ts';
import { createSource } from '../../apps/server/src/modules/sources/index.ts';
import { loadCompiledTopics } from '../../apps/server/src/modules/topics/index.ts';
import { newsItems, prng, splitVocabulary, topicSpecs, vocabulary, type TopicSpec } from './data.ts';

const arg = (name: string, dflt: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const STORED = Number(arg('stored', '1000000'));
const PGLITE_STORED = Number(arg('pglite-stored', String(STORED)));
const ITEMS = Number(arg('items', '5000'));
const TOPICS = Number(arg('topics', '5000'));
const BATCH = 500;
const ENGINES = arg('engines', 'pg,pglite').split(',');
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:55432/postgres';
const DB_NAME = 'xl_bench_opinion';

const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const secs = (ms: number) => Math.round(ms / 100) / 10;

interface EngineResult {
  engine: string;
  stored: number;
  loadSeconds: number;
  raw: number;
  pipeline: number;
  pipelineParallel: number;
  stages: Record<string, number>;
}

async function openEngine(kind: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pgliteDir: 'memory://' });
    return { database, drop: async () => {} };
  }
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.end();
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB_NAME}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  return {
    database,
    drop: async () => {
      const a = new pg.Client({ connectionString: SERVER_URL });
      await a.connect();
      await a.query(`drop database if exists ${DB_NAME} with (force)`);
      await a.end();
    },
  };
}

/** 1M stored mentions, generated inside the database with the secondary indexes dropped and rebuilt after. */
async function loadBase(database: Database, source: IngestSource, words: string[], count: number): Promise<number> {
  const started = Date.now();
  const db = database.db;
  const defs = await queryRows<{ indexname: string; indexdef: string }>(db, sql`select indexname, indexdef from pg_indexes where tablename = 'opinion_mentions' and indexname not like '%pkey'`);
  for (const d of defs) await db.execute(sql.raw(`drop index ${d.indexname}`));
  // A short word array: PostgreSQL walks a text[] from the start on each subscript.
  await db.execute(sql`create temp table bench_words as select w, id::int as id from unnest(${`{${words.slice(0, 300).join(',')}}`}::text[]) with ordinality as t(w, id)`);
  const tokens = Array.from({ length: 20 }, (_, k) => `a[1 + ((i * ${7919 + k * 104729}) % n)::int]`).join(` || ' ' || `);
  for (let from = 1; from <= count; from += 100_000) {
    const to = Math.min(count, from + 99_999);
    await db.execute(
      sql.raw(`insert into opinion_mentions (source_id, org_id, url, url_hash, content_hash, title, content, occurred_at, fetched_at, simhash, cluster_id, sentiment, sentiment_score, search_text)
        select '${source.id}', '${source.orgId}', 'https://base.example/' || i, md5('u' || i), md5('c' || i),
          a[1 + ((i * 7919) % n)::int] || a[1 + ((i * 104729) % n)::int],
          repeat(a[1 + ((i * 31) % n)::int] || a[1 + ((i * 131) % n)::int] || a[1 + ((i * 1031) % n)::int] || '，', 25),
          now() - (i % 86400) * interval '1 minute', now() - (i % 86400) * interval '1 minute',
          ((random() - 0.5) * 1.8e19)::bigint, gen_random_uuid(),
          (array['positive','neutral','negative'])[1 + i % 3], 0, ${tokens}
        from generate_series(${from}::bigint, ${to}::bigint) i, (select array_agg(w order by id) a, count(*)::int n from bench_words) w`),
    );
    log(`  stored ${to.toLocaleString()} mentions`);
  }
  for (const d of defs) await db.execute(sql.raw(d.indexdef));
  await db.execute(sql`analyze opinion_mentions`);
  await db.execute(sql`checkpoint`);
  return Date.now() - started;
}

async function benchEngine(kind: string, stored: number, words: { general: string[]; topical: string[] }, specs: TopicSpec[]): Promise<EngineResult> {
  log(`${kind}: opening`);
  const { database, drop } = await openEngine(kind);
  const dataDir = mkdtempSync(join(tmpdir(), 'xl-bench-op-'));
  try {
    await migrateDatabase(database);
    const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, []), webDist: undefined };
    const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
    const ctx = systemCtx(services, 'bench');
    const org = await insertOrg(services.db, { parent: null, name: '基准单位', kind: 'party', code: 'BENCH', sortOrder: 0 });
    const mk = async (name: string): Promise<IngestSource> => {
      const s = await createSource({ ctx, input: { orgId: org.id, name, kind: 'feed', url: 'https://bench.example/rss', intervalMinutes: 60, enabled: false } });
      return { id: s.id, orgId: org.id, orgPath: org.path, shared: true, region: null };
    };
    const base = await mk('存量');
    const fresh = await mk('新增');

    for (let i = 0; i < specs.length; i += 1000) {
      await services.db.insert(opinionTopics).values(specs.slice(i, i + 1000).map((s) => ({ orgId: org.id, name: s.name, rule: s.rule })));
    }
    const topicIds = (await queryRows<{ id: string }>(services.db, sql`select id::text as id from opinion_topics order by name limit 700`)).map((r) => r.id);
    await services.db
      .insert(opinionAlertRules)
      .values([
        ...topicIds.slice(0, 500).map((topicId) => ({ topicId, kind: 'negative_spike', threshold: 5, windowMinutes: 60 })),
        ...topicIds.slice(500).map((topicId) => ({ topicId, kind: 'title_keyword', keywords: ['投诉', '质疑'] })),
      ]);
    log(`${kind}: ${TOPICS} topics, loading ${stored.toLocaleString()} stored mentions`);
    const loadMs = await loadBase(database, base, words.general, stored);
    log(`${kind}: base loaded in ${secs(loadMs)} s`);

    const items: RawItem[] = newsItems(words.general, ITEMS, prng(7), 'b', specs);
    // Warm both sides alike: compiled topics, jieba, the sentiment automaton.
    const topics = await loadCompiledTopics(services.db);
    const engine = textEngine();
    const now = new Date();
    const normalised = items.map((i) => normaliseItem(i, now)).filter((i) => i !== null);
    const analysed = normalised.map((i) => ({ ...analyseItem(i, fresh, engine, topics), clusterId: i.id }));

    // Every run starts from the same table: the rows of the previous one deleted and vacuumed away.
    const clear = async () => {
      await services.db.execute(sql`delete from opinion_mentions where source_id = ${fresh.id}`);
      await services.db.execute(sql`delete from opinion_alerts`);
      await services.db.execute(sql`vacuum analyze opinion_mentions`);
      // Pay the WAL debt now, not inside the next timed run (PGlite checkpoints on its only thread).
      await services.db.execute(sql`checkpoint`);
    };
    // The in-memory SimHash window is built once per process, like the compiled topics.
    await recentFingerprints(services.db, services.db, now);

    const rawRun = async () => {
      log(`${kind}: raw batch insert of ${analysed.length} rows`);
      const started = Date.now();
      let rows = 0;
      for (let i = 0; i < analysed.length; i += BATCH) {
        rows += (await services.db.transaction((tx) => storeMentions(tx, fresh, analysed.slice(i, i + BATCH), now))).size;
      }
      const ms = Date.now() - started;
      await clear();
      return { rows, ms };
    };
    const rawFirst = await rawRun();
    const rawRows = rawFirst.rows;
    let t0 = Date.now();

    log(`${kind}: pipeline, one batch at a time`);
    t0 = Date.now();
    let storedByPipeline = 0;
    const timings: Record<string, number> = {};
    for (let i = 0; i < items.length; i += BATCH) storedByPipeline += (await ingestItems(ctx, fresh, items.slice(i, i + BATCH), { timings })).stored;
    const pipeMs = Date.now() - t0;
    // Both sides keep the same rows: a repost copied word for word is an exact duplicate either way.
    if (storedByPipeline !== rawRows) throw new Error(`pipeline stored ${storedByPipeline}, raw insert ${rawRows}`);
    await clear();

    // Two batches in flight, as the worker runs two fetch jobs: CPU of one overlaps SQL of the other.
    log(`${kind}: pipeline, two batches in flight`);
    t0 = Date.now();
    const batches = Array.from({ length: Math.ceil(items.length / BATCH) }, (_, k) => items.slice(k * BATCH, (k + 1) * BATCH));
    let next = 0;
    const lane = async () => {
      while (next < batches.length) await ingestItems(ctx, fresh, batches[next++] as RawItem[]);
    };
    await Promise.all(kind === 'pglite' ? [lane()] : [lane(), lane()]);
    const parMs = Date.now() - t0;
    await clear();
    // Raw once more at the end, so drift in the machine's load during the run hits both sides.
    const rawSecond = await rawRun();
    const rawMs = (rawFirst.ms + rawSecond.ms) / 2;
    log(`${kind}: raw runs ${rawFirst.ms} ms and ${rawSecond.ms} ms; pipeline ${pipeMs} ms, two in flight ${parMs} ms`);
    const n = rawRows;
    await services.jobs.stop().catch(() => {});
    return {
      engine: kind === 'pg' ? 'PostgreSQL 15' : 'PGlite 0.5',
      stored,
      loadSeconds: secs(loadMs),
      raw: Math.round(n / (rawMs / 1000)),
      pipeline: Math.round(n / (pipeMs / 1000)),
      pipelineParallel: Math.round(n / (parMs / 1000)),
      stages: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v / n])),
    };
  } finally {
    await database.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const words = splitVocabulary(vocabulary());
const specs = topicSpecs(words.topical, TOPICS, prng(20250324));
const results: EngineResult[] = [];
for (const engine of ENGINES) {
  const r = await benchEngine(engine, engine === 'pglite' ? PGLITE_STORED : STORED, words, specs);
  // Each engine's figures as soon as they exist: a run stopped during the next engine keeps them.
  log(`${engine}: ${JSON.stringify(r)}`);
  results.push(r);
}

// PGlite has no overlapped part of store: the columns are the union, a missing stage a dash.
const stageNames = [...new Set(results.flatMap((r) => Object.keys(r.stages)))];
const pct = (a: number, b: number) => `${Math.round((a / b) * 100)} %`;
const lines = [
  '## Opinion pipeline',
  '',
  `\`npm run bench:opinion\` (${new Date().toISOString().slice(0, 10)}, ${TOPICS.toLocaleString()} topics with 700 alert rules, ${ITEMS.toLocaleString()} new news-like items of 300–500 characters, a tenth of them reposts, batches of ${BATCH}).`,
  'Raw = the same analysed rows inserted with one multi-row INSERT per batch into the same table and indexes;',
  'pipeline = normalise → exact de-dup → SimHash cluster lookup → all topics in one matcher pass → sentiment → store (mentions + topic hits) → alert evaluation, in one transaction per batch.',
  '',
  '| engine | stored mentions | base load | raw insert (rows/s) | pipeline, 1 batch in flight (mentions/s) | pipeline, 2 in flight | pipeline / raw |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.engine} | ${r.stored.toLocaleString()} | ${r.loadSeconds} s | ${r.raw.toLocaleString()} | ${r.pipeline.toLocaleString()} | ${r.engine.startsWith('PGlite') ? '— (one connection)' : r.pipelineParallel.toLocaleString()} | ${r.engine.startsWith('PGlite') ? `${pct(r.pipeline, r.raw)} (second one-lane run: ${pct(r.pipelineParallel, r.raw)})` : `${pct(r.pipeline, r.raw)} / ${pct(Math.max(r.pipeline, r.pipelineParallel), r.raw)}`} |`,
  ),
  '',
  "Where a pipeline item's time goes (one batch in flight, µs per stored mention; on PostgreSQL the analysis of all but the first chunk of 32 runs, 125 items at a time, while the previous chunk's INSERT is on the server, and is counted under store; the two store: columns split that part of store):",
  '',
  `| engine | ${stageNames.join(' | ')} |`,
  `| --- |${stageNames.map(() => ' ---: |').join('')}`,
  ...results.map((r) => `| ${r.engine} | ${stageNames.map((k) => (r.stages[k] === undefined ? '—' : Math.round(r.stages[k] * 1000).toLocaleString())).join(' | ')} |`),
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
const file = join(import.meta.dirname, '../../BENCHMARKS.md');
const current = readFileSync(file, 'utf8');
const start = current.indexOf('## Opinion pipeline');
const without =
  start < 0
    ? current
    : current.slice(0, start) +
      (current
        .slice(start)
        .match(/\n## (?!Opinion pipeline)[\s\S]*/)?.[0]
        ?.slice(1) ?? '');
writeFileSync(file, `${without.trimEnd()}\n\n${lines.join('\n')}`);
