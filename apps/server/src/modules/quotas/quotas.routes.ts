import { QuotaGridOutput, QuotaImportResult, QuotaQuery, SaveQuotasInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, uploadedFile } from '../../core/http/index.ts';
import { getQuotaGrid, importQuotas, saveQuotas } from './verbs/quotas.ts';
import { quotaTemplate } from './xlsx.ts';

const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效') });

export const quotasRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['任务指标'];
  app.get('/api/quotas', { schema: { tags, querystring: QuotaQuery, response: { 200: QuotaGridOutput } } }, (req) => getQuotaGrid({ ctx: req.ctx, year: req.query.year, orgId: req.query.orgId }));
  app.put('/api/quotas', { schema: { tags, body: SaveQuotasInput, response: { 200: QuotaGridOutput } } }, (req) => saveQuotas({ ctx: req.ctx, input: req.body }));
  app.get('/api/quotas/template.xlsx', { schema: { tags, querystring: YearQuery } }, async (req, reply) =>
    sendXlsx(reply, await quotaTemplate(req.ctx, req.query.year), `${req.query.year}年任务分解表`),
  );
  app.post('/api/quotas/import', { schema: { tags, querystring: YearQuery, consumes: ['multipart/form-data'], response: { 200: QuotaImportResult } } }, async (req) => {
    const { bytes } = await uploadedFile(req, req.ctx.config.uploadLimitBytes, '.xlsx 文件');
    return importQuotas({ ctx: req.ctx, year: req.query.year, file: bytes });
  });
};
