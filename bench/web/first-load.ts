/**
 * First-load JavaScript of the web app on a phone: the login page, and the reporter's 手机报送 page
 * opened directly with a signed-in session. It starts the real server (`main.ts`, as `npm start`
 * does) over a fresh data folder with the demo city, opens each page in Chromium with an empty
 * cache at 390×844, and sums every JS file the page loaded: raw bytes and gzip bytes (zlib level 6,
 * what a reverse proxy typically serves; gzipped here so the figure does not depend on the server).
 *
 *   npm run bench:web                  builds apps/web first
 *   npm run bench:web -- --no-build    measures the dist/ already built
 *   npm run bench:web -- --files       also lists each file
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../apps/server/test/ports.ts';
import { DEMO_PASSWORD } from '../../apps/server/src/seed/demo-city.ts';

const argv = process.argv.slice(2);
const build = !argv.includes('--no-build');
const listFiles = argv.includes('--files');
const root = join(import.meta.dirname, '../..');
const dist = join(root, 'apps/web/dist');

/** The goal of issue 13: the phone submit page, shell included. */
const SUBMIT_GOAL_GZIP = 300_000;

interface LoadedFile {
  path: string;
  raw: number;
  gzip: number;
}

interface PageLoad {
  name: string;
  files: LoadedFile[];
  raw: number;
  gzip: number;
}

if (build) execFileSync('npm', ['run', 'build', '-w', '@xuanlian/web'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync(join(dist, 'index.html'))) throw new Error('apps/web/dist 不存在：先运行 npm run build，或去掉 --no-build');

const dataDir = mkdtempSync(join(tmpdir(), 'xl-bench-web-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'error', SEED_DEMO: 'true' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

let browser: Browser | undefined;
try {
  await waitForHealth();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const loads = [
    await measure(browser, '登录页 /login', async (page) => {
      await page.goto('/login');
      await page.getByTestId('login-username').waitFor();
    }),
    await measure(browser, '手机报送 /quick-submit（信息员 reporter，已登录）', async (page, context) => {
      const login = await context.request.post('/api/auth/login', { data: { username: 'reporter', password: DEMO_PASSWORD } });
      if (!login.ok()) throw new Error(`登录失败：${login.status()} ${await login.text()}`);
      await page.goto('/quick-submit');
      await page.locator('input[type="file"]').waitFor({ state: 'attached' });
    }),
  ];
  report(loads);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`服务器提前退出（代码 ${server.exitCode}）`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error('服务器 180 秒内未启动');
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** One page in a fresh context (empty cache): every JS response until the page is ready and the network idle. */
async function measure(b: Browser, name: string, open: (page: Page, context: BrowserContext) => Promise<void>): Promise<PageLoad> {
  const context = await b.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const pending: Promise<LoadedFile | null>[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.origin !== base || !url.pathname.endsWith('.js')) return;
    pending.push(
      res.body().then(
        (body) => ({ path: url.pathname, raw: body.length, gzip: gzipSync(body, { level: 6 }).length }),
        () => null,
      ),
    );
  });
  await open(page, context);
  await page.waitForLoadState('networkidle');
  const seen = new Map<string, LoadedFile>();
  for (const f of await Promise.all(pending)) if (f) seen.set(f.path, f);
  await context.close();
  const files = [...seen.values()].sort((x, y) => y.gzip - x.gzip);
  return { name, files, raw: sum(files.map((f) => f.raw)), gzip: sum(files.map((f) => f.gzip)) };
}

function report(loads: PageLoad[]): void {
  // kB = 1000 bytes, as Vite reports chunk sizes.
  const kb = (n: number) => (n / 1000).toFixed(1);
  const lines = [
    `Web first-load JS (Chromium, 390×844, empty cache; gzip = zlib level 6), ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
    '',
    '| page | JS files | raw kB | gzip kB |',
    '| --- | ---: | ---: | ---: |',
    ...loads.map((l) => `| ${l.name} | ${l.files.length} | ${kb(l.raw)} | ${kb(l.gzip)} |`),
  ];
  if (listFiles) {
    for (const l of loads) {
      lines.push('', `${l.name}:`);
      for (const f of l.files) lines.push(`  ${f.path.padEnd(48)} ${kb(f.raw).padStart(8)} kB ${kb(f.gzip).padStart(8)} kB gzip`);
    }
  }
  const submit = loads[1];
  if (submit) {
    const met = submit.gzip <= SUBMIT_GOAL_GZIP;
    lines.push('', `手机报送页 ${kb(submit.gzip)} kB gzip — 目标 ≤ ${kb(SUBMIT_GOAL_GZIP)} kB：${met ? '达成' : '未达成'}`);
    if (!met) process.exitCode = 1;
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function sum(ns: number[]): number {
  return ns.reduce((a, n) => a + n, 0);
}
