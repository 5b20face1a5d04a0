import { HealthOutput, ReadyOutput } from '@xuanlian/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkReadiness } from './readiness.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['系统'], response: { 200: HealthOutput, 503: HealthOutput } } }, async (req, reply) => {
    const { database, jobs } = req.ctx;
    let dbOk = true;
    let oldest: number | null = null;
    try {
      await database.db.execute(sql`select 1`);
      oldest = await jobs.oldestPendingAgeSeconds();
    } catch (err) {
      req.log.warn({ err }, 'health check failed');
      dbOk = false;
    }
    const body = {
      status: dbOk ? ('ok' as const) : ('degraded' as const),
      database: dbOk ? ('ok' as const) : ('down' as const),
      engine: database.engine.kind,
      oldestPendingJobSeconds: oldest,
    };
    if (!dbOk) reply.header('retry-after', '5');
    return reply.status(dbOk ? 200 : 503).send(body);
  });

  // Readiness, unlike liveness: a balancer sends no traffic here until every check passes.
  app.get('/api/ready', { schema: { tags: ['系统'], response: { 200: ReadyOutput, 503: ReadyOutput } } }, async (req, reply) => {
    const body = await checkReadiness(req.ctx);
    if (body.status !== 'ready') reply.header('retry-after', '5');
    return reply.status(body.status === 'ready' ? 200 : 503).send(body);
  });
};
