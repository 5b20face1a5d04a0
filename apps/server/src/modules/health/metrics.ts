import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Gauge, Histogram, Registry } from 'prom-client';
import type { Services } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { processMetrics } from '../../core/metrics.ts';
import { failingDeliveries } from './metrics.repo.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
// A request that passed a proxy carries one of these; nginx on the same host connects from
// loopback, so the socket address alone would open /metrics to anyone outside.
const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'];

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Loopback without a proxy in between, or the configured bearer token. */
function mayScrape(request: FastifyRequest, token: string | undefined): boolean {
  const auth = request.headers.authorization;
  if (token && auth?.startsWith('Bearer ') && sameSecret(auth.slice('Bearer '.length), token)) return true;
  const direct = PROXY_HEADERS.every((h) => request.headers[h] === undefined);
  return direct && LOOPBACK.has(request.socket.remoteAddress ?? '');
}

/**
 * Gauges read from the database at scrape time. Labels are only code-defined names (job kinds,
 * channels, statuses): nothing a user typed or who they are ever becomes a label.
 */
function databaseGauges(registry: Registry, services: Services): () => Promise<void> {
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const queued = gauge('xuanlian_jobs_queued', '等待执行的后台任务数（含延后和待重试的）', ['kind']);
  const oldest = gauge('xuanlian_jobs_oldest_queued_age_seconds', '最早一个可执行的等待任务已等待的秒数', ['kind']);
  const deliveries = gauge('xuanlian_notification_deliveries_failing', '发送失败的通知投递（failed 待重试，dead 已放弃）', ['channel', 'status']);
  const ok = gauge('xuanlian_metrics_database_ok', '本次采集是否读到了任务队列和投递记录（0 表示数据库无法访问）');
  // Read once per scrape, before the registry is serialised (prom-client runs collect hooks all
  // at once, so gauges filled from one shared query belong here rather than in collect()).
  return async () => {
    queued.reset();
    oldest.reset();
    deliveries.reset();
    try {
      const backlog = await services.jobs.backlog();
      const failing = await failingDeliveries(services.db);
      for (const b of backlog) {
        queued.set({ kind: b.kind }, b.queued);
        oldest.set({ kind: b.kind }, b.oldestAgeSeconds ?? 0);
      }
      for (const d of failing) deliveries.set({ channel: d.channel, status: d.status }, d.n);
      ok.set(1);
    } catch (err) {
      services.log.warn({ err }, 'metrics: database figures unavailable');
      ok.set(0);
    }
  };
}

/**
 * Prometheus metrics at GET /metrics (outside /api: no session, no audit). Request latency is
 * labelled with the route pattern, never the raw URL, so ids in paths neither leak nor multiply series.
 */
export function registerMetrics(app: FastifyInstance, services: Services): void {
  const registry = new Registry();
  const readDatabase = databaseGauges(registry, services);
  const duration = new Histogram({
    name: 'xuanlian_http_request_duration_seconds',
    help: 'HTTP 请求耗时（按路由模式和状态类别）',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const all = Registry.merge([registry, processMetrics]);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status_class: `${Math.floor(reply.statusCode / 100)}xx` }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayScrape(request, services.config.metricsToken)) {
      throw new AppError('FORBIDDEN', '监控指标仅限本机直接访问，或携带 METRICS_TOKEN 访问');
    }
    await readDatabase();
    const body = await all.metrics();
    return reply.header('content-type', all.contentType).header('cache-control', 'no-store').send(body);
  });
}
