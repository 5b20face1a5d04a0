import {
  AnswerAppealInput,
  Bulletin,
  BulletinAppeal,
  BulletinAppealParams,
  BulletinIdParams,
  BulletinListOutput,
  BulletinListQuery,
  BulletinVersionInput,
  CreateAppealInput,
  CreateBulletinInput,
  OpenBulletinListOutput,
  RegenerateBulletinInput,
  UpdateBulletinInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendDocx, sendXlsx } from '../../core/http/index.ts';
import { answerAppeal, createAppeal } from './verbs/appeals.ts';
import { closeAppealWindow } from './verbs/close-appeal-window.ts';
import { draftBulletin } from './verbs/draft-bulletin.ts';
import { bulletinDocx, bulletinXlsx } from './verbs/export-bulletin.ts';
import { finalizeBulletin } from './verbs/finalize-bulletin.ts';
import { getBulletin } from './verbs/get-bulletin.ts';
import { listBulletinsFor } from './verbs/list-bulletins.ts';
import { listOpenBulletins } from './verbs/list-open-bulletins.ts';
import { publishBulletin } from './verbs/publish-bulletin.ts';
import { regenerateBulletin } from './verbs/regenerate-bulletin.ts';
import { updateBulletin } from './verbs/update-bulletin.ts';

export const bulletinsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['通报'];
  const one = { tags, params: BulletinIdParams };

  app.get('/api/bulletins', { schema: { tags, querystring: BulletinListQuery, response: { 200: BulletinListOutput } } }, async (req) => ({
    items: await listBulletinsFor({ ctx: req.ctx, orgId: req.query.orgId, status: req.query.status }),
  }));
  app.get('/api/bulletins/open', { schema: { tags, response: { 200: OpenBulletinListOutput } } }, async (req) => ({ items: await listOpenBulletins({ ctx: req.ctx }) }));
  app.post('/api/bulletins', { schema: { tags, body: CreateBulletinInput, response: { 201: Bulletin } } }, async (req, reply) =>
    reply.status(201).send(await draftBulletin({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/bulletins/:id', { schema: { ...one, response: { 200: Bulletin } } }, (req) => getBulletin({ ctx: req.ctx, id: req.params.id }));
  app.patch('/api/bulletins/:id', { schema: { ...one, body: UpdateBulletinInput, response: { 200: Bulletin } } }, (req) => updateBulletin({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/bulletins/:id/regenerate', { schema: { ...one, body: RegenerateBulletinInput, response: { 200: Bulletin } } }, (req) =>
    regenerateBulletin({ ctx: req.ctx, id: req.params.id, version: req.body.version, keepText: req.body.keepText }),
  );
  app.post('/api/bulletins/:id/publish', { schema: { ...one, body: BulletinVersionInput, response: { 200: Bulletin } } }, (req) =>
    publishBulletin({ ctx: req.ctx, id: req.params.id, version: req.body.version }),
  );
  app.post('/api/bulletins/:id/close-appeal', { schema: { ...one, body: BulletinVersionInput, response: { 200: Bulletin } } }, (req) =>
    closeAppealWindow({ ctx: req.ctx, id: req.params.id, version: req.body.version }),
  );
  app.post('/api/bulletins/:id/finalize', { schema: { ...one, body: BulletinVersionInput, response: { 200: Bulletin } } }, (req) =>
    finalizeBulletin({ ctx: req.ctx, id: req.params.id, version: req.body.version }),
  );
  app.post('/api/bulletins/:id/appeals', { schema: { ...one, body: CreateAppealInput, response: { 201: BulletinAppeal } } }, async (req, reply) =>
    reply.status(201).send(await createAppeal({ ctx: req.ctx, bulletinId: req.params.id, input: req.body })),
  );
  app.post('/api/bulletins/:id/appeals/:appealId/answer', { schema: { tags, params: BulletinAppealParams, body: AnswerAppealInput, response: { 200: BulletinAppeal } } }, (req) =>
    answerAppeal({ ctx: req.ctx, bulletinId: req.params.id, appealId: req.params.appealId, answer: req.body.answer }),
  );
  app.get('/api/bulletins/:id/docx', { schema: one }, async (req, reply) => {
    const { body, name } = await bulletinDocx({ ctx: req.ctx, id: req.params.id });
    return sendDocx(reply, body, name);
  });
  app.get('/api/bulletins/:id/annex.xlsx', { schema: one }, async (req, reply) => {
    const { body, name } = await bulletinXlsx({ ctx: req.ctx, id: req.params.id });
    return sendXlsx(reply, body, name);
  });
};
