/**
 * 待我审核 and the Chinese full-text search of 全部稿件, through the product (HTTP route via
 * inject: session → actor → permission and scope → repo SQL → presenter → zod serialisation)
 * against the hand-written SQL that returns the same page and total on the same driver, side by
 * side in one run, with 1M generated manuscripts on PostgreSQL (and fewer on PGlite).
 *
 * Usage: npm run bench:manuscripts [-- --count=1000000 --pglite-count=200000 --engines=pg,pglite --iterations=30 --texts=20000 --keep]
 * PostgreSQL: DATABASE_URL (default 127.0.0.1:55451); a throwaway database xl_bench_manuscripts is used.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { migrateDatabase, openDatabase, type Database } from '@xuanlian/db';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config/env.ts';
import { hashPassword } from '../../apps/server/src/core/passwords.ts';
import { createServices } from '../../apps/server/src/core/services.ts';
import { searchQueryOf } from '../../apps/server/src/modules/manuscripts/search.ts';
import { buildTexts, buildWorld, prng, seedSentences } from './data.ts';
import { loadManuscripts, loadWorld } from './load.ts';
import { PENDING_COUNT_SQL, PENDING_PAGE_SQL, SEARCH_COUNT_SQL, SEARCH_PAGE_SQL } from './raw.ts';

const arg = (name: string, dflt: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const COUNT = Number(arg('count', '1000000'));
const PGLITE_COUNT = Number(arg('pglite-count', '200000'));
const ENGINES = arg('engines', 'pg,pglite').split(',');
const ITER = Number(arg('iterations', '30'));
/** Leave the PostgreSQL database in place afterwards, to look at plans. */
const KEEP = process.argv.includes('--keep');
const TEXTS = Number(arg('texts', '20000'));
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:55451/postgres';
const DB_NAME = 'xl_bench_manuscripts';
const PASSWORD = 'Bench@2026pw';
const QUERIES = ['网络舆情', '新时代文明实践', '宣传'];

const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

type Raw = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function openEngine(kind: string): Promise<{ database: Database; raw: Raw; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pgliteDir: 'memory://' });
    if (database.engine.kind !== 'pglite') throw new Error('expected PGlite');
    const lite = database.engine.pglite;
    return { database, raw: async (text, params) => (await lite.query<Record<string, unknown>>(text, params)).rows, drop: async () => {} };
  }
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`);
  await admin.query(`create database ${DB_NAME}`);
  await admin.query(`alter database ${DB_NAME} set maintenance_work_mem = '512MB'`);
  await admin.end();
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB_NAME}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  if (database.engine.kind !== 'pg') throw new Error('expected PostgreSQL');
  const pool = database.engine.pool;
  return {
    database,
    raw: async (text, params) => (await pool.query(text, params)).rows as Array<Record<string, unknown>>,
    drop: async () => {
      const a = new pg.Client({ connectionString: SERVER_URL });
      await a.connect();
      await a.query(`drop database if exists ${DB_NAME} with (force)`);
      await a.end();
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

interface Row {
  what: string;
  product: number;
  raw: number;
  rows: number;
  total: number;
}

/** Alternates product and raw, so drift in the machine's load hits both; medians of `ITER` each. */
async function compare(what: string, product: () => Promise<{ ids: string[]; total: number }>, raw: () => Promise<{ ids: string[]; total: number }>): Promise<Row> {
  const p0 = await product();
  const r0 = await raw();
  if (p0.ids.join() !== r0.ids.join() || p0.total !== r0.total) throw new Error(`${what}: product and raw SQL disagree (${p0.total} vs ${r0.total})`);
  for (let i = 0; i < 2; i++) {
    await product();
    await raw();
  }
  const pt: number[] = [];
  const rt: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - t) / 1e6);
  };
  for (let i = 0; i < ITER; i++) {
    if (i % 2 === 0) {
      await time(product, pt);
      await time(raw, rt);
    } else {
      await time(raw, rt);
      await time(product, pt);
    }
  }
  const row = { what, product: median(pt), raw: median(rt), rows: p0.ids.length, total: p0.total };
  log(`  ${what}: product ${row.product.toFixed(2)} ms, raw ${row.raw.toFixed(2)} ms, ${(row.product / row.raw).toFixed(2)}×, ${row.rows} rows of ${row.total}`);
  return row;
}

async function benchEngine(kind: string, count: number): Promise<{ engine: string; count: number; loadSeconds: number; rows: Row[]; reviewer: string }> {
  log(`${kind}: opening`);
  const { database, raw, drop } = await openEngine(kind);
  const dataDir = mkdtempSync(join(tmpdir(), 'xl-bench-ms-'));
  try {
    await migrateDatabase(database);
    const config = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', LOGIN_USER_RATE_LIMIT: '1000' }, []), webDist: undefined };
    const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
    const app = await buildApp(services);
    const rand = prng(4);
    const world = buildWorld({ districts: 30, streets: 15, leaves: 6, reportersPerUnit: 2 }, rand);
    log(`${kind}: ${world.orgs.length} units, ${world.users.length} people; segmenting ${TEXTS} texts`);
    const texts = buildTexts(TEXTS, seedSentences(), rand);
    const started = Date.now();
    await loadWorld(database.db, world, await hashPassword(PASSWORD));
    await loadManuscripts(database, world, texts, count, log);
    const loadSeconds = Math.round((Date.now() - started) / 1000);
    log(`${kind}: loaded in ${loadSeconds} s`);

    // The reviewer with the longest 待我审核 list, and the city editor for 全部稿件.
    const busiest = (
      await raw(`select a.user_id::text as id, count(*)::int as n from review_assignees a join review_steps s on s.id = a.step_id where s.status = 'pending' group by 1 order by 2 desc limit 1`, [])
    )[0];
    if (!busiest) throw new Error('no pending steps');
    const reviewer = world.users.find((u) => u.id === busiest.id);
    if (!reviewer) throw new Error('reviewer not found');
    const history = (await raw(`select count(*)::int as n from review_assignees where user_id = $1`, [reviewer.id]))[0]?.n;
    const signIn = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const c = res.cookies[0];
      if (!c) throw new Error('no session cookie');
      return `${c.name}=${c.value}`;
    };
    const reviewerCookie = await signIn(reviewer.username);
    const editorCookie = await signIn(world.editor.username);
    const get = async (url: string, cookie: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<{ items: Array<{ id?: string; stepId?: string }>; total: number; count?: number }>();
    };

    const rows: Row[] = [];
    rows.push(
      await compare(
        '待我审核 `GET /api/reviews/pending` (first page of 20 + total)',
        async () => {
          const r = await get('/api/reviews/pending?page=1&pageSize=20', reviewerCookie);
          return { ids: r.items.map((i) => i.stepId ?? ''), total: r.total };
        },
        async () => {
          const [page, total] = await Promise.all([raw(PENDING_PAGE_SQL, [reviewer.id, 20, 0]), raw(PENDING_COUNT_SQL, [reviewer.id])]);
          return { ids: page.map((r) => String(r.step_id)), total: Number(total[0]?.n) };
        },
      ),
    );
    rows.push(
      await compare(
        '待我审核 badge `GET /api/reviews/pending/count`',
        async () => {
          const r = await get('/api/reviews/pending/count', reviewerCookie);
          return { ids: [], total: r.count ?? -1 };
        },
        async () => ({ ids: [], total: Number((await raw(PENDING_COUNT_SQL, [reviewer.id]))[0]?.n) }),
      ),
    );
    const rootPath = world.orgs[0]?.path ?? '/';
    for (const q of QUERIES) {
      rows.push(
        await compare(
          `全部稿件 search “${q}” \`GET /api/manuscripts?view=all&q=…\` (20 + total)`,
          async () => {
            const r = await get(`/api/manuscripts?view=all&page=1&pageSize=20&q=${encodeURIComponent(q)}`, editorCookie);
            return { ids: r.items.map((i) => i.id ?? ''), total: r.total };
          },
          async () => {
            const words = searchQueryOf(q);
            const [page, total] = await Promise.all([raw(SEARCH_PAGE_SQL, [`${rootPath}%`, words, 20, 0]), raw(SEARCH_COUNT_SQL, [`${rootPath}%`, words])]);
            return { ids: page.map((r) => String(r.id)), total: Number(total[0]?.n) };
          },
        ),
      );
    }
    await app.close();
    await services.jobs.stop().catch(() => {});
    return { engine: kind === 'pg' ? 'PostgreSQL 15' : 'PGlite 0.5', count, loadSeconds, rows, reviewer: `${reviewer.title}（${history} steps assigned over two years）` };
  } finally {
    await database.close();
    if (!KEEP) await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Each engine's table as soon as it is measured, so a long run shows its first half early.
for (const kind of ENGINES) {
  const r = await benchEngine(kind, kind === 'pglite' ? PGLITE_COUNT : COUNT);
  const out: string[] = [];
  out.push(`${r.engine}, ${r.count.toLocaleString()} manuscripts (loaded in ${r.loadSeconds} s); reviewer: ${r.reviewer}:`, '');
  out.push('| request | product ms | raw SQL ms | ratio | rows | total |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const x of r.rows) out.push(`| ${x.what} | ${x.product.toFixed(2)} | ${x.raw.toFixed(2)} | **${(x.product / x.raw).toFixed(2)}×** | ${x.rows} | ${x.total.toLocaleString()} |`);
  out.push('');
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exit(0);
