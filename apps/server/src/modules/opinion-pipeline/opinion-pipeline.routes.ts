import { FetchQueuedOutput, IngestOutcome, ManualEntryInput, SourceIdParams, TryTopicInput, TryTopicOutput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { addManualEntry, importEntries, requestFetch } from './verbs/entries.ts';
import { tryTopic } from './verbs/try-topic.ts';

/** The pipeline's routes stay under the resource they act on (a source, a topic rule), as before the module existed. */
export const opinionPipelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['信源'];
  app.post('/api/sources/:id/fetch', { schema: { tags, description: '立即抓取', params: SourceIdParams, response: { 202: FetchQueuedOutput } } }, async (req, reply) =>
    reply.status(202).send(await requestFetch({ ctx: req.ctx, id: req.params.id })),
  );
  app.post(
    '/api/sources/:id/entries',
    { schema: { tags, description: '人工录入一条舆情信息', params: SourceIdParams, body: ManualEntryInput, response: { 201: IngestOutcome } } },
    async (req, reply) => reply.status(201).send(await addManualEntry({ ctx: req.ctx, sourceId: req.params.id, input: req.body })),
  );
  app.post(
    '/api/sources/:id/import',
    { schema: { tags, description: 'CSV 导入（表头：标题、链接、正文、作者、发布时间）', params: SourceIdParams, consumes: ['multipart/form-data'], response: { 200: IngestOutcome } } },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件形式上传 .csv');
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION', '请选择要导入的 .csv 文件');
      return importEntries({ ctx: req.ctx, sourceId: req.params.id, file: await part.toBuffer() });
    },
  );
  app.post('/api/topics/try', { schema: { tags: ['监测专题'], description: '保存前试运行规则：用最近的舆情信息检验命中情况', body: TryTopicInput, response: { 200: TryTopicOutput } } }, (req) =>
    tryTopic({ ctx: req.ctx, input: req.body }),
  );
};
