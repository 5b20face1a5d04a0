/**
 * N signed-in users with think time against the real server process (web + worker, as `npm start`
 * runs it), to answer "how many people can share the embedded database?".
 * Usage: npm run bench:load -- --users 200 --engine pglite|pg [--seconds 90] [--think 5] [--ramp 60]
 *   --engine pg needs DATABASE_URL; it creates and uses a database `xl_bench_load` beside it.
 * Each user logs in, then loops: think (exponential, mean --think seconds), one request from a
 * mix of what reporters, editors and leaders do all day. Prints p50/p95/p99 per route, requests
 * over 30 s, errors, and the 1-minute load average (2 = both cores of this machine busy).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@xuanlian/db';
import type { Role } from '@xuanlian/contracts';
import { loadConfig } from '../../apps/server/src/config/env.ts';
import { systemCtx } from '../../apps/server/src/core/context.ts';
import { queryRows } from '../../apps/server/src/core/sql.ts';
import { hashPassword } from '../../apps/server/src/core/passwords.ts';
import { createServices } from '../../apps/server/src/core/services.ts';
import { findOrgByCode } from '../../apps/server/src/modules/orgs/index.ts';
import { insertUserInTx, updateUserRow } from '../../apps/server/src/modules/users/index.ts';
import { seedDemoCity } from '../../apps/server/src/seed/demo-city.ts';
import { pickAction, type Action } from './mix.ts';
import { freePort } from '../../apps/server/test/ports.ts';

const argv = process.argv.slice(2);
function arg(name: string, dflt: string): string {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return dflt;
  const a = argv[i] ?? '';
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[i + 1] ?? dflt);
}
const users = Number(arg('users', '50'));
const engine = arg('engine', 'pglite');
const seconds = Number(arg('seconds', '90'));
const thinkMs = Number(arg('think', '5')) * 1000;
/** People arrive (log in) spread over this many seconds; --seconds of measured work follow it. */
const rampMs = Number(arg('ramp', '60')) * 1000;
const PASSWORD = 'Bench@2025load';
if (engine !== 'pglite' && engine !== 'pg') throw new Error('--engine 只能是 pglite 或 pg');
if (engine === 'pg' && !process.env.DATABASE_URL) throw new Error('--engine pg 需要 DATABASE_URL');

/** 80 % reporters, 10 % editors, 10 % leaders: the shape of an office's day. */
const roleOf = (i: number) => (i % 10 === 1 ? 'editor' : i % 10 === 2 ? 'leader' : 'reporter');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── set-up: the demo city plus N accounts, written before the server owns the database ──
const dataDir = mkdtempSync(join(tmpdir(), 'xl-load-'));
let dbUrl: string | undefined;
if (engine === 'pg') {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('drop database if exists xl_bench_load with (force)');
  await admin.query('create database xl_bench_load');
  await admin.end();
  const u = new URL(process.env.DATABASE_URL ?? '');
  u.pathname = '/xl_bench_load';
  dbUrl = u.toString();
}
const env = { DATA_DIR: dataDir, LOG_LEVEL: 'error', LOGIN_RATE_LIMIT: '100000', SEED_DEMO: 'false', ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) };
const config = { ...loadConfig(env, []), webDist: undefined };
{
  const database = await openDatabase({ databaseUrl: dbUrl, pgliteDir: join(dataDir, 'pglite') });
  const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
  await seedDemoCity(services);
  const hash = await hashPassword(PASSWORD);
  const ctx = systemCtx(services);
  await services.db.transaction(async (tx) => {
    const office = await findOrgByCode(tx, 'JC-XCB');
    const city = await findOrgByCode(tx, 'JC');
    const community = await findOrgByCode(tx, 'JC-CG-DM');
    if (!office || !city || !community) throw new Error('demo city missing');
    for (let i = 0; i < users; i++) {
      const role: Role = roleOf(i);
      const org = role === 'reporter' ? community : office;
      const grant = role === 'reporter' ? community : city;
      const u = await insertUserInTx(tx, ctx, { all: true }, { username: `load${i}`, name: `压测${i}`, orgId: org.id, initialPassword: PASSWORD, grants: [{ role, orgId: grant.id }] }, hash);
      await updateUserRow(tx, u.id, { status: 'active', mustChangePassword: false, passwordChangedAt: new Date() });
    }
  });
  await database.close();
}

// ── the server, in its own process ──
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const main = join(import.meta.dirname, '../../apps/server/src/main.ts');
const child = spawn(process.execPath, ['--import', 'tsx', main], {
  env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl ?? '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// However this script ends (an error, a timeout's signal), the server must not outlive it.
process.on('exit', () => child.kill('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));
for (let ok = false; !ok; await sleep(300)) {
  if (child.exitCode !== null) throw new Error('server exited');
  ok = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
}

interface Sample {
  route: string;
  ms: number;
  status: number;
  at: number;
}
const samples: Sample[] = [];
const loads: number[] = [];
const loadTimer = setInterval(() => loads.push(loadavg()[0] ?? 0), 5000);

async function timed(route: string, cookie: string, path: string, init: RequestInit = {}): Promise<Response | undefined> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(120_000), headers: { cookie, 'content-type': 'application/json', ...init.headers } });
    await res.arrayBuffer().catch(() => undefined);
    samples.push({ route, ms: performance.now() - t0, status: res.status, at: t0 - started });
    return res;
  } catch {
    samples.push({ route, ms: performance.now() - t0, status: 0, at: t0 - started });
    return undefined;
  }
}

// Logins are spread over the ramp, as people arrive; each user works from their login on.
const started = performance.now();
const deadline = started + rampMs + seconds * 1000;
let categoryId: string | undefined;
async function user(i: number): Promise<void> {
  await sleep(Math.random() * rampMs);
  const role = i % 10 === 1 ? 'editor' : i % 10 === 2 ? 'leader' : 'reporter';
  const login = await timed('POST /api/auth/login', '', '/api/auth/login', { method: 'POST', body: JSON.stringify({ username: `load${i}`, password: PASSWORD }) });
  const cookie = (login?.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!categoryId) {
    const res = await fetch(`${base}/api/dictionaries/categories`, { headers: { cookie } });
    categoryId = ((await res.json()) as { items?: Array<{ id: string }> }).items?.[0]?.id;
  }
  while (performance.now() < deadline) {
    await sleep(Math.min(-Math.log(1 - Math.random()) * thinkMs, thinkMs * 4));
    if (performance.now() >= deadline) break;
    const a: Action = pickAction(role, i, categoryId);
    await timed(a.route, cookie, a.path, a.init);
  }
}
// One probe a second shows when the server as a whole stalls, apart from what each user waited.
const PROBE = 'GET /api/health (probe, 1/s)';
async function probe(): Promise<void> {
  while (performance.now() < deadline) {
    await timed(PROBE, '', '/api/health');
    await sleep(1000);
  }
}
await Promise.all([probe(), ...Array.from({ length: users }, (_, i) => user(i))]);
clearInterval(loadTimer);

// ── report ──
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
function line(name: string, ss: Sample[]): string {
  const ms = ss.map((s) => s.ms).sort((a, b) => a - b);
  const errors = ss.filter((s) => s.status === 0 || s.status >= 400).length;
  const slow = ss.filter((s) => s.ms > 30_000).length;
  return `| ${name} | ${ss.length} | ${pct(ms, 50).toFixed(0)} | ${pct(ms, 95).toFixed(0)} | ${pct(ms, 99).toFixed(0)} | ${(ms.at(-1) ?? 0).toFixed(0)} | ${slow} | ${errors} |`;
}
const routes = [...new Set(samples.map((s) => s.route))].sort();
const work = samples.filter((s) => s.route !== 'POST /api/auth/login' && s.route !== PROBE);
const steady = work.filter((s) => s.at >= rampMs);
const rows = [
  `engine ${engine === 'pg' ? 'PostgreSQL 15' : 'PGlite (embedded)'}, ${users} users, think time mean ${thinkMs / 1000} s, ${rampMs / 1000} s ramp + ${seconds} s, ${(steady.length / seconds).toFixed(1)} req/s after the ramp`,
  `load average (1 min) during the run: min ${Math.min(...loads).toFixed(1)}, mean ${(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)).toFixed(1)}, max ${Math.max(...loads).toFixed(1)}`,
  '',
  '| route | n | p50 ms | p95 ms | p99 ms | max ms | > 30 s | errors |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  line('**all but login**', work),
  line(`**all but login, after the ${rampMs / 1000} s ramp**`, steady),
  ...routes.map((r) =>
    line(
      `\`${r}\``,
      samples.filter((s) => s.route === r),
    ),
  ),
];
process.stdout.write(`${rows.join('\n')}\n`);
const slowOnes = samples.filter((s) => s.ms > 30_000);
if (slowOnes.length > 0) {
  const span = (xs: number[]) => `${(Math.min(...xs) / 1000).toFixed(0)}–${(Math.max(...xs) / 1000).toFixed(0)} s`;
  process.stdout.write(`requests over 30 s were sent at ${span(slowOnes.map((s) => s.at))} and answered at ${span(slowOnes.map((s) => s.at + s.ms))} into the run\n`);
}
const codes: Record<number, number> = {};
for (const s of samples) if (s.status === 0 || s.status >= 400) codes[s.status] = (codes[s.status] ?? 0) + 1;
if (Object.keys(codes).length > 0) process.stdout.write(`error statuses (0 = no answer): ${JSON.stringify(codes)}\n`);

child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
// Background jobs share the embedded database's one connection: show the longest ones of the run.
{
  const database = await openDatabase({ databaseUrl: dbUrl, pgliteDir: join(dataDir, 'pglite') });
  const jobs = await queryRows<{ name: string; n: number; max_s: number; total_s: number }>(
    database.db,
    sql`select name, count(*)::int as n, max(extract(epoch from completed_on - started_on))::float8 as max_s,
               sum(extract(epoch from completed_on - started_on))::float8 as total_s
        from pgboss.job where started_on is not null and completed_on is not null
        group by name order by max_s desc limit 6`,
  );
  process.stdout.write(`\nlongest background jobs (name: runs, max s, total s): ${jobs.map((j) => `${j.name}: ${j.n}, ${j.max_s.toFixed(1)}, ${j.total_s.toFixed(1)}`).join('; ')}\n`);
  await database.close();
}
if (dbUrl) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query('drop database if exists xl_bench_load with (force)');
  await admin.end();
}
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
