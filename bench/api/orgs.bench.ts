/**
 * GET /api/orgs through the whole stack (session lookup, actor, scope filter, SQL, zod
 * serialisation) against a bare Fastify route returning the same JSON, side by side in one run.
 * Usage: npm run bench:api [-- --seconds=10 --connections=10]   (DATABASE_URL → PostgreSQL)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { openDatabase } from '@xuanlian/db';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config/env.ts';
import { createServices } from '../../apps/server/src/core/services.ts';
import { DEMO_PASSWORD, seedDemoCity } from '../../apps/server/src/seed/demo-city.ts';

const run = promisify(execFile);
const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const seconds = arg('seconds', 10);
const connections = arg('connections', 10);

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
}

async function cannon(url: string, cookie?: string): Promise<Result> {
  const bin = join(import.meta.dirname, '../../node_modules/.bin/autocannon');
  const args = ['-j', '-c', String(connections), '-d', String(seconds), ...(cookie ? ['-H', `cookie=${cookie}`] : []), url];
  const { stdout } = await run(bin, args, { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as Result;
}

const dataDir = mkdtempSync(join(tmpdir(), 'xl-bench-'));
// On PostgreSQL, a throwaway database beside the one named, so the bench never touches real data.
const serverUrl = process.env.DATABASE_URL;
let benchUrl: string | undefined;
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists xl_bench_api');
  await admin.query('create database xl_bench_api');
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = '/xl_bench_api';
  benchUrl = u.toString();
}
const config = { ...loadConfig({ DATA_DIR: dataDir, DATABASE_URL: benchUrl, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', LOGIN_USER_RATE_LIMIT: '1000' }, []), webDist: undefined };
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(dataDir, 'pglite') });
const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
await seedDemoCity(services);
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const body = await (await fetch(`http://127.0.0.1:${port}/api/orgs`, { headers: { cookie } })).text();

const bare = Fastify();
bare.get('/api/orgs', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
await bare.listen({ port: 0, host: '127.0.0.1' });
const barePort = (bare.server.address() as { port: number }).port;

// Warm both, then alternate three rounds so a burst of other load hits both sides alike;
// the reported pair is the round with the median ratio.
await cannon(`http://127.0.0.1:${barePort}/api/orgs`);
await cannon(`http://127.0.0.1:${port}/api/orgs`, cookie);
const rounds: Array<{ b: Result; o: Result; ratio: number }> = [];
for (let i = 0; i < 3; i++) {
  const b = await cannon(`http://127.0.0.1:${barePort}/api/orgs`);
  const o = await cannon(`http://127.0.0.1:${port}/api/orgs`, cookie);
  rounds.push({ b, o, ratio: o.requests.average / b.requests.average });
}
rounds.sort((x, y) => x.ratio - y.ratio);
const median = rounds[1];
if (!median) throw new Error('no rounds');
const { b, o, ratio } = median;
const engine = database.engine.kind === 'pg' ? 'PostgreSQL 15' : 'PGlite (embedded)';
const rows = [
  `| route | req/s | p50 ms | p99 ms | non-2xx |`,
  `| --- | ---: | ---: | ---: | ---: |`,
  `| bare Fastify, same JSON (${body.length} bytes) | ${b.requests.average.toFixed(0)} | ${b.latency.p50} | ${b.latency.p99} | ${b.non2xx} |`,
  `| \`GET /api/orgs\` as admin, ${engine} | ${o.requests.average.toFixed(0)} | ${o.latency.p50} | ${o.latency.p99} | ${o.non2xx} |`,
  ``,
  `**ratio: ${(ratio * 100).toFixed(1)} %** of the bare route (goal ≥ 40 %; rounds: ${rounds.map((r) => `${(r.ratio * 100).toFixed(1)} %`).join(', ')}), autocannon -c ${connections} -d ${seconds}, client and server on the same 2 cores.`,
];
process.stdout.write(`${rows.join('\n')}\n`);
await bare.close();
await app.close();
await services.jobs.stop();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
// The bench database is dropped at the next run's start: pg-boss's pool may still be closing now.
process.exit(0);
