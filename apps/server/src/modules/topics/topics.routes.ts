import { CreateTopicInput, DeletedOutput, Topic, TopicIdParams, TopicListOutput, TopicListQuery, UpdateTopicInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTopic, deleteTopic, getTopic, listTopics, updateTopic } from './verbs/manage-topics.ts';

export const topicsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['监测专题'];
  app.get('/api/topics', { schema: { tags, querystring: TopicListQuery, response: { 200: TopicListOutput } } }, (req) => listTopics({ ctx: req.ctx, input: req.query }));
  app.post('/api/topics', { schema: { tags, body: CreateTopicInput, response: { 201: Topic } } }, async (req, reply) => reply.status(201).send(await createTopic({ ctx: req.ctx, input: req.body })));
  app.get('/api/topics/:id', { schema: { tags, params: TopicIdParams, response: { 200: Topic } } }, (req) => getTopic({ ctx: req.ctx, id: req.params.id }));
  app.patch('/api/topics/:id', { schema: { tags, params: TopicIdParams, body: UpdateTopicInput, response: { 200: Topic } } }, (req) =>
    updateTopic({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.delete(
    '/api/topics/:id',
    { schema: { tags, description: '删除误建的专题及其预警规则（已命中舆情或产生预警、事件的不能删除，可停用）', params: TopicIdParams, response: { 200: DeletedOutput } } },
    (req) => deleteTopic({ ctx: req.ctx, id: req.params.id }),
  );
};
