import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostile, bombs as buildBombs, OFFICE_ROUTES, type OfficeRoute } from '../../apps/server/src/core/files/__tests__/hostile-corpus.ts';
import { plainDocx, plainXlsx } from '../../apps/server/src/core/files/__tests__/hostile-zip.ts';
import { PDF } from '../../apps/server/src/core/files/__tests__/samples.ts';
import { freePort } from '../../apps/server/test/ports.ts';
import { full } from '../harness/profile.ts';
import { ServerProcess, signIn, type Session } from '../harness/server.ts';

/**
 * Floods against the real server process, as a crowd or an attacker would send them: login
 * bursts (one account from many addresses, many accounts from one address), upload bursts, and
 * the hostile Office corpus plus bombs sent to every upload route at once. Throughout, a probe
 * asks /api/health: the process must keep answering within a second, never die, never answer a
 * 5xx, and every refusal must say why in 中文.
 */
const MB = 1024 * 1024;
const PASSWORD = 'Demo@2025';
const HAN = /[\u4e00-\u9fff]/;

let server: ServerProcess;
let dataDir: string;
const sessions: Partial<Record<OfficeRoute['as'], Session>> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'xl-rel-flood-'));
  const port = await freePort();
  // Default login limits (10 a minute per address and per username); X-Forwarded-For is trusted
  // from loopback, so the test can speak from many addresses as a crowd behind nginx would.
  server = await ServerProcess.start({ port, env: { DATA_DIR: dataDir, SEED_DEMO: 'true', DATABASE_URL: '', TRUST_PROXY: 'loopback' } });
  for (const [role, username] of [
    ['editor', 'editor'],
    ['reporter', 'reporter'],
    ['sysadmin', 'admin'],
  ] as const) {
    sessions[role] = await signIn(server.base as string, username, PASSWORD);
  }
}, 300_000);
afterAll(async () => {
  await server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The probe runs in a thread of its own: the test's own thread is busy encoding dozens of uploads,
 * and its delays must not be blamed on the server.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  let slowest = 0;
  const failures = [];
  while (!stop) {
    const started = performance.now();
    try {
      const res = await fetch(workerData.url, { signal: AbortSignal.timeout(10000) });
      await res.arrayBuffer();
      if (res.status !== 200) failures.push('health ' + res.status);
    } catch (e) {
      failures.push('health: ' + e.message);
    }
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  parentPort.postMessage({ slowest, failures });
})();`;

/** Polls /api/health every 50 ms while `work` runs; reports the slowest answer, failures and peak memory. */
async function underProbe<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number; failures: string[]; peakRssMb: number }> {
  const probe = new Worker(PROBE, { eval: true, workerData: { url: `${server.base}/api/health` } });
  const report = once(probe, 'message') as Promise<[{ slowest: number; failures: string[] }]>;
  let peakRss = rssMb();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 50);
  try {
    const result = await work();
    probe.postMessage('stop');
    const [{ slowest, failures }] = await report;
    return { result, slowestMs: slowest, failures, peakRssMb: peakRss };
  } finally {
    clearInterval(sampler);
    await probe.terminate();
  }
}

/** The server process's resident memory (worker threads included: they share the process). */
function rssMb(): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const login = (username: string, password: string, from: string) =>
  fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.base as string, 'x-forwarded-for': from },
    body: JSON.stringify({ username, password }),
  });

async function upload(session: Session, path: string, file: Buffer, name: string): Promise<{ status: number; body: string; retryAfter: string | null }> {
  const form = new FormData();
  form.append('file', new Blob([file]), name);
  const res = await fetch(`${session.base}${path}`, { method: 'POST', body: form, headers: { cookie: session.cookie, origin: session.base }, signal: AbortSignal.timeout(120_000) });
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
}

const messageOf = (body: string): string => {
  try {
    return String((JSON.parse(body) as { error?: { message?: string } }).error?.message ?? '');
  } catch {
    return '';
  }
};

/** Each flood's slowest health answer and memory, printed at the end for RELIABILITY.md. */
const figures: string[] = [];
afterAll(() => console.log(`[floods] ${figures.join('; ')}`));

describe('[可靠性] floods against the running server', () => {
  it('login burst on one account from 30 addresses: the lockout holds, the right password last stays out', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => ({ password: i === 29 ? PASSWORD : `Wrong@${i}x`, from: `10.1.0.${i + 1}` }));
    const { result, slowestMs, failures } = await underProbe(() => Promise.all(attempts.map((a) => login('reviewer3', a.password, a.from))));
    const statuses = result.map((r) => r.status);
    expect(
      statuses.filter((s) => s >= 500),
      statuses.join(','),
    ).toEqual([]);
    expect(
      statuses.filter((s) => s === 200),
      statuses.join(','),
    ).toEqual([]);
    // The per-username limit turns most of the burst away before any password is checked.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    for (const r of result.filter((x) => x.status === 429)) expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    for (const r of result) expect(messageOf(await r.text())).toMatch(HAN);
    // Afterwards, from a fresh address, the right password is still refused: locked or limited.
    const later = await login('reviewer3', PASSWORD, '10.1.1.1');
    expect([423, 429]).toContain(later.status);
    // Another person logs in normally meanwhile: the flood is held to its account and addresses.
    expect((await login('reviewer1', PASSWORD, '10.1.2.1')).status).toBe(200);
    expect(failures).toEqual([]);
    figures.push(`login burst, one account: health ≤ ${Math.round(slowestMs)} ms`);
    expect(slowestMs, 'slowest /api/health during the burst (ms)').toBeLessThan(1000);
  }, 120_000);

  it('login burst of 60 from one address across accounts: at most the per-address limit is checked', async () => {
    const users = ['leader', 'monitor', 'editor2', 'reviewer2', 'auditor'];
    const { result, slowestMs, failures } = await underProbe(() => Promise.all(Array.from({ length: 60 }, (_, i) => login(users[i % users.length] as string, `Wrong@${i}y`, '10.2.0.1'))));
    const statuses = result.map((r) => r.status);
    expect(
      statuses.filter((s) => s >= 500),
      statuses.join(','),
    ).toEqual([]);
    expect(statuses.filter((s) => s !== 429).length, statuses.join(',')).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
    // No account of the five was locked or limited by someone else's flood.
    expect((await login('leader', PASSWORD, '10.2.1.1')).status).toBe(200);
    figures.push(`login burst, one address: health ≤ ${Math.round(slowestMs)} ms`);
    expect(failures).toEqual([]);
    expect(slowestMs, 'slowest /api/health during the burst (ms)').toBeLessThan(1000);
  }, 120_000);

  it('upload burst: 40 files and 8 Word imports at once are stored whole or refused in 中文, never lost', async () => {
    const editor = sessions.editor as Session;
    const reporter = sessions.reporter as Session;
    const count = full ? 120 : 40;
    // Distinct PDFs of 256 KB to 1 MB: the answer's hash proves the server kept every byte.
    const files = Array.from({ length: count }, (_, i) => Buffer.concat([PDF, randomBytes(256 * 1024 + ((i * 37_000) % (768 * 1024)))]));
    const docx = await plainDocx();
    const oversize = Buffer.concat([PDF, Buffer.alloc(60 * MB)]);
    const { result, slowestMs, failures } = await underProbe(() =>
      Promise.all([
        ...files.map((f, i) => upload(editor, '/api/evidence', f, `证据材料${i}.pdf`)),
        ...Array.from({ length: 8 }, (_, i) => upload(reporter, '/api/manuscripts/import', docx, `稿件${i}.docx`)),
        upload(editor, '/api/evidence', oversize, '超大文件.pdf'),
      ]),
    );
    const evidence = result.slice(0, count);
    const imports = result.slice(count, count + 8);
    const tooBig = result[count + 8] as { status: number; body: string };
    for (const [i, r] of evidence.entries()) {
      expect(r.status, r.body).toBe(201);
      expect((JSON.parse(r.body) as { sha256: string }).sha256).toBe(
        createHash('sha256')
          .update(files[i] as Buffer)
          .digest('hex'),
      );
    }
    for (const r of imports) expect(r.status, r.body).toBe(201);
    expect(tooBig.status, tooBig.body).toBe(413);
    figures.push(`upload burst: health ≤ ${Math.round(slowestMs)} ms`);
    expect(messageOf(tooBig.body)).toMatch(HAN);
    expect(failures).toEqual([]);
    expect(slowestMs, 'slowest /api/health during the burst (ms)').toBeLessThan(1000);
  }, 300_000);

  it('the hostile corpus and three bombs on every Office upload route at once: all refused in 中文, health within a second, memory bounded', async () => {
    const corpus = { docx: await hostile('docx', await plainDocx()), xlsx: await hostile('xlsx', await plainXlsx()) };
    const bombs = await buildBombs();
    const rssBefore = rssMb();
    const sends = [
      ...OFFICE_ROUTES.flatMap((route) => corpus[route.kind].map((item) => ({ route, file: item.file, label: item.name }))),
      ...OFFICE_ROUTES.flatMap((route) => (route.kind === 'docx' ? [bombs.docx] : [bombs.xlsxSheet, bombs.xlsxRows]).map((file) => ({ route, file, label: 'bomb' }))),
    ];
    const { result, slowestMs, failures, peakRssMb } = await underProbe(() => Promise.all(sends.map((s) => upload(sessions[s.route.as] as Session, s.route.url, s.file, `来件.${s.route.kind}`))));
    const wrong = result
      .map((r, i) => ({ r, s: sends[i] as (typeof sends)[number] }))
      .filter(({ r }) => ![400, 413, 415, 429].includes(r.status) || !HAN.test(messageOf(r.body)))
      .map(({ r, s }) => `${s.route.url} ${s.label}: ${r.status} ${r.body.slice(0, 200)}`);
    expect(wrong).toEqual([]);
    expect(server.alive).toBe(true);
    expect(failures).toEqual([]);
    expect(peakRssMb - rssBefore, 'RSS growth (MB)').toBeLessThan(600);
    figures.push(`hostile corpus + bombs: health ≤ ${Math.round(slowestMs)} ms` + `, RSS +${Math.round(peakRssMb - rssBefore)} MB`);
    // The same routes still take an ordinary file afterwards.
    const ok = await upload(sessions.editor as Session, '/api/plans/parse-docx', await plainDocx(), '方案.docx');
    expect(ok.status, ok.body).toBe(200);
    expect(slowestMs, `slowest /api/health with ${sends.length} hostile files in flight (ms)`).toBeLessThan(1000);
  }, 300_000);
});
