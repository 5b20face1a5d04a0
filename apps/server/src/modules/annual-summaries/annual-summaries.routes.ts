import { AnnualSummaryOutput, AnnualSummaryQuery } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendDocx } from '../../core/http/index.ts';
import { summaryFigures } from './figures.ts';
import { buildAnnualSummary } from './summary-docx.ts';

export const annualSummariesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['年度工作总结'];
  app.get('/api/annual-summaries', { schema: { tags, querystring: AnnualSummaryQuery, response: { 200: AnnualSummaryOutput } } }, (req) =>
    summaryFigures({ ctx: req.ctx, orgId: req.query.orgId, year: req.query.year }),
  );
  app.get('/api/annual-summaries/docx', { schema: { tags, querystring: AnnualSummaryQuery } }, async (req, reply) => {
    const doc = await buildAnnualSummary({ ctx: req.ctx, orgId: req.query.orgId, year: req.query.year });
    return sendDocx(reply, doc.body, doc.name);
  });
};
