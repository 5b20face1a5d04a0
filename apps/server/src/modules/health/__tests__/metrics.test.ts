import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationDeliveries } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildUser } from '../../../../test/factories.ts';
import { writeAudit } from '../../../core/audit/audit.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ metricsToken: TOKEN });
  await t.services.jobs.start();
});
afterAll(async () => t.close());

const scrape = (headers: Record<string, string> = {}, remoteAddress?: string) => t.app.inject({ method: 'GET', url: '/metrics', headers, ...(remoteAddress ? { remoteAddress } : {}) });

/** The value of one series in the exposition text, or undefined when it is absent. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of body.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = m[2] ? m[2].split(',') : [];
    if (wanted.every((w) => got.includes(w))) return Number(m[3]);
  }
  return undefined;
}

describe('[系统] Prometheus metrics', () => {
  it('counts requests by route pattern and status class, and shows the queue by job kind', async () => {
    const org = await buildOrg(t);
    const { user, cookie } = await asUser(t, org, 'sysadmin');
    const other = await buildUser(t, { org, roles: [{ role: 'reporter', org }] });
    for (const id of [user.id, other.id, user.id]) {
      expect((await t.app.inject({ method: 'GET', url: `/api/users/${id}`, headers: { cookie } })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/no-such-route/${org.id}`, headers: { cookie } })).statusCode).toBe(404);
    await t.services.jobs.send(null, 'metrics.probe', { n: 1 });
    await t.services.jobs.send(null, 'metrics.probe', { n: 2 });
    await t.services.jobs.send(null, 'metrics.later', { n: 3 }, { startAfterSeconds: 3600 });

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const body = res.body;
    const series = { method: 'GET', route: '/api/users/:id', status_class: '2xx' };
    expect(sample(body, 'xuanlian_http_request_duration_seconds_count', series)).toBe(3);
    expect(sample(body, 'xuanlian_http_request_duration_seconds_sum', series)).toBeGreaterThan(0);
    expect(sample(body, 'xuanlian_http_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(3);
    expect(sample(body, 'xuanlian_http_request_duration_seconds_count', { route: 'unmatched', status_class: '4xx' })).toBe(1);
    expect(sample(body, 'xuanlian_jobs_queued', { kind: 'metrics.probe' })).toBe(2);
    expect(sample(body, 'xuanlian_jobs_oldest_queued_age_seconds', { kind: 'metrics.probe' })).toBeGreaterThanOrEqual(0);
    // A deferred job is queued but not yet late.
    expect(sample(body, 'xuanlian_jobs_queued', { kind: 'metrics.later' })).toBe(1);
    expect(sample(body, 'xuanlian_jobs_oldest_queued_age_seconds', { kind: 'metrics.later' })).toBe(0);
    expect(sample(body, 'xuanlian_metrics_database_ok')).toBe(1);
    expect(sample(body, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // No raw URL, id or person ever appears in a label.
    for (const secret of [org.id, user.id, other.id, user.username, other.username]) expect(body).not.toContain(secret);
  });

  it('shows failed deliveries and audit write failures', async () => {
    const org = await buildOrg(t);
    const row = { deliveryKey: 'k', eventKey: 'e', kind: 'task.due', title: '提醒', channel: 'email', orgId: org.id, target: 'a***@example.cn' };
    await t.database.db.insert(notificationDeliveries).values([
      { ...row, deliveryKey: 'k1', status: 'dead' },
      { ...row, deliveryKey: 'k2', status: 'failed' },
      { ...row, deliveryKey: 'k3', status: 'failed' },
      { ...row, deliveryKey: 'k4', status: 'sent' },
    ]);
    const before = sample((await scrape()).body, 'xuanlian_audit_write_failures_total') ?? Number.NaN;
    // An aborted transaction makes the audit insert fail, as a lost connection would.
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1/0`).catch(() => {});
        await writeAudit(tx, t.system, { action: 'org.create', targetType: 'org' });
      }),
    ).rejects.toThrow();
    const body = (await scrape()).body;
    expect(sample(body, 'xuanlian_audit_write_failures_total')).toBe(before + 1);
    expect(sample(body, 'xuanlian_notification_deliveries_failing', { channel: 'email', status: 'dead' })).toBe(1);
    expect(sample(body, 'xuanlian_notification_deliveries_failing', { channel: 'email', status: 'failed' })).toBe(2);
    expect(sample(body, 'xuanlian_notification_deliveries_failing', { status: 'sent' })).toBeUndefined();
    expect(body).not.toContain('example.cn');
  });

  it('answers only loopback without a proxy, or the bearer token', async () => {
    expect((await scrape({}, '10.1.2.3')).statusCode).toBe(403);
    const proxied = await scrape({ 'x-forwarded-for': '203.0.113.9' });
    expect(proxied.statusCode).toBe(403);
    expect(proxied.json().error.message).toContain('METRICS_TOKEN');
    expect((await scrape({ authorization: 'Bearer wrong-token' }, '10.1.2.3')).statusCode).toBe(403);
    expect((await scrape({ authorization: `Bearer ${TOKEN}` }, '10.1.2.3')).statusCode).toBe(200);
    expect((await scrape({ authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(200);
  });
});
