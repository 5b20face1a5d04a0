import { ClusterIdParams, ClusterView, MarkManyInput, MarkMentionInput, MentionDetail, MentionIdParams, MentionListOutput, MentionListQuery } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { markManyRead, markMention } from './verbs/mark-mentions.ts';
import { getCluster, getMention, listMentions } from './verbs/read-mentions.ts';

export const mentionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['舆情信息'];
  app.get('/api/mentions', { schema: { tags, querystring: MentionListQuery, response: { 200: MentionListOutput } } }, (req) => listMentions({ ctx: req.ctx, input: req.query }));
  app.post('/api/mentions/read', { schema: { tags, body: MarkManyInput, response: { 200: z.object({ marked: z.number().int() }) } } }, (req) => markManyRead({ ctx: req.ctx, ids: req.body.ids }));
  app.get('/api/mentions/clusters/:id', { schema: { tags, params: ClusterIdParams, response: { 200: ClusterView } } }, (req) => getCluster({ ctx: req.ctx, id: req.params.id }));
  app.get('/api/mentions/:id', { schema: { tags, params: MentionIdParams, response: { 200: MentionDetail } } }, (req) => getMention({ ctx: req.ctx, id: req.params.id }));
  app.patch('/api/mentions/:id', { schema: { tags, params: MentionIdParams, body: MarkMentionInput, response: { 200: MentionDetail } } }, (req) =>
    markMention({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
};
