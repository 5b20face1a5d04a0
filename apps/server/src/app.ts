import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from './core/context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { applySecurityHeaders, registerSecurityHeaders } from './plugins/security-headers.ts';
import { ENCODING_MESSAGE } from './core/text-guard.ts';
import { activitiesRoutes } from './modules/activities/index.ts';
import { annualSummariesRoutes } from './modules/annual-summaries/index.ts';
import { auditLogsRoutes } from './modules/audit-logs/index.ts';
import { authRoutes } from './modules/auth/index.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { registerMetrics } from './modules/health/metrics.ts';
import { importsRoutes } from './modules/imports/index.ts';
import { orgsRoutes } from './modules/orgs/index.ts';
import { plansRoutes, tasksRoutes } from './modules/plans/index.ts';
import { securityRoutes } from './modules/security/index.ts';
import { targetsRoutes } from './modules/targets/index.ts';
import { usersRoutes } from './modules/users/index.ts';
import { dictionariesRoutes } from './modules/dictionaries/index.ts';
import { commissionsRoutes, manuscriptsRoutes } from './modules/manuscripts/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { reviewsRoutes } from './modules/reviews/index.ts';
import { sourcesRoutes } from './modules/sources/index.ts';
import { topicsRoutes } from './modules/topics/index.ts';
import { mentionsRoutes } from './modules/mentions/index.ts';
import { alertsRoutes } from './modules/alerts/index.ts';
import { opinionPipelineRoutes } from './modules/opinion-pipeline/index.ts';
import { incidentsRoutes } from './modules/incidents/index.ts';
import { briefsRoutes } from './modules/briefs/index.ts';
import { outletsRoutes } from './modules/outlets/index.ts';
import { adoptionsRoutes } from './modules/adoptions/index.ts';
import { endorsementsRoutes } from './modules/endorsements/index.ts';
import { scoringRoutes } from './modules/scoring/index.ts';
import { quotasRoutes } from './modules/quotas/index.ts';
import { statisticsRoutes } from './modules/statistics/index.ts';
import { portalRoutes, releasesRoutes } from './modules/releases/index.ts';
import { journalsRoutes } from './modules/journals/index.ts';
import { bulletinsRoutes } from './modules/bulletins/index.ts';
import { documentNumbersRoutes } from './modules/document-numbers/index.ts';
import { assessmentsRoutes } from './modules/assessments/index.ts';
import { dashboardRoutes } from './modules/dashboard/index.ts';

import { wireModules } from './wiring.ts';

z.config(z.locales.zhCN());
// A field left out says so plainly, rather than zod's "期望 string，实际接收 undefined".
z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '此项必填' : undefined) });

/**
 * A path that is not valid percent-encoded UTF-8 (e.g. %ED%A0%80, a lone surrogate) is refused by
 * the router before any hook: answer it in our shape, in 中文 and with the security headers too.
 */
const frameworkErrors: FastifyServerOptions['frameworkErrors'] = (err, request, reply) => {
  const bad = err.code === 'FST_ERR_BAD_URL';
  const message = bad ? `地址${ENCODING_MESSAGE}` : '请求格式不正确';
  const r = reply as unknown as FastifyReply;
  applySecurityHeaders(request, r);
  return r.status(400).send({ error: { code: 'VALIDATION', message, details: bad ? [{ path: 'url', message: ENCODING_MESSAGE }] : null, requestId: request.id } });
};

/** The whole HTTP app over already-opened services; tests call this with their own database. */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  wireModules();
  const options: FastifyServerOptions = {
    loggerInstance: services.log,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // Behind nginx the client is the X-Forwarded-For hop the trusted proxy adds; without this
    // every client would share the proxy's address (and its login rate limit).
    trustProxy: config.trustProxy ?? false,
    frameworkErrors,
  };
  const app = Fastify(options).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10, parts: 20 },
  });
  await app.register(fastifySwagger, {
    openapi: { info: { title: '宣联 API', description: '宣传工作管理平台接口', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, services);
  registerInputGuard(app);
  registerIdempotency(app, services);
  registerMetrics(app, services);
  await app.register(healthRoutes);
  await app.register(authRoutes, {
    cookieSecure: config.cookieSecure,
    loginLimits: { perAddress: config.loginRateLimit, perUsername: config.loginUserRateLimit },
  });
  await app.register(orgsRoutes);
  await app.register(usersRoutes);
  await app.register(securityRoutes);
  await app.register(auditLogsRoutes);
  await app.register(importsRoutes);
  await app.register(manuscriptsRoutes);
  await app.register(commissionsRoutes);
  await app.register(reviewsRoutes);
  await app.register(dictionariesRoutes);
  await app.register(notificationsRoutes);
  await app.register(activitiesRoutes);
  await app.register(targetsRoutes);
  await app.register(plansRoutes);
  await app.register(tasksRoutes);
  await app.register(annualSummariesRoutes);
  await app.register(sourcesRoutes);
  await app.register(topicsRoutes);
  await app.register(mentionsRoutes);
  await app.register(alertsRoutes);
  await app.register(opinionPipelineRoutes);
  await app.register(incidentsRoutes);
  await app.register(briefsRoutes);
  await app.register(outletsRoutes);
  await app.register(adoptionsRoutes);
  await app.register(endorsementsRoutes);
  await app.register(scoringRoutes);
  await app.register(quotasRoutes);
  await app.register(statisticsRoutes);
  await app.register(releasesRoutes);
  await app.register(portalRoutes);
  await app.register(journalsRoutes);
  await app.register(bulletinsRoutes);
  await app.register(documentNumbersRoutes);
  await app.register(assessmentsRoutes);
  await app.register(dashboardRoutes);

  const hasWeb = Boolean(config.webDist && existsSync(config.webDist));
  if (hasWeb && config.webDist) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  // The web app routes on the client: any unknown non-API GET gets index.html — except a built
  // file that is not there (an open tab of an older build asking for its chunk): that is a 404,
  // so the page shows 系统已更新 instead of failing on HTML served as a script.
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/assets/')) return reply.sendFile('index.html');
    const what = request.url.startsWith('/api') ? '接口不存在' : '文件不存在';
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: what, details: null, requestId: request.id } });
  });
  return app;
}
