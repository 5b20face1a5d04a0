import { DashboardOutput, DashboardQuery } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDashboard } from './verbs/dashboard.ts';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/dashboard', { schema: { tags: ['看板'], querystring: DashboardQuery, response: { 200: DashboardOutput } } }, (req) => getDashboard({ ctx: req.ctx, query: req.query }));
};
