import { CreateSourceInput, DeletedOutput, FetchPolicy, Source, SourceIdParams, SourceListOutput, SourceListQuery, UpdateSourceInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createSource, deleteSource, getFetchPolicy, getSource, listSources, updateFetchPolicy, updateSource } from './verbs/manage-sources.ts';

export const sourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['信源'];
  app.get('/api/sources', { schema: { tags, querystring: SourceListQuery, response: { 200: SourceListOutput } } }, (req) => listSources({ ctx: req.ctx, input: req.query }));
  app.post('/api/sources', { schema: { tags, body: CreateSourceInput, response: { 201: Source } } }, async (req, reply) =>
    reply.status(201).send(await createSource({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/sources/fetch-policy', { schema: { tags, description: '抓取地址白名单（仅安全管理员）', response: { 200: FetchPolicy } } }, (req) => getFetchPolicy({ ctx: req.ctx }));
  app.put('/api/sources/fetch-policy', { schema: { tags, body: FetchPolicy, response: { 200: FetchPolicy } } }, (req) => updateFetchPolicy({ ctx: req.ctx, input: req.body }));
  app.get('/api/sources/:id', { schema: { tags, params: SourceIdParams, response: { 200: Source } } }, (req) => getSource({ ctx: req.ctx, id: req.params.id }));
  app.patch('/api/sources/:id', { schema: { tags, params: SourceIdParams, body: UpdateSourceInput, response: { 200: Source } } }, (req) =>
    updateSource({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/sources/:id',
    { schema: { tags, description: '删除误建的信源（已收录舆情或被专题、预警规则引用的不能删除，可停用）', params: SourceIdParams, response: { 200: DeletedOutput } } },
    (req) => deleteSource({ ctx: req.ctx, id: req.params.id }),
  );
};
