import {
  CategoryListOutput,
  Category,
  CreateCategoryInput,
  CreateLeaderInput,
  CreateSensitiveWordInput,
  DeletedOutput,
  DictionaryIdParams,
  DictionaryQuery,
  Leader,
  LeaderListOutput,
  SensitiveWord,
  SensitiveWordListOutput,
  UpdateCategoryInput,
  UpdateLeaderInput,
  UpdateSensitiveWordInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createCategory, deleteCategoryEntry, listCategoriesFor, updateCategoryEntry } from './verbs/categories.ts';
import { createLeader, deleteLeaderEntry, listLeadersFor, updateLeaderEntry } from './verbs/leaders.ts';
import { createWord, deleteWordEntry, listWordsFor, updateWordEntry } from './verbs/words.ts';

export const dictionariesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['词库与分类'];
  const byId = { tags, params: DictionaryIdParams };

  app.get('/api/dictionaries/categories', { schema: { tags, querystring: DictionaryQuery, response: { 200: CategoryListOutput } } }, async (req) => ({
    items: await listCategoriesFor({ ctx: req.ctx, orgId: req.query.orgId }),
  }));
  app.post('/api/dictionaries/categories', { schema: { tags, body: CreateCategoryInput, response: { 201: Category } } }, async (req, reply) =>
    reply.status(201).send(await createCategory({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/dictionaries/categories/:id', { schema: { ...byId, body: UpdateCategoryInput, response: { 200: Category } } }, (req) =>
    updateCategoryEntry({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.delete('/api/dictionaries/categories/:id', { schema: { ...byId, response: { 200: DeletedOutput } } }, (req) => deleteCategoryEntry({ ctx: req.ctx, id: req.params.id }));

  app.get('/api/dictionaries/words', { schema: { tags, querystring: DictionaryQuery, response: { 200: SensitiveWordListOutput } } }, async (req) => ({
    items: await listWordsFor({ ctx: req.ctx, orgId: req.query.orgId }),
  }));
  app.post('/api/dictionaries/words', { schema: { tags, body: CreateSensitiveWordInput, response: { 201: SensitiveWord } } }, async (req, reply) =>
    reply.status(201).send(await createWord({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/dictionaries/words/:id', { schema: { ...byId, body: UpdateSensitiveWordInput, response: { 200: SensitiveWord } } }, (req) =>
    updateWordEntry({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.delete('/api/dictionaries/words/:id', { schema: { ...byId, response: { 200: DeletedOutput } } }, (req) => deleteWordEntry({ ctx: req.ctx, id: req.params.id }));

  app.get('/api/dictionaries/leaders', { schema: { tags, querystring: DictionaryQuery, response: { 200: LeaderListOutput } } }, async (req) => ({
    items: await listLeadersFor({ ctx: req.ctx, orgId: req.query.orgId }),
  }));
  app.post('/api/dictionaries/leaders', { schema: { tags, body: CreateLeaderInput, response: { 201: Leader } } }, async (req, reply) =>
    reply.status(201).send(await createLeader({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/dictionaries/leaders/:id', { schema: { ...byId, body: UpdateLeaderInput, response: { 200: Leader } } }, (req) =>
    updateLeaderEntry({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.delete('/api/dictionaries/leaders/:id', { schema: { ...byId, response: { 200: DeletedOutput } } }, (req) => deleteLeaderEntry({ ctx: req.ctx, id: req.params.id }));
};
