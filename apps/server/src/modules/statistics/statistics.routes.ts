import { StatisticsOutput, StatisticsQuery, TrendOutput, TrendQuery } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../core/http/index.ts';
import { exportStatisticsXlsx, getStatistics, getTrend } from './verbs/statistics.ts';

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['统计'];
  app.get('/api/statistics', { schema: { tags, querystring: StatisticsQuery, response: { 200: StatisticsOutput } } }, (req) => getStatistics({ ctx: req.ctx, query: req.query }));
  app.get('/api/statistics/export.xlsx', { schema: { tags, querystring: StatisticsQuery } }, async (req, reply) => {
    const { body, name } = await exportStatisticsXlsx({ ctx: req.ctx, query: req.query });
    return sendXlsx(reply, body, name);
  });
  app.get('/api/statistics/trend', { schema: { tags, querystring: TrendQuery, response: { 200: TrendOutput } } }, (req) => getTrend({ ctx: req.ctx, year: req.query.year, orgId: req.query.orgId }));
};
