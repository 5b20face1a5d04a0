import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { buildOrg, buildUser, loginAs, TEST_PASSWORD } from '../../../test/factories.ts';

/** Security headers on every response, `Origin: null` refused on writes, Secure cookies over HTTPS. */
let t: TestApp;
let proxied: TestApp;
let cookie = '';
let username = '';
const dist = mkdtempSync(join(tmpdir(), 'xl-web-'));

beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index.js"></script>');
  t = await createTestApp({ webDist: dist });
  proxied = await createTestApp({ trustProxy: true });
  const user = await buildUser(t, { org: await buildOrg(t) });
  username = user.username;
  cookie = await loginAs(t, user);
  await buildUser(proxied, { org: await buildOrg(proxied), username: 'proxied' });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
  rmSync(dist, { recursive: true, force: true });
});

function expectHardened(res: { headers: Record<string, unknown> }, what: string) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  // Ours (scripts of our origin only) or a route's stricter one (the portal: no script at all).
  expect(csp, what).toMatch(/default-src '(self|none)'/);
  if (!csp.includes("default-src 'none'")) expect(csp, what).toMatch(/script-src 'self'(;|$)/);
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(String(res.headers['permissions-policy'] ?? ''), what).toContain('camera=()');
}

describe('[Security] response headers', () => {
  it('the web app, the API, the portal, errors and the API docs all carry them', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['/', {}],
      ['/manuscripts', {}],
      ['/api/me', { cookie }],
      ['/api/me', {}],
      ['/api/nope', { cookie }],
      ['/portal', {}],
      ['/portal/rss.xml', {}],
      ['/api/health', {}],
      ['/api/docs', {}],
      ['/api/docs/json', {}],
      ['/api/x/%ED%A0%80', {}],
    ];
    for (const [url, headers] of cases) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBeLessThan(500);
      expectHardened(res, url);
    }
    const write = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong' } });
    expectHardened(write, 'POST /api/auth/login');
  });

  it('a stored file keeps its own sandbox policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/files/${'0'.repeat(64)}`, headers: { cookie } });
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('[Security] cross-site writes', () => {
  it('refuses Origin: null on a write, signed in or not', async () => {
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'null' } });
    expect(signedIn.statusCode).toBe(403);
    expect(signedIn.json().error.message).toBe('拒绝跨站请求');
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'null' }, payload: { username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('still accepts a same-origin write and a write without Origin', async () => {
    const host = 'xl.example.cn';
    const same = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host, origin: `https://${host}` }, payload: { username, password: TEST_PASSWORD } });
    expect(same.statusCode).toBe(200);
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(none.statusCode).toBe(200);
  });
});

describe('[Security] the session cookie', () => {
  const secureOf = (res: { cookies: Array<{ name: string; secure?: boolean }> }) => res.cookies.find((c) => c.name === 'xl_session')?.secure ?? false;

  it('is Secure when a trusted proxy says the request came over HTTPS, and not otherwise', async () => {
    const overHttps = await proxied.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'proxied', password: TEST_PASSWORD } });
    expect(overHttps.statusCode).toBe(200);
    expect(secureOf(overHttps)).toBe(true);
    expect(String(overHttps.headers['strict-transport-security'] ?? '')).toContain('max-age=');
    const overHttp = await proxied.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: TEST_PASSWORD } });
    expect(secureOf(overHttp)).toBe(false);
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted (the default)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(secureOf(res)).toBe(false);
  });
});
