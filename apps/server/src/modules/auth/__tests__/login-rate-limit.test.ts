import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { awayFromMinuteEdge } from '../../../../test/rate-limit.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config/env.ts';

/** The limits a deployment gets when it sets nothing. */
function defaultLimits() {
  const dir = mkdtempSync(join(tmpdir(), 'xl-env-'));
  try {
    const c = loadConfig({ DATA_DIR: dir, AUDIT_HMAC_KEY: 'k'.repeat(32) }, []);
    return { loginRateLimit: c.loginRateLimit, loginUserRateLimit: c.loginUserRateLimit };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(defaultLimits());
});
afterAll(async () => t.close());

let n = 0;
const nobody = () => `nobody${process.pid}x${++n}`;
type Injector = Pick<TestApp['app'], 'inject'>;
const attempt = (app: Injector, username: string, opts: { remoteAddress?: string; forwardedFor?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'Wrong@2025x' },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    ...(opts.forwardedFor ? { headers: { 'x-forwarded-for': opts.forwardedFor } } : {}),
  });

function expectLimited(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('RATE_LIMITED');
  expect(res.json().error.message).toMatch(/^登录尝试过于频繁，请 \d+ 秒后再试$/);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

const codes = (answers: LightMyRequestResponse[]) => answers.map((a) => a.statusCode);
const count = (answers: LightMyRequestResponse[], status: number) => answers.filter((a) => a.statusCode === status).length;

describe('[登录] rate limits, counted in the database', () => {
  it('a burst of 20 from one address gets 429 past the default of 10 a minute', async () => {
    await awayFromMinuteEdge();
    const ip = '203.0.113.10';
    const answers = await Promise.all(Array.from({ length: 20 }, () => attempt(t.app, nobody(), { remoteAddress: ip })));
    expect(count(answers, 401)).toBe(10);
    expect(count(answers, 429)).toBe(10);
    for (const a of answers.filter((x) => x.statusCode === 429)) expectLimited(a);
    // Another address still gets its own budget.
    expect((await attempt(t.app, nobody(), { remoteAddress: '203.0.113.11' })).statusCode).toBe(401);
  });

  it('one username is limited however many addresses the attempts come from', async () => {
    await awayFromMinuteEdge();
    const target = nobody();
    const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => attempt(t.app, target, { remoteAddress: `198.51.100.${i + 1}` })));
    expect(count(answers, 401)).toBe(10);
    expect(count(answers, 429)).toBe(4);
    for (const a of answers.filter((x) => x.statusCode === 429)) expectLimited(a);
  });

  it("attempts turned away by the address limit do not use up the accounts' own allowance", async () => {
    await awayFromMinuteEdge();
    // One address floods five accounts, twelve times each: only ten attempts get past the address
    // limit, so no account reaches its own limit of ten and each owner still logs in from elsewhere.
    const victims = Array.from({ length: 5 }, () => nobody());
    const flood = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(t.app, victims[i % 5] as string, { remoteAddress: '203.0.113.40' })));
    expect(count(flood, 429)).toBe(50);
    for (const [i, victim] of victims.entries()) {
      expect((await attempt(t.app, victim, { remoteAddress: `203.0.113.${41 + i}` })).statusCode).toBe(401);
    }
  });

  it('two app instances on one database share the count', async () => {
    const second = await buildApp(t.services);
    await second.ready();
    try {
      await awayFromMinuteEdge();
      const ip = '203.0.113.20';
      const answers: LightMyRequestResponse[] = [];
      // Alternating instances, as a round-robin proxy would: 8 each, 16 in all, against a limit of 10.
      for (let i = 0; i < 16; i++) answers.push(await attempt(i % 2 === 0 ? t.app : second, nobody(), { remoteAddress: ip }));
      expect(codes(answers).slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes(answers).slice(10)).toEqual(Array(6).fill(429));
    } finally {
      await second.close();
    }
  });

  it('a spoofed X-Forwarded-For does not escape the limit unless the proxy is trusted', async () => {
    await awayFromMinuteEdge();
    const direct = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(t.app, nobody(), { remoteAddress: '203.0.113.30', forwardedFor: `192.0.2.${i + 1}` })));
    expect(count(direct, 429)).toBe(2);

    const behindNginx = await createTestApp({ ...defaultLimits(), trustProxy: '127.0.0.1' });
    try {
      await awayFromMinuteEdge();
      const one = await Promise.all(Array.from({ length: 11 }, () => attempt(behindNginx.app, nobody(), { forwardedFor: '192.0.2.50' })));
      expect(count(one, 429)).toBe(1);
      // A different client behind the same proxy is counted on its own.
      expect((await attempt(behindNginx.app, nobody(), { forwardedFor: '192.0.2.51' })).statusCode).toBe(401);
    } finally {
      await behindNginx.close();
    }
  });
});
