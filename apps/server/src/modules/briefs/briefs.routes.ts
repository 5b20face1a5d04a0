import { Brief, BriefFigures, BriefFiguresQuery, BriefIdParams, BriefListOutput, BriefListQuery, CreateBriefInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendDownload } from '../../core/http/index.ts';
import { briefFigures, getBrief, listBriefs, openBriefDocx, requestBrief } from './verbs/briefs.ts';

export const briefsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['舆情简报'];
  app.get('/api/briefs', { schema: { tags, querystring: BriefListQuery, response: { 200: BriefListOutput } } }, (req) => listBriefs({ ctx: req.ctx, input: req.query }));
  app.post('/api/briefs', { schema: { tags, description: '按需生成日报或周报（后台任务生成 .docx）', body: CreateBriefInput, response: { 202: Brief } } }, async (req, reply) =>
    reply.status(202).send(await requestBrief({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/briefs/figures', { schema: { tags, description: '简报统计数据（供图表页使用）', querystring: BriefFiguresQuery, response: { 200: BriefFigures } } }, (req) =>
    briefFigures({ ctx: req.ctx, input: req.query }),
  );
  app.get('/api/briefs/:id', { schema: { tags, params: BriefIdParams, response: { 200: Brief } } }, (req) => getBrief({ ctx: req.ctx, id: req.params.id }));
  app.get('/api/briefs/:id/docx', { schema: { tags, description: '下载简报 Word 文件', params: BriefIdParams } }, async (req, reply) => {
    const file = await openBriefDocx({ ctx: req.ctx, id: req.params.id });
    return sendDownload(reply, file.stream, file.fileName, file.mime);
  });
};
